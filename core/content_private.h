/* SPDX-License-Identifier: MIT */
/*
 * content_private.h - what the modules of the content loader share, and
 * nothing else includes. The loader is layered, each layer using only the
 * ones above it:
 *   xmlread.c        read a file, check UTF-8, parse it, catch libxml2's errors
 *   walk.c           the element walker: children, attributes, messages
 *   topic_text.c     plain, phone and inline text (with walk.c)
 *   topic_grammar.c  a topic element tree -> pe_topic (with the two above)
 *   content.c        the schema and one topic file (content.h)
 *   library.c        a directory of topics (content.h)
 * validate.c (ids, phones, dates) stands apart; anyone may use it.
 */
#ifndef PE_CONTENT_PRIVATE_H
#define PE_CONTENT_PRIVATE_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "content.h"
#include "walk.h"

/* topic_text.c. Plain text (title, summary, cite, publisher): one line,
 * collapsed, trimmed, not empty; *out is malloc'ed. */
bool pe_walk_plain_text(pe_walk *w, const xmlNode *el, char **out);
/* A <phone>: its text as written must be a phone number. */
bool pe_walk_phone_text(pe_walk *w, const xmlNode *el, char **out);
/* Inline content: text with <em>, <strong>, <phone>; must not end up
 * empty. _child: the same for an element with no attributes of its own. */
bool pe_walk_inline_text(pe_walk *w, const xmlNode *el, pe_text *out);
bool pe_walk_inline_child(pe_walk *w, const xmlNode *el, pe_text *out);

/* topic_grammar.c. Walk the tree under root (from the file path) into t,
 * which has its path and lang set. False with the first problem in err
 * ("path:line: <event> needs an \"at\" attribute"); t is then partly
 * filled and only good for pe_topic_destroy. */
bool pe_topic_parse(const char *path, pe_error *err, pe_topic *t, const xmlNode *root);

/* content.c, for library.c: pe_topic_load, also giving the line of the
 * root element (for "duplicate topic id" messages). */
pe_topic *pe_topic_load_at(const char *path, const char *lang, const pe_schema *schema,
                           pe_error *err, int *root_line);

#endif
