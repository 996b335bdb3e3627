# shellcheck shell=sh
# Evaluation and rendering need only the compiled plan: only checking and
# compiling read the syntax tree (engine/ast.h) or the lexer. Evaluating,
# tracing, `show`, the test runner and the parts of a rule set by ID
# neither include them nor reach into the tree, and the plan keeps no
# pointer to it. Prints each file that does.
plan_side="engine/eval.c engine/trace.c engine/trace_json.c engine/trace.h
    engine/trace_int.h engine/plan_tests.h engine/plan_show.h engine/show.c
    engine/testrun.c engine/testrun.h engine/api_rules.c"
# shellcheck disable=SC2086
grep -l 'ast\.h\|lexer/' engine/plan.h $plan_side
# shellcheck disable=SC2086
grep -l 'struct ast_\|show_ast_expr\|show_file' $plan_side
grep -l 'struct ast_file \*file;' engine/plan.h
echo "checked"
