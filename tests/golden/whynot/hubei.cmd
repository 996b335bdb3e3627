run --why-not 容錯減責 rules/hubei.rules rules/cases/tc01-songzi.case rules/cases/tc04-land-policy.case
