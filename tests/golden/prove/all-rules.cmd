prove rules/huangshi.rules rules/hubei.rules rules/xiangyang.rules rules/yichang.rules rules/zigui-hans.rules
