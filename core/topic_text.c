/* SPDX-License-Identifier: MIT */
/*
 * topic_text.c - the text of a topic: plain text (titles, summaries,
 * citations), phone numbers, and inline text with <em>, <strong> and
 * <phone> runs, read from the tree with the walker (walk.h). White space is
 * collapsed the way a reader expects; text that ends up empty is an error,
 * a stricter rule than the schema can express. Never prints or exits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "content_private.h"
#include "validate.h"
#include "walk.h"
#include "xmlread.h"

/* Builds a pe_text from raw pieces: white space runs become one space,
 * leading space is dropped and the trailing space is cut at the end, even
 * across run boundaries ("a <em> b</em>" -> "a ", "b"). */
struct textbuf {
	pe_text *t;
	size_t cap;
	bool last_space;   /* the output so far ends in a space (or is empty) */
};

static bool text_append(struct textbuf *tb, const char *raw, unsigned style)
{
	size_t n = strlen(raw);
	char *s = malloc(n + 1);
	if (!s)
		return false;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (pe_xml_is_space((unsigned char)raw[i])) {
			if (!tb->last_space)
				s[o++] = ' ';
			tb->last_space = true;
		} else {
			s[o++] = raw[i];
			tb->last_space = false;
		}
	}
	s[o] = '\0';
	if (o == 0) {
		free(s);
		return true;
	}
	pe_text *t = tb->t;
	if (t->n_runs > 0 && t->runs[t->n_runs - 1].style == style) {
		/* Same style as the run before: merge. */
		pe_run *r = &t->runs[t->n_runs - 1];
		size_t old = strlen(r->text);
		char *m = realloc(r->text, old + o + 1);
		if (!m) {
			free(s);
			return false;
		}
		memcpy(m + old, s, o + 1);
		r->text = m;
		free(s);
		return true;
	}
	if (!pe_grow((void **)&t->runs, &tb->cap, t->n_runs + 1, sizeof *t->runs)) {
		free(s);
		return false;
	}
	t->runs[t->n_runs].text = s;
	t->runs[t->n_runs].style = style;
	t->n_runs++;
	return true;
}

/* Cut the one trailing space; drop a run left empty by it. */
static void text_finish_trim(pe_text *t)
{
	if (t->n_runs == 0)
		return;
	pe_run *r = &t->runs[t->n_runs - 1];
	size_t n = strlen(r->text);
	if (n > 0 && r->text[n - 1] == ' ')
		r->text[--n] = '\0';
	if (n == 0) {
		free(r->text);
		t->n_runs--;
		if (t->n_runs == 0) {
			free(t->runs);
			t->runs = NULL;
		}
	}
}

/* The raw text content of an element that may hold only text (comments
 * allowed). Fails on child elements: "<em> is not allowed in <title>". */
static bool raw_text(pe_walk *w, const xmlNode *el, char **out, const char *why)
{
	size_t len = 0;
	for (const xmlNode *n = el->children; n; n = n->next)
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			len += strlen((const char *)n->content);
	char *s = malloc(len + 1);
	if (!s)
		return pe_walk_oom(w, el);
	size_t o = 0;
	for (const xmlNode *n = el->children; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE: {
			size_t k = strlen((const char *)n->content);
			memcpy(s + o, n->content, k);
			o += k;
			break;
		}
		case XML_ELEMENT_NODE: {
			free(s);
			char q[128];
			if (!w->known(n))
				return pe_walk_unexpected(w, el, n, NULL);
			return pe_walk_fail(w, n, "<%s> is not allowed in <%s> (%s)",
			                    pe_walk_qname(n, q, sizeof q),
			                    pe_walk_name(el), why);
		}
		case XML_ENTITY_REF_NODE:
			free(s);
			return pe_walk_fail(w, n,
			                    "entity &%s; is not allowed (write the character itself)",
			                    pe_walk_name(n));
		default:
			break;
		}
	}
	s[o] = '\0';
	*out = s;
	return true;
}

/* Plain text (title, summary, cite, publisher): collapsed, trimmed, and
 * not empty. */
