run --lang en rules/hubei.rules rules/cases/tc01-songzi.case rules/cases/no-such.case
