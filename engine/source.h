#ifndef ENGINE_SOURCE_H
#define ENGINE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct diag_list;

/*
 * A text being compiled or read: a rule file, a case file, or one line of a
 * JSON Lines stream. The text is NUL-terminated; a leading byte-order mark is
 * skipped and not counted in columns.
 */
struct source {
    const char *name; /* as given on the command line, or "<stdin>" */
    const char *text;
    size_t len;
    int first_line; /* line number of text[0] (JSON Lines: the line) */
    int nlines;
    size_t *line_start; /* byte offset of each line, nlines entries */
    bool plain_name;    /* sb_text writes the name as it is */
    bool hidden;        /* read from a file that is not a rule or case file
                           (src_rule_text): diagnostics do not quote its lines */
    bool json;          /* a line of JSON Lines: yes and no are true, false */
};

/* A span in a source. Columns count code points from 1; last_* is the
 * position just after the span. */
struct src_loc {
    const struct source *src;
    int first_line, first_column, last_line, last_column;
};

/* Build a source over text (copied into the arena). */
struct source *src_from_text(struct arena *a, const char *name,
                             const char *text, size_t len, int first_line);
/* One line of text (no newline in it), numbered line: the name is not
 * copied and must outlive the source; plain_name is sb_plain(name), made
 * once for all the lines. For JSON Lines, case after case. */
struct source *src_from_line(struct arena *a, const char *name, bool plain_name,
                             const char *text, size_t len, int line);
/* Read a whole file ("-": standard input); NULL with a diagnostic in dl
 * when it cannot. Only a regular file (or a link to one) is read: a
 * folder, FIFO, device or socket is refused, without waiting on it. The
 * source is ->hidden unless its text passes src_rule_text. */
struct source *src_read_file(struct arena *a, const char *path,
                             struct diag_list *dl);

/* t[0..len) is a word authors write for the policy keyword (政策, 規定,
 * 细则 …): a file that starts with it is a rule file gone wrong. */
bool src_policy_word(const char *t, size_t len);
/* Whether text starts like a rule or case file, so that diagnostics may
 * quote it: after an optional byte-order mark, blank lines, spaces and
 * # comments, all valid UTF-8, either nothing follows or the first word is
 * a keyword that begins a top-level item (policy, extends, fact,
 * conclusion, list, rule, measure, verdict, amend, repeal, case, test) in
 * any of its spellings, or a word src_policy_word knows. */
bool src_rule_text(const char *text, size_t len);
/* Whether text, not UTF-8, reads as double-byte Chinese (GBK or Big5) in
 * its first 4 KiB: a rule file saved in another encoding, whose first word
 * src_rule_text cannot read. */
bool src_legacy_cjk(const char *text, size_t len);

/* rel as seen from the file from: relative to from's folder unless
 * absolute, with "." and "dir/.." folded away. */
char *src_relative(struct arena *a, const char *from, const char *rel);

/* Whether text[i] ends a line: a "\n", or a "\r" not followed by "\n"
 * (old Mac files); "\r\n" ends a line at its "\n". Lines are counted
 * the same whichever line ends a file uses. */
bool src_eol(const char *text, size_t len, size_t i);

/* The bytes of line (first_line based) without its line end. */
const char *src_line(const struct source *s, int line, size_t *len);

/* Decode one UTF-8 code point at s (len bytes left); returns its byte
 * length, or 0 for an invalid sequence. */
int utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Display cells of a code point: 2 for East Asian wide/full-width. */
int utf8_width(uint32_t cp);
/* Number of code points in s[0..len). */
int utf8_count(const char *s, size_t len);
/* Byte offset of column col (1-based code points) in s[0..len). */
size_t utf8_offset(const char *s, size_t len, int col);

#endif
