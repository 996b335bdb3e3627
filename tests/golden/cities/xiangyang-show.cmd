show rules/xiangyang.rules
