/* SPDX-License-Identifier: MIT */
/*
 * topic_grammar.c - a topic's element tree -> pe_topic: the fourth gate a
 * topic file goes through (xmlread.c is the first three).
 *
 * The walk mirrors content/topic.rng element by element and says exactly
 * what is wrong ("<event> needs an \"at\" attribute", "<title> is empty")
 * while it builds the pe_topic; content.c then runs the compiled RELAX NG
 * schema as the final gate, so the schema stays the one definition of what
 * a topic is. The walk is stricter than the schema in a few places the
 * schema cannot express: inline text must not be empty, src ids must name
 * one of the topic's own <source>s, section and source ids are unique, an
 * event's "until" is not before its "at", a sign id is listed once.
 * Never prints or exits.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "content_private.h"
#include "validate.h"
#include "walk.h"
#include "xmlread.h"

/* Topics without an "order" attribute sort after every ordered one. */
#define ORDER_NONE INT_MAX
/* The largest "order" we accept; keeps the value well inside an int. */
#define ORDER_MAX 1000000

/* ---- values --------------------------------------------------------------- */

/* Trimmed copy of an attribute value: the schema's date, decimal and
 * integer types collapse white space around the value. */
static void trim_into(char *dst, size_t size, const char *src)
{
	while (pe_xml_is_space((unsigned char)*src))
		src++;
	size_t n = strlen(src);
	while (n > 0 && pe_xml_is_space((unsigned char)src[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* xsd:decimal: [+-]? digits with an optional fraction, no exponent. Parsed
 * by hand so the C locale's decimal point never matters. */
static bool parse_decimal(const char *value, double *out)
{
	char s[64];
	trim_into(s, sizeof s, value);
	const char *p = s;
	double sign = 1, v = 0, scale = 1;
	int digits = 0;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		v = v * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			v += (*p - '0') * (scale /= 10);
	if (*p || digits == 0 || digits > 15)
		return false;
	*out = sign * v;
	return true;
}

static bool parse_order(const char *value, int *out)
{
	char s[32];
	trim_into(s, sizeof s, value);
	const char *p = s;
	long v = 0;
	if (*p == '+')
		p++;
	if (!*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > ORDER_MAX)
			return false;
	}
	*out = (int)v;
	return true;
}

static bool ident_attr(pe_walk *w, const xmlNode *el, const char *name, char **out)
{
	char v[256];
	if (!pe_walk_need_attr(w, el, name, v, sizeof v))
		return false;
	if (!pe_ident_valid(v))
		return pe_walk_fail(w, el,
		                    "<%s> %s=\"%s\" is not a valid id (lower-case letters and "
		                    "digits, joined by single hyphens)", pe_walk_name(el), name, v);
	if (!(*out = strdup(v)))
		return pe_walk_oom(w, el);
	return true;
}

static bool date_attr(pe_walk *w, const xmlNode *el, const char *name, char **out)
{
	char v[64], t[64];
	if (!pe_walk_need_attr(w, el, name, v, sizeof v))
		return false;
	trim_into(t, sizeof t, v);
	if (!pe_date_parse(t, NULL, NULL, NULL))
		return pe_walk_fail(w, el, "<%s> %s=\"%s\" is not a date (YYYY-MM-DD)",
		                    pe_walk_name(el), name, v);
	if (!(*out = strdup(t)))
		return pe_walk_oom(w, el);
	return true;
}

/* ---- what the walker asks the grammar ----------------------------------- */

/* Every element name the schema knows: anything else is "unknown", a known
 * name in the wrong place is "not allowed here". */
static bool known_element(const xmlNode *n)
{
	static const char *const names[] = {
		"topic", "title", "summary", "sources", "source", "cite", "publisher",
		"section", "heading", "p", "list", "item", "steps", "step", "callout",
		"timeline", "event", "when", "what", "scale", "level", "name", "contact",
		"phone", "hours", "chat", "note", "checklist", "em", "strong",
		"gethelp", "tier", "sign",
	};
	if (n->ns)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], pe_walk_name(n)) == 0)
			return true;
	return false;
}