bool pe_walk_plain_text(pe_walk *w, const xmlNode *el, char **out)
{
	char *raw;
	if (!pe_walk_check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	if (!raw_text(w, el, &raw, "plain text only"))
		return false;
	/* The schema's nonempty-text pattern is ".*\S.*", and "." in XML
	 * Schema regexes does not match a line break. */
	if (strpbrk(raw, "\r\n") && !pe_xml_all_space(raw)) {
		free(raw);
		return pe_walk_fail(w, el, "<%s> must be on one line (no line breaks inside it)",
		                    pe_walk_name(el));
	}
	pe_text t = { 0 };
	struct textbuf tb = { &t, 0, true };
	bool ok = text_append(&tb, raw, PE_RUN_PLAIN);
	free(raw);
	if (!ok)
		return pe_walk_oom(w, el);
	text_finish_trim(&t);
	if (t.n_runs == 0)
		return pe_walk_fail(w, el, "<%s> is empty", pe_walk_name(el));
	*out = t.runs[0].text;
	free(t.runs);
	return true;
}

/* Phone text as written in the file must match the schema's pattern. */
bool pe_walk_phone_text(pe_walk *w, const xmlNode *el, char **out)
{
	char *raw;
	if (!pe_walk_check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	if (!raw_text(w, el, &raw, "a phone number is plain text"))
		return false;
	if (!pe_phone_valid(raw)) {
		bool empty = pe_xml_all_space(raw);
		pe_walk_fail(w, el, empty ? "<phone> is empty%s" :
		             "<phone> \"%s\" is not a phone number (3 to 15 digits; spaces, ( ) - . "
		     "and a leading +)",
		             empty ? "" : raw);
		free(raw);
		return false;
	}
	*out = raw;
	return true;
}

/* Inline content (heading, p, item, step, when, what, name, hours, ...):
 * text with <em>, <strong>, <phone>; must not end up empty. */
bool pe_walk_inline_text(pe_walk *w, const xmlNode *el, pe_text *out)
{
	struct textbuf tb = { out, 0, true };
	for (const xmlNode *n = el->children; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!text_append(&tb, (const char *)n->content, PE_RUN_PLAIN))
				return pe_walk_oom(w, n);
			break;
		case XML_ELEMENT_NODE: {
			unsigned style;
			char *raw;
			if (pe_walk_is(n, "em"))
				style = PE_RUN_EM;
			else if (pe_walk_is(n, "strong"))
				style = PE_RUN_STRONG;
			else if (pe_walk_is(n, "phone"))
				style = PE_RUN_PHONE;
			else
				return pe_walk_unexpected(w, el, n,
				                          "text, <em>, <strong> or <phone>");
			if (style == PE_RUN_PHONE) {
				if (!pe_walk_phone_text(w, n, &raw))
					return false;
			} else {
				if (!pe_walk_check_attrs(w, n, (const char *const[]){ NULL }))
					return false;
				if (!raw_text(w, n, &raw, "no markup inside <em> or <strong>"))
					return false;
				if (pe_xml_all_space(raw)) {
					free(raw);
					return pe_walk_fail(w, n, "<%s> is empty", pe_walk_name(n));
				}
			}
			bool ok = text_append(&tb, raw, style);
			free(raw);
			if (!ok)
				return pe_walk_oom(w, n);
			break;
		}
		case XML_ENTITY_REF_NODE:
			return pe_walk_fail(w, n,
			                    "entity &%s; is not allowed (write the character itself)",
			                    pe_walk_name(n));
		default:
			break;
		}
	}
	text_finish_trim(out);
	if (out->n_runs == 0)
		return pe_walk_fail(w, el, "<%s> is empty", pe_walk_name(el));
	return true;
}

/* An element holding only inline text, with no attributes of its own. */
bool pe_walk_inline_child(pe_walk *w, const xmlNode *el, pe_text *out)
{
	return pe_walk_check_attrs(w, el, (const char *const[]){ NULL }) &&
	       pe_walk_inline_text(w, el, out);
}
