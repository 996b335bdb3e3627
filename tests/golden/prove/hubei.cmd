prove rules/hubei.rules