static const char *text_hint(const xmlNode *parent)
{
	if (pe_walk_is(parent, "section"))
		return " (put it in a <p>)";
	if (pe_walk_is(parent, "list") || pe_walk_is(parent, "checklist") ||
	    pe_walk_is(parent, "callout"))
		return " (put it in an <item>)";
	if (pe_walk_is(parent, "steps"))
		return " (put it in a <step>)";
	if (pe_walk_is(parent, "tier"))
		return " (put it in a <sign> or a <p>)";
	if (pe_walk_is(parent, "gethelp"))
		return " (put it in a <tier>)";
	return "";
}

/* ---- traced: src and origin ------------------------------------------- */

static bool source_known(const pe_topic *t, const char *id)
{
	for (size_t i = 0; i < t->n_sources; i++)
		if (strcmp(t->sources[i].id, id) == 0)
			return true;
	return false;
}

static bool traced(pe_walk *w, const xmlNode *el, char ***src, bool *filled)
{
	static const char *const origins[] = { "seed", "filled" };
	int o = pe_walk_keyword_attr(w, el, "origin", false, 0, origins, 2);
	if (o < 0)
		return false;
	*filled = o == 1;

	xmlChar *v = xmlGetNoNsProp((xmlNode *)el, (const xmlChar *)"src");
	if (!v)
		return true;
	bool ok = false;
	size_t n = 0, cap = 0;
	char **list = NULL;
	char *copy = strdup((const char *)v);
	if (!copy) {
		pe_walk_oom(w, el);
		goto done;
	}
	for (char *save = NULL, *tok = strtok_r(copy, " \t\r\n", &save); tok;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (!pe_ident_valid(tok)) {
			pe_walk_fail(w, el, "<%s> src=\"%s\": \"%s\" is not a valid source id",
			             pe_walk_name(el),
			             (const char *)v, tok);
			goto done;
		}
		if (!source_known(w->topic, tok)) {
			pe_walk_fail(w, el, "<%s> src=\"%s\": no <source id=\"%s\"> in this topic",
			             pe_walk_name(el), (const char *)v, tok);
			goto done;
		}
		/* n + 2 leaves room for the terminating NULL. */
		if (!pe_grow((void **)&list, &cap, n + 2,
		             sizeof *list) || !(list[n] = strdup(tok))) {
			pe_walk_oom(w, el);
			goto done;
		}
		list[++n] = NULL;
	}
	if (n == 0) {
		pe_walk_fail(w, el, "<%s> src is empty", pe_walk_name(el));
		goto done;
	}
	*src = list;
	list = NULL;
	ok = true;
done:
	if (list) {
		for (size_t i = 0; i < n; i++)
			free(list[i]);
		free(list);
	}
	free(copy);
	xmlFree(v);
	return ok;
}

/* ---- blocks ------------------------------------------------------------ */

static const char *const BLOCKS =
	"a block: <p>, <list>, <steps>, <callout>, <timeline>, <scale>, <contact>, <checklist> "
	"or <gethelp>";

/* Append a zeroed item to a block; its line and traced attributes set. */
static pe_item *new_item(pe_walk *w, pe_block *b, size_t *cap, const xmlNode *el)
{
	if (!pe_grow((void **)&b->items, cap, b->n_items + 1, sizeof *b->items)) {
		pe_walk_oom(w, el);
		return NULL;
	}
	pe_item *it = &b->items[b->n_items++];
	memset(it, 0, sizeof *it);
	it->line = pe_xml_line(el);
	if (!traced(w, el, &it->src, &it->filled))
		return NULL;
	return it;
}

static const char *const TRACED[] = { "src", "origin", NULL };

