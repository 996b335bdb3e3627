#ifndef REGISTER_REGISTER_H
#define REGISTER_REGISTER_H

#include <stdbool.h>

#include "engine/rongcuo.h"

/*
 * The decision register (docs/register.md): every verdict kept in one
 * SQLite file, with the rule set that gave it. Only this folder links
 * SQLite; it reads the library through engine/rongcuo.h alone (and the
 * engine's SHA-256). The rongcuo command links it; librongcuo does not.
 */

/* The schema this code writes and reads (PRAGMA user_version). */
#define REG_SCHEMA 1

struct reg;
/* Open (creating when missing) the register at path, in WAL mode with a
 * busy timeout; NULL after a message on stderr (cannot be opened, not a
 * register, written by a newer schema). */
struct reg *reg_open(const char *path, bool create);
void reg_close(struct reg *r);
/* Recording the cases of a run under rs as the run evaluates them
 * (rc_cases_run_also): reg_run_begin stores the rule set (NULL after a
 * message); reg_run_also fills *also for the run: the JSON trace of each
 * case becomes an entry, one transaction per batch of the run. A failure
 * of the register stops the recording, not the run; reg_run_end says it,
 * and returns the number of entries added, or -1 after the message. */
struct reg_run;
struct reg_run *reg_run_begin(struct reg *r, const struct rc_ruleset *rs);
void reg_run_also(struct reg_run *rr, struct rc_also *also);
long reg_run_end(struct reg_run *rr);

/* rongcuo history, rongcuo register check, rongcuo replay. */
int reg_history_cmd(int argc, char **argv);
int reg_register_cmd(int argc, char **argv);
int reg_replay_cmd(int argc, char **argv);

#endif
