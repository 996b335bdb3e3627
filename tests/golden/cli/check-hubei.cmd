check rules/hubei.rules