/* <list>/<checklist> items, <steps> steps: a run of <name> children. */
static bool simple_items(pe_walk *w, pe_block *b, pe_kids *k, const char *name)
{
	size_t cap = 0;
	const xmlNode *n;
	while (pe_kids_next(w, k, name, &n)) {
		if (!pe_walk_check_attrs(w, n, TRACED))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it || !pe_walk_inline_text(w, n, &it->text))
			return false;
		it->bullet = true;
	}
	if (w->failed)
		return false;
	if (b->n_items == 0)
		return pe_walk_fail(w, k->parent, "<%s> needs at least one <%s>",
		                    pe_walk_name(k->parent), name);
	return true;
}

static bool callout_block(pe_walk *w, pe_block *b, const xmlNode *el, pe_kids *k)
{
	static const char *const kinds[] = { "info", "warning", "emergency" };
	static const char *const attrs[] = { "kind", "src", "origin", NULL };
	if (!pe_walk_check_attrs(w, el, attrs))
		return false;
	int kind = pe_walk_keyword_attr(w, el, "kind", true, 0, kinds, 3);
	if (kind < 0)
		return false;
	b->callout = (pe_callout_kind)kind;
	const xmlNode *n;
	if (!pe_kids_optional(w, k, "title", &n))
		return false;
	if (n && !pe_walk_inline_child(w, n, &b->title))
		return false;
	size_t cap = 0;
	for (;;) {
		if (!pe_kids_peek(w, k, &n))
			return false;
		if (!n)
			break;
		bool bullet = pe_walk_is(n, "item");
		if (!bullet && !pe_walk_is(n, "p"))
			return pe_walk_unexpected(w, el, n, "<p> or <item>");
		pe_kids_take(k);
		if (!pe_walk_check_attrs(w, n, TRACED))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it || !pe_walk_inline_text(w, n, &it->text))
			return false;
		it->bullet = bullet;
	}
	if (b->n_items == 0)
		return pe_walk_fail(w, el, "<callout> needs at least one <p> or <item>");
	return true;
}

/* An <event> or a <level>: its <when> or <name> (the item's label), then
 * a <what> (its text), and nothing else. */
static bool label_and_what(pe_walk *w, const xmlNode *el, const char *label, pe_item *it)
{
	pe_kids k;
	const xmlNode *c;
	pe_kids_init(&k, el);
	return pe_kids_expect(w, &k, label, &c) && pe_walk_inline_child(w, c, &it->label) &&
	       pe_kids_expect(w, &k, "what", &c) && pe_walk_inline_child(w, c, &it->text) &&
	       pe_kids_end(w, &k);
}

static bool timeline_block(pe_walk *w, pe_block *b, const xmlNode *el, pe_kids *k)
{
	static const char *const kinds[] = { "care", "effect", "benefit", "warning" };
	static const char *const attrs[] = { "at", "until", "kind", "src", "origin", NULL };
	size_t cap = 0;
	const xmlNode *n;
	while (pe_kids_next(w, k, "event", &n)) {
		char v[64];
		if (!pe_walk_check_attrs(w, n, attrs) ||
		    !pe_walk_need_attr(w, n, "at", v, sizeof v))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it)
			return false;
		if (!parse_decimal(v, &it->at))
			return pe_walk_fail(w, n, "<event> at=\"%s\" is not a number of hours", v);
		it->until = it->at;
		if (pe_walk_get_attr(n, "until", v, sizeof v)) {
			if (!parse_decimal(v, &it->until))
				return pe_walk_fail(w, n,
				                    "<event> until=\"%s\" is not a number of hours", v);
			if (it->until < it->at)
				return pe_walk_fail(w, n,
				                    "<event> until=\"%s\" is before its \"at\"", v);
		}
		int kind = pe_walk_keyword_attr(w, n, "kind", false, PE_EVENT_CARE, kinds, 4);
		if (kind < 0)
			return false;
		it->event = (pe_event_kind)kind;
		if (!label_and_what(w, n, "when", it))
			return false;
	}
	if (w->failed)
		return false;
	if (b->n_items == 0)
		return pe_walk_fail(w, el, "<timeline> needs at least one <event>");
	return true;
}

