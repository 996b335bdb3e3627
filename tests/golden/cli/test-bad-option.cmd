test --frob x
