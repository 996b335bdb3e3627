diff rules/yichang.rules rules/zigui-hans.rules rules/cases/zigui-lng.case rules/cases/zigui-late-filing.case