static bool scale_block(pe_walk *w, pe_block *b, const xmlNode *el, pe_kids *k)
{
	static const char *const grades[] = { "mild", "moderate", "severe" };
	static const char *const attrs[] = { "grade", "src", "origin", NULL };
	size_t cap = 0;
	const xmlNode *n;
	while (pe_kids_next(w, k, "level", &n)) {
		if (!pe_walk_check_attrs(w, n, attrs))
			return false;
		int grade = pe_walk_keyword_attr(w, n, "grade", true, 0, grades, 3);
		if (grade < 0)
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it)
			return false;
		it->grade = (pe_grade)(PE_GRADE_MILD + grade);
		if (!label_and_what(w, n, "name", it))
			return false;
	}
	if (w->failed)
		return false;
	if (b->n_items == 0)
		return pe_walk_fail(w, el, "<scale> needs at least one <level>");
	return true;
}

static bool contact_block(pe_walk *w, pe_block *b, pe_kids *k)
{
	pe_contact *c = &b->contact;
	const xmlNode *n;
	if (!pe_kids_expect(w, k, "name", &n) || !pe_walk_inline_child(w, n, &c->name) ||
	    !pe_kids_expect(w, k, "phone", &n) || !pe_walk_phone_text(w, n, &c->phone) ||
	    !pe_kids_expect(w, k, "hours", &n) || !pe_walk_inline_child(w, n, &c->hours))
		return false;
	if (!pe_kids_optional(w, k, "chat", &n) || (n && !pe_walk_inline_child(w, n, &c->chat)))
		return false;
	if (!pe_kids_optional(w, k, "note", &n) || (n && !pe_walk_inline_child(w, n, &c->note)))
		return false;
	return pe_kids_end(w, k);
}

/* <gethelp>: up to 3 <tier level="...">, most urgent first, each a title,
 * one or more <sign id="..."> and optional <p> notes. Stricter than the
 * schema: at least one tier, and a sign id only once per block (a sign
 * listed in two tiers of one topic would give two answers). */
static bool gethelp_block(pe_walk *w, pe_block *b, const xmlNode *el, pe_kids *k)
{
	static const char *const tier_attrs[] = { "level", "src", "origin", NULL };
	static const char *const sign_attrs[] = { "id", "src", "origin", NULL };
	static const char *const levels[] = { "emergency", "urgent", "routine" };
	int last_line[PE_TIER_COUNT] = { 0 };
	int prev = -1;
	const xmlNode *n;
	b->tiers = calloc(PE_TIER_COUNT, sizeof *b->tiers);
	if (!b->tiers)
		return pe_walk_oom(w, el);
	while (pe_kids_next(w, k, "tier", &n)) {
		if (!pe_walk_check_attrs(w, n, tier_attrs))
			return false;
		int level = pe_walk_keyword_attr(w, n, "level", true, 0, levels, PE_TIER_COUNT);
		if (level < 0)
			return false;
		if (last_line[level])
			return pe_walk_fail(w, n,
			                    "a second <tier level=\"%s\"> (the first is on line %d)",
			                    levels[level], last_line[level]);
		if (level < prev)
			return pe_walk_fail(w, n,
			                    "<tier level=\"%s\"> must come before <tier level=\"%s\"> "
			                    "(order: emergency, urgent, routine)", levels[level], levels[prev]);
		last_line[level] = pe_xml_line(n);
		prev = level;
		pe_tier *t = &b->tiers[b->n_tiers++];
		t->level = (pe_tier_level)level;
		t->line = pe_xml_line(n);
		if (!traced(w, n, &t->src, &t->filled))
			return false;
		pe_kids tk;
		const xmlNode *c;
		pe_kids_init(&tk, n);
		if (!pe_kids_expect(w, &tk, "title", &c) || !pe_walk_inline_child(w, c, &t->title))
			return false;
		size_t scap = 0, pcap = 0;
		for (;;) {
			if (!pe_kids_peek(w, &tk, &c))
				return false;
			if (!c)
				break;
			bool sign = pe_walk_is(c, "sign");
			if (!sign && !pe_walk_is(c, "p"))
				return pe_walk_unexpected(w, n, c,
				                          t->n_paras ? "<p>" : "<sign> or <p>");
			if (sign && t->n_paras)
				return pe_walk_fail(w, c,
				                    "<sign> must come before the <p> notes of its <tier>");
			if (!sign && t->n_signs == 0)
				return pe_walk_fail(w, c,
				                    "<tier> needs at least one <sign> before its <p> notes");
			pe_kids_take(&tk);
			if (!pe_walk_check_attrs(w, c, sign ? sign_attrs : TRACED))
				return false;
			pe_block tmp = { 0 };
			pe_item **arr = sign ? &t->signs : &t->paras;
			size_t *cnt = sign ? &t->n_signs : &t->n_paras;
			size_t *cap = sign ? &scap : &pcap;
			tmp.items = *arr;
			tmp.n_items = *cnt;
			pe_item *it = new_item(w, &tmp, cap, c);
			*arr = tmp.items;
			*cnt = tmp.n_items;
			if (!it)
				return false;
			it->bullet = sign;
			if (!pe_walk_inline_text(w, c, &it->text))
				return false;
			if (sign) {
				if (!ident_attr(w, c, "id", &it->id))
					return false;
				for (size_t ti = 0; ti < b->n_tiers; ti++) {
					const pe_tier *o = &b->tiers[ti];
					for (size_t si = 0; si < o->n_signs; si++)
						if (&o->signs[si] != it &&
						    strcmp(o->signs[si].id, it->id) == 0)
							return pe_walk_fail(w, c, "<sign id=\"%s\"> is listed "
							                    "twice (also on line %d)", it->id,
							                    o->signs[si].line);
				}
			}
		}
		if (t->n_signs == 0)
			return pe_walk_fail(w, n, "<tier> needs at least one <sign>");
	}
	if (w->failed)
		return false;
	if (b->n_tiers == 0)
		return pe_walk_fail(w, el, "<gethelp> needs at least one <tier>");
	return true;
}

