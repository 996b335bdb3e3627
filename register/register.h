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
/* Record every case of the case files evaluated under rs (why_not as in
 * the run), one transaction per batch of cases; the number recorded, or
 * -1 after a message. */
long reg_record(struct reg *r, struct rc_ruleset *rs, const char *why_not,
                const char *const *files, int nfiles);

/* rongcuo history, rongcuo register check, rongcuo replay. */
int reg_history_cmd(int argc, char **argv);
int reg_register_cmd(int argc, char **argv);
int reg_replay_cmd(int argc, char **argv);

#endif
