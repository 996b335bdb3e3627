prove --format xml rules/hubei.rules
