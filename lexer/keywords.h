#ifndef LEXER_KEYWORDS_H
#define LEXER_KEYWORDS_H

/* The keywords and their spellings are the engine's (engine/lang.h): the
 * lexer reads them, the trace and `show` write them. */
#include "engine/lang.h"

#endif