static bool parse_block(pe_walk *w, pe_block *b, const xmlNode *el)
{
	pe_kids k;
	pe_kids_init(&k, el);
	b->line = pe_xml_line(el);
	if (!pe_walk_is(el, "callout") && !pe_walk_check_attrs(w, el, TRACED))
		return false;
	if (!traced(w, el, &b->src, &b->filled))
		return false;
	const xmlNode *n;
	if (pe_walk_is(el, "p")) {
		b->kind = PE_BLOCK_PARAGRAPH;
		return pe_walk_inline_text(w, el, &b->text);
	} else if (pe_walk_is(el, "list")) {
		b->kind = PE_BLOCK_LIST;
		return simple_items(w, b, &k, "item");
	} else if (pe_walk_is(el, "steps")) {
		b->kind = PE_BLOCK_STEPS;
		return simple_items(w, b, &k, "step");
	} else if (pe_walk_is(el, "callout")) {
		b->kind = PE_BLOCK_CALLOUT;
		return callout_block(w, b, el, &k);
	} else if (pe_walk_is(el, "timeline")) {
		b->kind = PE_BLOCK_TIMELINE;
		return timeline_block(w, b, el, &k);
	} else if (pe_walk_is(el, "scale")) {
		b->kind = PE_BLOCK_SCALE;
		return scale_block(w, b, el, &k);
	} else if (pe_walk_is(el, "contact")) {
		b->kind = PE_BLOCK_CONTACT;
		return contact_block(w, b, &k);
	} else if (pe_walk_is(el, "checklist")) {
		b->kind = PE_BLOCK_CHECKLIST;
		return pe_kids_expect(w, &k, "title", &n) &&
		       pe_walk_inline_child(w, n, &b->title) && simple_items(w, b, &k, "item");
	} else if (pe_walk_is(el, "gethelp")) {
		b->kind = PE_BLOCK_GETHELP;
		return gethelp_block(w, b, el, &k);
	}
	return pe_walk_unexpected(w, el->parent, el, BLOCKS);
}

