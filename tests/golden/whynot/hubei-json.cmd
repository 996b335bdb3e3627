run --format json --why-not 容錯減責 rules/hubei.rules rules/cases/tc01-songzi.case
