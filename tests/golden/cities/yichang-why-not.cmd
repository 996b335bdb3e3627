run --why-not 容錯免責 rules/yichang.rules rules/cases/yichang-late-filing.case
