fmt --check rules/
