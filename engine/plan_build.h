#ifndef ENGINE_PLAN_BUILD_H
#define ENGINE_PLAN_BUILD_H

/* What the checker (engine/check.c) keeps from the syntax tree in the plan
 * besides the compiled rules: the declarations as written, for `show`
 * (engine/plan_show.h), and the tests' givens and expectations as written
 * (engine/plan_tests.h). Only checking reads the tree; not an API. */

struct arena;
struct ast_file;
struct plan;

/* p->show from the layered file f that p was compiled from, without
 * errors: its conditions are those of p's nodes (engine/wexpr.h). */
void plan_build_show(struct arena *a, struct plan *p, const struct ast_file *f);

/* The name, place, given and expectations of each of p->tests, those of
 * f->tests in turn, after p was compiled from f without errors: the facts
 * of a given { … } are converted now, their errors kept for the test. */
void plan_build_tests(struct arena *a, struct plan *p,
                      const struct ast_file *f);

#endif