static bool is_block(const xmlNode *n)
{
	return pe_walk_is(n, "p") || pe_walk_is(n, "list") || pe_walk_is(n, "steps") ||
	       pe_walk_is(n, "callout") || pe_walk_is(n, "timeline") || pe_walk_is(n, "scale") ||
	       pe_walk_is(n, "contact") || pe_walk_is(n, "checklist") || pe_walk_is(n, "gethelp");
}

/* ---- sections, sources, topic --------------------------------------------- */

static bool parse_icon(pe_walk *w, const xmlNode *el, pe_icon *out)
{
	char v[64];
	*out = PE_ICON_NONE;
	if (!pe_walk_get_attr(el, "icon", v, sizeof v))
		return true;
	int icon = pe_icon_from_name(v);
	if (icon <= PE_ICON_NONE)
		return pe_walk_fail(w, el,
		                    "<%s> icon=\"%s\" is not one of phone, drip, pill, alert, "
		                    "shield, calendar, info, heart", pe_walk_name(el), v);
	*out = (pe_icon)icon;
	return true;
}

static bool parse_section(pe_walk *w, pe_section *s, const xmlNode *el)
{
	static const char *const attrs[] = { "id", "icon", NULL };
	s->line = pe_xml_line(el);
	if (!pe_walk_check_attrs(w, el, attrs) || !ident_attr(w, el, "id", &s->id) ||
	    !parse_icon(w, el, &s->icon))
		return false;
	for (size_t i = 0; i < w->topic->n_sections; i++)
		if (&w->topic->sections[i] != s && w->topic->sections[i].id &&
		    strcmp(w->topic->sections[i].id, s->id) == 0)
			return pe_walk_fail(w, el, "duplicate section id \"%s\" (also on line %d)",
			                    s->id,
			                    w->topic->sections[i].line);
	pe_kids k;
	const xmlNode *n;
	pe_kids_init(&k, el);
	if (!pe_kids_expect(w, &k, "heading", &n) || !pe_walk_inline_child(w, n, &s->heading))
		return false;
	size_t cap = 0;
	for (;;) {
		if (!pe_kids_peek(w, &k, &n))
			return false;
		if (!n)
			break;
		if (!is_block(n))
			return pe_walk_unexpected(w, el, n, BLOCKS);
		pe_kids_take(&k);
		if (!pe_grow((void **)&s->blocks, &cap, s->n_blocks + 1, sizeof *s->blocks))
			return pe_walk_oom(w, n);
		pe_block *b = &s->blocks[s->n_blocks++];
		memset(b, 0, sizeof *b);
		if (!parse_block(w, b, n))
			return false;
	}
	if (s->n_blocks == 0)
		return pe_walk_fail(w, el, "<section> needs at least one block (<p>, <list>, ...)");
	return true;
}

