check tests/golden/errors/domain.rules
