#ifndef ENGINE_DATE_H
#define ENGINE_DATE_H

/* Dates as day numbers (defined in engine/ast.c, where the parser reads
 * them): what evaluation and the trace need without the syntax tree. */

/* Days since 1970-01-01 for a valid y-m-d, or -1 when the date is invalid. */
int ast_date(int y, int m, int d);
/* "YYYY-MM-DD". */
void ast_date_format(int days, char buf[16]);

#endif
