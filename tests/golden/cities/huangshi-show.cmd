show rules/huangshi.rules
