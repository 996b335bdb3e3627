show rules/yichang.rules
