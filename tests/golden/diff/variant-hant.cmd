diff rules/hubei.rules rules/yichang.rules rules/cases/yichang-zigui-undated.case rules/cases/yichang-zigui-lng.case rules/cases/yichang-no-controls.case
