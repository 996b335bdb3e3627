diff rules/hubei.rules rules/hubei.rules rules/cases/tc01-songzi.case rules/cases/tc13-xiantao.case
