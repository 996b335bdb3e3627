prove --lang xx rules/hubei.rules
