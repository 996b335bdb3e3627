run --format json rules/yichang.rules rules/cases/yichang-late-filing.case rules/cases/yichang-zigui-lng.case
