diff rules/hubei.rules
