test rules/zigui-hans.rules
