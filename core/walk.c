/* SPDX-License-Identifier: MIT */
/*
 * walk.c - the element walker (see walk.h): a cursor over an element's
 * children, attribute checks, and one plain message for the first thing
 * that is wrong ("<event> needs an \"at\" attribute", "text is not allowed
 * directly in <section> (put it in a <p>)"). It knows XML, not topics;
 * the topic grammar (topic_grammar.c) drives it. Never prints or exits.
 */
#include "walk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlread.h"

/* "an \"at\"", "a \"kind\"" */
static const char *article(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}



static void vfail(pe_walk *w, int line, const char *fmt, va_list ap)
{
	if (w->failed)
		return;
	w->failed = true;
	char msg[PE_ERROR_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	pe_error_set(w->err, w->path, line, "%s", msg);
}

/* Record the first problem, at the line of node `at`; always false so
 * callers can `return pe_walk_fail(...)`. */
bool pe_walk_fail(pe_walk *w, const xmlNode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(w, at ? pe_xml_line(at) : 0, fmt, ap);
	va_end(ap);
	return false;
}

bool pe_walk_fail_line(pe_walk *w, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(w, line, fmt, ap);
	va_end(ap);
	return false;
}

/* libxml2 gives a text node the line where the text ends; the reader wants
 * the line where the stray words start. */
static int text_line(const xmlNode *n)
{
	int line = pe_xml_line(n);
	const char *s = (const char *)n->content;
	while (*s && pe_xml_is_space((unsigned char)*s))
		s++;
	for (; *s; s++)
		if (*s == '\n')
			line--;
	return line > 0 ? line : 0;
}

bool pe_walk_oom(pe_walk *w, const xmlNode *at)
{
	return pe_walk_fail(w, at, "out of memory");
}

const char *pe_walk_name(const xmlNode *n)
{
	return (const char *)n->name;
}

bool pe_walk_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       strcmp(pe_walk_name(n), name) == 0;
}

/* Element name as written, with its namespace prefix if any. */
const char *pe_walk_qname(const xmlNode *n, char *buf, size_t size)
{
	if (n->ns && n->ns->prefix)
		snprintf(buf, size, "%s:%s", (const char *)n->ns->prefix, pe_walk_name(n));
	else if (n->ns)
		snprintf(buf, size, "%s xmlns=\"%s\"", pe_walk_name(n), (const char *)n->ns->href);
	else
		snprintf(buf, size, "%s", pe_walk_name(n));
	return buf;
}

bool pe_walk_unexpected(pe_walk *w, const xmlNode *parent, const xmlNode *child,
                        const char *expected)
{
	char q[128];
	if (!w->known(child))
		return pe_walk_fail(w, child, "unknown element <%s> in <%s>",
		                    pe_walk_qname(child, q, sizeof q), pe_walk_name(parent));
	if (expected)
		return pe_walk_fail(w, child, "<%s> is not allowed here in <%s> (expected %s)",
		                    pe_walk_name(child), pe_walk_name(parent), expected);
	return pe_walk_fail(w, child, "<%s> is not allowed in <%s>", pe_walk_name(child),
	                    pe_walk_name(parent));
}


void pe_kids_init(pe_kids *k, const xmlNode *parent)
{
	k->parent = parent;
	k->next = parent->children;
	k->peeked = NULL;
}

/* Look at the next element without taking it. Returns false on error; sets
 * *out to NULL at the end of the children. */
bool pe_kids_peek(pe_walk *w, pe_kids *k, const xmlNode **out)
{
	if (k->peeked) {
		*out = k->peeked;
		return true;
	}
	for (const xmlNode *n = k->next; n; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			k->peeked = n;
			k->next = n->next;
			*out = n;
			return true;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!pe_xml_all_space((const char *)n->content))
				return pe_walk_fail_line(w, text_line(n),
				                         "text is not allowed directly in <%s>%s",
				                         pe_walk_name(k->parent), w->text_hint(k->parent));
			break;
		case XML_ENTITY_REF_NODE:
			return pe_walk_fail(w, n,
			                    "entity &%s; is not allowed (write the character itself)",
			                    pe_walk_name(n));
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
		case XML_XINCLUDE_START:
		case XML_XINCLUDE_END:
			break;
		default:
			return pe_walk_fail(w, n, "unexpected node in <%s>",
			                    pe_walk_name(k->parent));
		}
	}
	k->next = NULL;
	*out = NULL;
	return true;
}

void pe_kids_take(pe_kids *k)
{
	k->peeked = NULL;
}

