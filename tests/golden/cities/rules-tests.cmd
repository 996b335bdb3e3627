test rules