static bool parse_sources(pe_walk *w, pe_topic *t, const xmlNode *el)
{
	static const char *const attrs[] = { "id", "date", "accessed", NULL };
	if (!pe_walk_check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	pe_kids k;
	const xmlNode *n;
	size_t cap = 0;
	pe_kids_init(&k, el);
	while (pe_kids_next(w, &k, "source", &n)) {
		if (!pe_grow((void **)&t->sources, &cap, t->n_sources + 1, sizeof *t->sources))
			return pe_walk_oom(w, n);
		pe_source *s = &t->sources[t->n_sources++];
		memset(s, 0, sizeof *s);
		char v[64];
		if (!pe_walk_check_attrs(w, n, attrs) || !ident_attr(w, n, "id", &s->id))
			return false;
		/* date = published; accessed = the day we got it (a source with
		 * no date of its own); at least one. */
		if (pe_walk_get_attr(n, "date", v, sizeof v) && !date_attr(w, n, "date", &s->date))
			return false;
		if (pe_walk_get_attr(n, "accessed", v, sizeof v) &&
		    !date_attr(w, n, "accessed", &s->accessed))
			return false;
		if (!s->date && !s->accessed)
			return pe_walk_fail(w, n,
			                    "<source> needs a \"date\" (published) or an \"accessed\" "
			                    "attribute");
		for (size_t i = 0; i + 1 < t->n_sources; i++)
			if (strcmp(t->sources[i].id, s->id) == 0)
				return pe_walk_fail(w, n, "duplicate source id \"%s\"", s->id);
		pe_kids sk;
		const xmlNode *c;
		pe_kids_init(&sk, n);
		if (!pe_kids_expect(w, &sk, "cite", &c) || !pe_walk_plain_text(w, c, &s->cite) ||
		    !pe_kids_expect(w, &sk, "publisher", &c) ||
		    !pe_walk_plain_text(w, c, &s->publisher) ||
		    !pe_kids_end(w, &sk))
			return false;
	}
	if (w->failed)
		return false;
	if (t->n_sources == 0)
		return pe_walk_fail(w, el, "<sources> needs at least one <source>");
	return true;
}

static bool parse_topic(pe_walk *w, pe_topic *t, const xmlNode *root)
{
	static const char *const attrs[] = { "id", "revised", "icon", "emergency", "kind",
	                                     "order", NULL };
	static const char *const yesno[] = { "no", "yes" };
	static const char *const kinds[] = { "topic", "card" };
	char q[128], v[64];
	if (root->ns && strcmp(pe_walk_name(root), "topic") == 0)
		return pe_walk_fail(w, root, "<topic> must not be in a namespace (xmlns=\"%s\")",
		                    (const char *)root->ns->href);
	if (!pe_walk_is(root, "topic")) {
		if (!known_element(root))
			return pe_walk_fail(w, root,
			                    "unknown element <%s> (the root must be <topic>)",
			                    pe_walk_qname(root, q, sizeof q));
		return pe_walk_fail(w, root, "the root element is <%s>, expected <topic>",
		                    pe_walk_qname(root, q, sizeof q));
	}
	if (!pe_walk_check_attrs(w, root, attrs) || !ident_attr(w, root, "id", &t->id) ||
	    !date_attr(w, root, "revised", &t->revised) || !parse_icon(w, root, &t->icon))
		return false;
	int em = pe_walk_keyword_attr(w, root, "emergency", false, 0, yesno, 2);
	if (em < 0)
		return false;
	t->emergency = em == 1;
	int kind = pe_walk_keyword_attr(w, root, "kind", false, PE_TOPIC_TOPIC, kinds, 2);
	if (kind < 0)
		return false;
	t->kind = (pe_topic_kind)kind;
	t->order = ORDER_NONE;
	if (pe_walk_get_attr(root, "order", v, sizeof v) && !parse_order(v, &t->order))
		return pe_walk_fail(w, root,
		                    "<topic> order=\"%s\" is not a whole number from 0 to %d", v,
		                    ORDER_MAX);

	pe_kids k;
	const xmlNode *n;
	pe_kids_init(&k, root);
	if (!pe_kids_expect(w, &k, "title", &n) || !pe_walk_plain_text(w, n, &t->title) ||
	    !pe_kids_expect(w, &k, "summary", &n) || !pe_walk_plain_text(w, n, &t->summary) ||
	    !pe_kids_expect(w, &k, "sources", &n) || !parse_sources(w, t, n))
		return false;
	size_t cap = 0;
	while (pe_kids_next(w, &k, "section", &n)) {
		if (!pe_grow((void **)&t->sections, &cap, t->n_sections + 1, sizeof *t->sections))
			return pe_walk_oom(w, n);
		pe_section *s = &t->sections[t->n_sections++];
		memset(s, 0, sizeof *s);
		if (!parse_section(w, s, n))
			return false;
	}
	if (w->failed)
		return false;
	if (t->n_sections == 0)
		return pe_walk_fail(w, root, "<topic> needs at least one <section>");
	return true;
}

bool pe_topic_parse(const char *path, pe_error *err, pe_topic *t, const xmlNode *root)
{
	pe_walk w = { .path = path, .err = err, .topic = t, .known = known_element,
	              .text_hint = text_hint };
	return parse_topic(&w, t, root);
}
