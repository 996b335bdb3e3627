#ifndef ENGINE_GRAPH_H
#define ENGINE_GRAPH_H

#include "engine/eval.h"
#include "engine/sbuf.h"

/*
 * The rule graph of a compiled rule set in Graphviz DOT (docs/graph.md),
 * read from the plan, never from the syntax tree: facts → rules →
 * conclusions → verdict lines and measures, an edge from everything a
 * condition reads to what it decides.
 */

struct graph_in {
    const struct plan *p;
    const char *const *files; /* the rule set's files, the file loaded
                                 first, then its bases */
    int nfiles;
    const struct result *r; /* an evaluated case of p, or NULL */
    enum lang lang;         /* keywords and legend */
    struct sbuf *scratch;   /* two buffers of the caller's, who frees them
                               (also after running out of memory) */
};

/* Write the graph of g into out. Rules and measures are filled with the
 * colour of the file they come from; an amended one has a double border
 * and names the base it replaced; a repealed rule that concluded a
 * conclusion is a dashed node; an override is a red edge from the
 * overrider, and a name read under `not` an edge with a hollow head. With
 * a case (g->r), each node is filled with its truth for the case (true,
 * false, unknown; a line not tried white), the origin going to the
 * border, a fact shows its value and the deciding line a thick border.
 * Every text from the rules is escaped for DOT. Out of memory: as
 * arena_protect says. */
void graph_dot(const struct graph_in *g, struct sbuf *out);

#endif
