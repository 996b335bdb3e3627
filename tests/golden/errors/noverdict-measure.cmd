check tests/golden/errors/noverdict-measure.rules