/* The next child must be <name>. */
bool pe_kids_expect(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out)
{
	const xmlNode *n;
	if (!pe_kids_peek(w, k, &n))
		return false;
	if (!n)
		return pe_walk_fail(w, k->parent, "<%s> needs %s <%s>", pe_walk_name(k->parent),
		                    article(name),
		                    name);
	if (!pe_walk_is(n, name)) {
		char q[128];
		if (!w->known(n))
			return pe_walk_unexpected(w, k->parent, n, NULL);
		return pe_walk_fail(w, n, "expected <%s> but found <%s> in <%s>", name,
		                    pe_walk_qname(n, q, sizeof q), pe_walk_name(k->parent));
	}
	pe_kids_take(k);
	*out = n;
	return true;
}

/* An optional <name> as the next child: *out is NULL if it is not there. */
bool pe_kids_optional(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out)
{
	const xmlNode *n;
	*out = NULL;
	if (!pe_kids_peek(w, k, &n))
		return false;
	if (n && pe_walk_is(n, name)) {
		pe_kids_take(k);
		*out = n;
	}
	return true;
}

/* Nothing may follow. */
bool pe_kids_end(pe_walk *w, pe_kids *k)
{
	const xmlNode *n;
	if (!pe_kids_peek(w, k, &n))
		return false;
	if (n)
		return pe_walk_unexpected(w, k->parent, n, NULL);
	return true;
}

bool pe_kids_next(pe_walk *w, pe_kids *k, const char *name, const xmlNode **out)
{
	const xmlNode *n;
	*out = NULL;
	if (!pe_kids_peek(w, k, &n) || !n)
		return false;
	if (!pe_walk_is(n, name)) {
		char want[64];
		snprintf(want, sizeof want, "<%s>", name);
		pe_walk_unexpected(w, k->parent, n, want);
		return false;
	}
	pe_kids_take(k);
	*out = n;
	return true;
}

/* Attributes: every attribute must be in the allowed list (NULL-ended). */
bool pe_walk_check_attrs(pe_walk *w, const xmlNode *el, const char *const *allowed)
{
	for (const xmlAttr *a = el->properties; a; a = a->next) {
		bool ok = false;
		if (!a->ns)
			for (const char *const *p = allowed; *p; p++)
				if (strcmp(*p, (const char *)a->name) == 0)
					ok = true;
		if (!ok) {
			if (a->ns && a->ns->prefix)
				return pe_walk_fail(w, el, "unknown attribute \"%s:%s\" on <%s>",
				                    (const char *)a->ns->prefix, (const char *)a->name,
				                    pe_walk_name(el));
			return pe_walk_fail(w, el, "unknown attribute \"%s\" on <%s>",
			                    (const char *)a->name,
			                    pe_walk_name(el));
		}
	}
	return true;
}

/* An attribute value copied into a fixed buffer (all our attributes are
 * short: ids, dates, numbers, keywords). Returns false if absent. */
bool pe_walk_get_attr(const xmlNode *el, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlGetNoNsProp((xmlNode *)el, (const xmlChar *)name);
	if (!v)
		return false;
	snprintf(buf, size, "%s", (const char *)v);
	xmlFree(v);
	return true;
}

bool pe_walk_need_attr(pe_walk *w, const xmlNode *el, const char *name, char *buf,
                       size_t size)
{
	if (pe_walk_get_attr(el, name, buf, size))
		return true;
	return pe_walk_fail(w, el, "<%s> needs %s \"%s\" attribute", pe_walk_name(el),
	                    article(name), name);
}

/* An attribute that is one of a fixed set of keywords. Returns the index,
 * def when absent, or -1 after an error. */
int pe_walk_keyword_attr(pe_walk *w, const xmlNode *el, const char *name, bool required,
                         int def, const char *const *words, size_t n_words)
{
	char v[64];
	if (!pe_walk_get_attr(el, name, v, sizeof v)) {
		if (!required)
			return def;
		pe_walk_need_attr(w, el, name, v, sizeof v);
		return -1;
	}
	for (size_t i = 0; i < n_words; i++)
		if (strcmp(v, words[i]) == 0)
			return (int)i;
	char list[200] = "";
	for (size_t i = 0; i < n_words; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s%s",
		         i == 0 ? "" : i + 1 == n_words ? " or " : ", ", words[i]);
	}
	pe_walk_fail(w, el, "<%s> %s=\"%s\" must be %s", pe_walk_name(el), name, v, list);
	return -1;
}
