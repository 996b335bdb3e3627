prove tests/golden/prove/en.rules tests/golden/prove/hans.rules tests/golden/prove/nonlinear.rules
