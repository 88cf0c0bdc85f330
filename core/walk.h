/* SPDX-License-Identifier: MIT */
/*
 * walk.h - the element walker: reading a parsed XML tree element by
 * element with one precise message for the first thing that is wrong
 * (private to the content loader).
 *
 * It knows XML, not topics: which elements exist and where stray text
 * belongs come from the grammar (topic_grammar.c) through the two hooks in
 * pe_walk. Every function that can fail returns false after recording the
 * first problem as "file:line: message" in the walk's pe_error; later
 * problems are dropped, so callers can simply `return pe_walk_fail(...)`.
 */
#ifndef PE_WALK_H
#define PE_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "doc.h"
#include "error.h"

typedef struct pe_walk {
	const char *path;
	pe_error *err;
	bool failed;          /* the first message is kept; later ones dropped */
	pe_topic *topic;      /* being built; sources are filled before sections */
	/* The grammar's: is n an element the schema knows (anything else is
	 * "unknown", a known name in the wrong place "not allowed here"), and
	 * where stray text directly in parent probably belongs (" (put it in a
	 * <p>)", or ""). */
	bool (*known)(const xmlNode *n);
	const char *(*text_hint)(const xmlNode *parent);
} pe_walk;

/* Record the first problem, at the line of node `at` (or at `line`);
 * always false. */
bool pe_walk_fail(pe_walk *w, const xmlNode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool pe_walk_fail_line(pe_walk *w, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool pe_walk_oom(pe_walk *w, const xmlNode *at);

/* The element's name; whether n is the element <name> (no namespace). */
const char *pe_walk_name(const xmlNode *n);
bool pe_walk_is(const xmlNode *n, const char *name);
/* Element name as written, with its namespace prefix if any. */
const char *pe_walk_qname(const xmlNode *n, char *buf, size_t size);
/* child may not stand in parent: "unknown element", or "not allowed here
 * (expected <expected>)" when expected is not NULL. */
bool pe_walk_unexpected(pe_walk *w, const xmlNode *parent, const xmlNode *child,
                        const char *expected);

/* Children of an element-only parent, one element at a time. Whitespace,
 * comments and processing instructions between elements are skipped;
 * anything else is an error. */
typedef struct pe_kids {
	const xmlNode *parent;
	const xmlNode *next;      /* next node to look at */
	const xmlNode *peeked;    /* element found by peek, not yet taken */
} pe_kids;

void pe_kids_init(pe_kids *k, const xmlNode *parent);
/* The next element without taking it; *out is NULL at the end. */
bool pe_kids_peek(pe_walk *w, pe_kids *k, const xmlNode **out);
void pe_kids_take(pe_kids *k);
/* The next child must be <name>. */
bool pe_kids_expect(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out);
/* An optional <name> as the next child: *out is NULL if it is not there. */
bool pe_kids_optional(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out);
/* Nothing may follow. */
bool pe_kids_end(pe_walk *w, pe_kids *k);
/* The next of a run of <name> children: true with *out set; false at the
 * end of the children, or after an error (w->failed then tells), so a
 * loop is `while (pe_kids_next(w, k, "event", &n)) { ... }` and a check of
 * w->failed after it. */
bool pe_kids_next(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out);

/* Every attribute of el must be in allowed (NULL-ended). */
bool pe_walk_check_attrs(pe_walk *w, const xmlNode *el, const char *const *allowed);
/* An attribute value copied into buf; false if absent. */
bool pe_walk_get_attr(const xmlNode *el, const char *name, char *buf, size_t size);
/* The same, but absent is an error ("<event> needs an \"at\" attribute"). */
bool pe_walk_need_attr(pe_walk *w, const xmlNode *el, const char *name, char *buf,
                       size_t size);
/* An attribute that is one of n_words keywords: the index, def when
 * absent (and not required), or -1 after an error. */
int pe_walk_keyword_attr(pe_walk *w, const xmlNode *el, const char *name, bool required,
                         int def, const char *const *words, size_t n_words);


#endif
