check rules/zigui-hans.rules
