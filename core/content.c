/*
 * content.c - load topic XML into the document model (see content.h).
 *
 * A topic file goes through four gates, each with its own message:
 *   1. the file itself: it opens, it is a regular file, it is not larger
 *      than PE_CONTENT_MAX_BYTES (checked before reading it all);
 *   2. the bytes are valid UTF-8 (our own check, so the message names the
 *      line and the byte instead of libxml2's "indicate encoding !");
 *   3. libxml2 parses it (no network, no DTD, no entity substitution);
 *      its first error becomes "file:line: not well-formed XML: ...";
 *   4. our own walk of the tree, which mirrors content/topic.rng element
 *      by element and says exactly what is wrong ("<event> needs an \"at\"
 *      attribute", "<title> is empty"), while it builds the pe_topic; then
 *      the compiled RELAX NG schema as the final gate, so the schema stays
 *      the one definition of what a topic is.
 * The walk is stricter than the schema in a few places the schema cannot
 * express: inline text must not be empty, src ids must name one of the
 * topic's own <source>s, section and source ids are unique, an event's
 * "until" is not before its "at".
 *
 * libxml2 errors are caught by a structured error handler installed only
 * for the duration of each call and then restored, so libxml2 never prints
 * and no state is left behind. This file must never print, exit, or call
 * xmlCleanupParser (that belongs to the program, if anyone).
 */
#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct pe_schema {
	xmlRelaxNGPtr rng;
};

struct pe_library {
	char *lang;
	pe_topic **topics;  /* owned, sorted by order then id; the listed ones
	                     * (kind="topic") first, then n_cards cards */
	size_t n_topics;    /* all of them, cards included */
	size_t n_listed;    /* kind="topic": what count/topic(i) show */
};

/* Topics without an "order" attribute sort after every ordered one. */
#define ORDER_NONE INT_MAX
/* The largest "order" we accept; keeps the value well inside an int. */
#define ORDER_MAX 1000000

/* ---- reading files ---------------------------------------------------- */

/* Read a whole file into a NUL-terminated buffer, refusing anything that is
 * not a regular file or is larger than PE_CONTENT_MAX_BYTES. The size is
 * checked with fstat before reading, and again while reading in case the
 * file grows under us. */
static char *read_file(const char *path, size_t *len_out, pe_error *err)
{
	char *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		pe_error_set(err, path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		pe_error_set(err, path, 0, "cannot open: %s", strerror(errno));
		goto close_file;
	}
	if (S_ISDIR(st.st_mode)) {
		pe_error_set(err, path, 0, "cannot open: %s", strerror(EISDIR));
		goto close_file;
	}
	if (!S_ISREG(st.st_mode)) {
		pe_error_set(err, path, 0, "cannot open: not a regular file");
		goto close_file;
	}
	if (st.st_size > PE_CONTENT_MAX_BYTES) {
		pe_error_set(err, path, 0, "file is too large (%lld bytes, limit %d)",
		             (long long)st.st_size, PE_CONTENT_MAX_BYTES);
		goto close_file;
	}
	buf = malloc((size_t)PE_CONTENT_MAX_BYTES + 2);
	if (!buf) {
		pe_error_set(err, path, 0, "out of memory");
		goto close_file;
	}
	size_t len = fread(buf, 1, (size_t)PE_CONTENT_MAX_BYTES + 1, f);
	if (ferror(f)) {
		pe_error_set(err, path, 0, "cannot read: %s", strerror(errno));
		goto free_buf;
	}
	if (len > PE_CONTENT_MAX_BYTES) {
		pe_error_set(err, path, 0, "file is too large (more than %d bytes, limit %d)",
		             PE_CONTENT_MAX_BYTES, PE_CONTENT_MAX_BYTES);
		goto free_buf;
	}
	buf[len] = '\0';
	*len_out = len;
	fclose(f);
	return buf;

free_buf:
	free(buf);
	buf = NULL;
close_file:
	fclose(f);
	return NULL;
}

/* Find the first invalid UTF-8 sequence (overlong forms, surrogates and
 * values above U+10FFFF are invalid too). Returns its offset, or len when
 * the whole buffer is valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned min, cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1; min = 0x80; cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2; min = 0x800; cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3; min = 0x10000; cp = c & 0x07;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n + 1;
	}
	return len;
}

static int line_at(const char *buf, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* ---- capturing libxml2's errors ---------------------------------------- */

/* The first error libxml2 reports during one call; later ones are usually
 * consequences of the first. */
struct xml_errs {
	bool have;
	int domain, code, line, int1;
	char msg[400];
	char str1[200], str2[200];
	int node_line;        /* schema errors: line of the offending element,
	                         read at once (the node may not outlive the call) */
	bool have_generic;
	char generic[400];
};

/* libxml2 messages end in a newline; keep the message on one line. */
static void trim_end(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
	trim_end(dst);
}

static void on_structured_error(void *data, xmlErrorPtr e)
{
	struct xml_errs *x = data;
	if (!x || !e || x->have || e->level < XML_ERR_ERROR)
		return;
	x->have = true;
	x->domain = e->domain;
	x->code = e->code;
	x->line = e->line;
	x->int1 = e->int1;
	if ((e->domain == XML_FROM_RELAXNGV || e->domain == XML_FROM_RELAXNGP) && e->node) {
		long line = xmlGetLineNo((xmlNode *)e->node);
		x->node_line = line > 0 && line < INT_MAX ? (int)line : 0;
	}
	copy_str(x->msg, sizeof x->msg, e->message);
	copy_str(x->str1, sizeof x->str1, e->str1);
	copy_str(x->str2, sizeof x->str2, e->str2);
}

/* Some corners of libxml2 still use the generic (printf-like) channel;
 * keep its first fragment as a last-resort message and print nothing. */
static void on_generic_error(void *data, const char *fmt, ...)
{
	struct xml_errs *x = data;
	if (!x || x->have_generic)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->generic, sizeof x->generic, fmt, ap);
	va_end(ap);
	trim_end(x->generic);
	x->have_generic = x->generic[0] != '\0';
}

/* The handlers that were installed before us, put back on leaving. */
struct xml_scope {
	xmlStructuredErrorFunc serror;
	void *sctx;
	xmlGenericErrorFunc gerror;
	void *gctx;
};

static void scope_enter(struct xml_scope *sc, struct xml_errs *x)
{
	xmlInitParser();
	memset(x, 0, sizeof *x);
	sc->serror = xmlStructuredError;
	sc->sctx = xmlStructuredErrorContext;
	sc->gerror = xmlGenericError;
	sc->gctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(x, on_structured_error);
	xmlSetGenericErrorFunc(x, on_generic_error);
}

static void scope_leave(const struct xml_scope *sc)
{
	xmlSetStructuredErrorFunc(sc->sctx, sc->serror);
	xmlSetGenericErrorFunc(sc->gctx, sc->gerror);
}

static int node_line(const xmlNode *n)
{
	long line = n ? xmlGetLineNo((xmlNode *)n) : 0;
	return line > 0 && line < INT_MAX ? (int)line : 0;
}

/* Turn libxml2's first parser error into our message. The common cases get
 * plain words; the rest keep libxml2's own wording after our prefix. */
static void report_parse_error(pe_error *err, const char *path, const struct xml_errs *x)
{
	if (!x->have) {
		pe_error_set(err, path, 0, "not well-formed XML%s%s",
		             x->have_generic ? ": " : "", x->have_generic ? x->generic : "");
		return;
	}
	int line = x->line;
	switch (x->code) {
	case XML_ERR_DOCUMENT_EMPTY:
		pe_error_set(err, path, 0, "the file is empty");
		return;
	case XML_ERR_TAG_NAME_MISMATCH:
		pe_error_set(err, path, line,
		             "not well-formed XML: <%s> (opened on line %d) is closed by </%s>",
		             x->str1, x->int1, x->str2);
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		pe_error_set(err, path, line,
		             "not well-formed XML: <%s> (opened on line %d) is never closed",
		             x->str1, x->int1);
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		pe_error_set(err, path, line,
		             "not well-formed XML: unknown entity &%s; (write the character itself)",
		             x->str1);
		return;
	case XML_ERR_DOCUMENT_END:
		pe_error_set(err, path, line,
		             "not well-formed XML: text or tags after the end of the root element");
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		pe_error_set(err, path, line,
		             "not well-formed XML: attribute \"%s\" is given twice", x->str1);
		return;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		pe_error_set(err, path, line,
		             "not well-formed XML: an attribute value must be in quotes (id=\"a\")");
		return;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		pe_error_set(err, path, line,
		             "not well-formed XML: \"%s\" reads as an attribute without a value "
		             "(is a '>' missing?)", x->str1);
		return;
	case XML_ERR_GT_REQUIRED:
		pe_error_set(err, path, line,
		             "not well-formed XML: the start tag <%s> is not closed with '>'", x->str1);
		return;
	case XML_ERR_NAME_REQUIRED:
		/* The same code for a bare '&' and a bare '<'; the wording differs. */
		if (strstr(x->msg, "EntityRef"))
			pe_error_set(err, path, line,
			             "not well-formed XML: a bare '&' (write &amp; for an ampersand)");
		else if (strstr(x->msg, "StartTag"))
			pe_error_set(err, path, line,
			             "not well-formed XML: a bare '<' (write &lt; for a less-than sign)");
		else
			pe_error_set(err, path, line, "not well-formed XML: %s", x->msg);
		return;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		pe_error_set(err, path, line,
		             "not well-formed XML: an '&' entity without its ';' "
		             "(write &amp; for an ampersand)");
		return;
	case XML_ERR_HYPHEN_IN_COMMENT:
		pe_error_set(err, path, line,
		             "not well-formed XML: a comment must not contain \"--\"");
		return;
	case XML_ERR_INVALID_CHAR:
		pe_error_set(err, path, line,
		             "not well-formed XML: character U+%04X is not allowed in XML",
		             (unsigned)x->int1);
		return;
	default:
		pe_error_set(err, path, line, "not well-formed XML: %s", x->msg);
		return;
	}
}

/* ---- small parsing helpers -------------------------------------------- */

static bool is_xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool all_space(const char *s)
{
	for (; *s; s++)
		if (!is_xml_space((unsigned char)*s))
			return false;
	return true;
}

/* ident = [a-z0-9]+(-[a-z0-9]+)* */
static bool is_ident(const char *s)
{
	bool need_alnum = true;
	if (!*s)
		return false;
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
			need_alnum = false;
		} else if (*s == '-' && !need_alnum) {
			need_alnum = true;
		} else {
			return false;
		}
	}
	return !need_alnum;
}

/* phone-number = [0-9+][0-9 ()\-]{2,30}, matched as written (the schema's
 * string type does not trim). */
static bool is_phone(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > 31)
		return false;
	if (!((s[0] >= '0' && s[0] <= '9') || s[0] == '+'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || strchr(" ()-", s[i])))
			return false;
	return true;
}

/* Trimmed copy of an attribute value: the schema's date, decimal and
 * integer types collapse white space around the value. */
static void trim_into(char *dst, size_t size, const char *src)
{
	while (is_xml_space((unsigned char)*src))
		src++;
	size_t n = strlen(src);
	while (n > 0 && is_xml_space((unsigned char)src[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* xsd:date as we write it: YYYY-MM-DD, a real calendar day. */
static bool is_date(const char *value)
{
	char s[32];
	trim_into(s, sizeof s, value);
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
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

/* "an \"at\"", "a \"kind\"" */
static const char *article(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}

/* Make room for one more element in a growable array. */
static bool grow(void **arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 4;
	void *p = realloc(*arr, ncap * elem);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

/* ---- the walk: one topic element tree -> pe_topic ----------------------- */

struct walk {
	const char *path;
	pe_error *err;
	bool failed;          /* the first message is kept; later ones dropped */
	pe_topic *topic;      /* being built; sources are filled before sections */
};

static void vfail(struct walk *w, int line, const char *fmt, va_list ap)
{
	if (w->failed)
		return;
	w->failed = true;
	char msg[PE_ERROR_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	pe_error_set(w->err, w->path, line, "%s", msg);
}

/* Record the first problem, at the line of node `at`; always false so
 * callers can `return fail(...)`. */
static bool fail(struct walk *w, const xmlNode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct walk *w, const xmlNode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(w, at ? node_line(at) : 0, fmt, ap);
	va_end(ap);
	return false;
}

static bool fail_line(struct walk *w, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail_line(struct walk *w, int line, const char *fmt, ...)
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
	int line = node_line(n);
	const char *s = (const char *)n->content;
	while (*s && is_xml_space((unsigned char)*s))
		s++;
	for (; *s; s++)
		if (*s == '\n')
			line--;
	return line > 0 ? line : 0;
}

static bool oom(struct walk *w, const xmlNode *at)
{
	return fail(w, at, "out of memory");
}

static const char *name_of(const xmlNode *n)
{
	return (const char *)n->name;
}

static bool is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       strcmp(name_of(n), name) == 0;
}

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
		if (strcmp(names[i], name_of(n)) == 0)
			return true;
	return false;
}

/* Element name as written, with its namespace prefix if any. */
static const char *qname(const xmlNode *n, char *buf, size_t size)
{
	if (n->ns && n->ns->prefix)
		snprintf(buf, size, "%s:%s", (const char *)n->ns->prefix, name_of(n));
	else if (n->ns)
		snprintf(buf, size, "%s xmlns=\"%s\"", name_of(n), (const char *)n->ns->href);
	else
		snprintf(buf, size, "%s", name_of(n));
	return buf;
}

static bool unexpected(struct walk *w, const xmlNode *parent, const xmlNode *child,
                       const char *expected)
{
	char q[128];
	if (!known_element(child))
		return fail(w, child, "unknown element <%s> in <%s>", qname(child, q, sizeof q),
		            name_of(parent));
	if (expected)
		return fail(w, child, "<%s> is not allowed here in <%s> (expected %s)",
		            name_of(child), name_of(parent), expected);
	return fail(w, child, "<%s> is not allowed in <%s>", name_of(child), name_of(parent));
}

/* Where stray text in an element-only parent probably belongs. */
static const char *text_hint(const xmlNode *parent)
{
	if (is_el(parent, "section"))
		return " (put it in a <p>)";
	if (is_el(parent, "list") || is_el(parent, "checklist") || is_el(parent, "callout"))
		return " (put it in an <item>)";
	if (is_el(parent, "steps"))
		return " (put it in a <step>)";
	if (is_el(parent, "tier"))
		return " (put it in a <sign> or a <p>)";
	if (is_el(parent, "gethelp"))
		return " (put it in a <tier>)";
	return "";
}

/* Children of an element-only parent, one element at a time. Whitespace,
 * comments and processing instructions between elements are skipped;
 * anything else is an error. */
struct kids {
	const xmlNode *parent;
	const xmlNode *next;      /* next node to look at */
	const xmlNode *peeked;    /* element found by peek(), not yet taken */
};

static void kids_init(struct kids *k, const xmlNode *parent)
{
	k->parent = parent;
	k->next = parent->children;
	k->peeked = NULL;
}

/* Look at the next element without taking it. Returns false on error; sets
 * *out to NULL at the end of the children. */
static bool peek(struct walk *w, struct kids *k, const xmlNode **out)
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
			if (!all_space((const char *)n->content))
				return fail_line(w, text_line(n), "text is not allowed directly in <%s>%s",
				                 name_of(k->parent), text_hint(k->parent));
			break;
		case XML_ENTITY_REF_NODE:
			return fail(w, n, "entity &%s; is not allowed (write the character itself)",
			            name_of(n));
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
		case XML_XINCLUDE_START:
		case XML_XINCLUDE_END:
			break;
		default:
			return fail(w, n, "unexpected node in <%s>", name_of(k->parent));
		}
	}
	k->next = NULL;
	*out = NULL;
	return true;
}

static void take(struct kids *k)
{
	k->peeked = NULL;
}

/* The next child must be <name>. */
static bool expect(struct walk *w, struct kids *k, const char *name, const xmlNode **out)
{
	const xmlNode *n;
	if (!peek(w, k, &n))
		return false;
	if (!n)
		return fail(w, k->parent, "<%s> needs %s <%s>", name_of(k->parent), article(name),
		            name);
	if (!is_el(n, name)) {
		char q[128];
		if (!known_element(n))
			return unexpected(w, k->parent, n, NULL);
		return fail(w, n, "expected <%s> but found <%s> in <%s>", name,
		            qname(n, q, sizeof q), name_of(k->parent));
	}
	take(k);
	*out = n;
	return true;
}

/* An optional <name> as the next child: *out is NULL if it is not there. */
static bool optional(struct walk *w, struct kids *k, const char *name, const xmlNode **out)
{
	const xmlNode *n;
	*out = NULL;
	if (!peek(w, k, &n))
		return false;
	if (n && is_el(n, name)) {
		take(k);
		*out = n;
	}
	return true;
}

/* Nothing may follow. */
static bool expect_end(struct walk *w, struct kids *k)
{
	const xmlNode *n;
	if (!peek(w, k, &n))
		return false;
	if (n)
		return unexpected(w, k->parent, n, NULL);
	return true;
}

/* Attributes: every attribute must be in the allowed list (NULL-ended). */
static bool check_attrs(struct walk *w, const xmlNode *el, const char *const *allowed)
{
	for (const xmlAttr *a = el->properties; a; a = a->next) {
		bool ok = false;
		if (!a->ns)
			for (const char *const *p = allowed; *p; p++)
				if (strcmp(*p, (const char *)a->name) == 0)
					ok = true;
		if (!ok) {
			if (a->ns && a->ns->prefix)
				return fail(w, el, "unknown attribute \"%s:%s\" on <%s>",
				            (const char *)a->ns->prefix, (const char *)a->name,
				            name_of(el));
			return fail(w, el, "unknown attribute \"%s\" on <%s>", (const char *)a->name,
			            name_of(el));
		}
	}
	return true;
}

/* An attribute value copied into a fixed buffer (all our attributes are
 * short: ids, dates, numbers, keywords). Returns false if absent. */
static bool get_attr(const xmlNode *el, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlGetNoNsProp((xmlNode *)el, (const xmlChar *)name);
	if (!v)
		return false;
	snprintf(buf, size, "%s", (const char *)v);
	xmlFree(v);
	return true;
}

static bool need_attr(struct walk *w, const xmlNode *el, const char *name, char *buf,
                      size_t size)
{
	if (get_attr(el, name, buf, size))
		return true;
	return fail(w, el, "<%s> needs %s \"%s\" attribute", name_of(el), article(name), name);
}

/* An attribute that is one of a fixed set of keywords. Returns the index,
 * def when absent, or -1 after an error. */
static int keyword_attr(struct walk *w, const xmlNode *el, const char *name, bool required,
                        int def, const char *const *words, size_t n_words)
{
	char v[64];
	if (!get_attr(el, name, v, sizeof v)) {
		if (!required)
			return def;
		need_attr(w, el, name, v, sizeof v);
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
	fail(w, el, "<%s> %s=\"%s\" must be %s", name_of(el), name, v, list);
	return -1;
}

static bool ident_attr(struct walk *w, const xmlNode *el, const char *name, char **out)
{
	char v[256];
	if (!need_attr(w, el, name, v, sizeof v))
		return false;
	if (!is_ident(v))
		return fail(w, el, "<%s> %s=\"%s\" is not a valid id (lower-case letters and "
		            "digits, joined by single hyphens)", name_of(el), name, v);
	if (!(*out = strdup(v)))
		return oom(w, el);
	return true;
}

static bool date_attr(struct walk *w, const xmlNode *el, const char *name, char **out)
{
	char v[64], t[64];
	if (!need_attr(w, el, name, v, sizeof v))
		return false;
	if (!is_date(v))
		return fail(w, el, "<%s> %s=\"%s\" is not a date (YYYY-MM-DD)", name_of(el),
		            name, v);
	trim_into(t, sizeof t, v);
	if (!(*out = strdup(t)))
		return oom(w, el);
	return true;
}

/* ---- text ----------------------------------------------------------- */

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
		if (is_xml_space((unsigned char)raw[i])) {
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
	if (!grow((void **)&t->runs, &tb->cap, t->n_runs, sizeof *t->runs)) {
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
static bool raw_text(struct walk *w, const xmlNode *el, char **out, const char *why)
{
	size_t len = 0;
	for (const xmlNode *n = el->children; n; n = n->next)
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			len += strlen((const char *)n->content);
	char *s = malloc(len + 1);
	if (!s)
		return oom(w, el);
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
			if (!known_element(n))
				return unexpected(w, el, n, NULL);
			return fail(w, n, "<%s> is not allowed in <%s> (%s)", qname(n, q, sizeof q),
			            name_of(el), why);
		}
		case XML_ENTITY_REF_NODE:
			free(s);
			return fail(w, n, "entity &%s; is not allowed (write the character itself)",
			            name_of(n));
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
static bool plain_text(struct walk *w, const xmlNode *el, char **out)
{
	char *raw;
	if (!check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	if (!raw_text(w, el, &raw, "plain text only"))
		return false;
	/* The schema's nonempty-text pattern is ".*\S.*", and "." in XML
	 * Schema regexes does not match a line break. */
	if (strpbrk(raw, "\r\n") && !all_space(raw)) {
		free(raw);
		return fail(w, el, "<%s> must be on one line (no line breaks inside it)",
		            name_of(el));
	}
	pe_text t = { 0 };
	struct textbuf tb = { &t, 0, true };
	bool ok = text_append(&tb, raw, PE_RUN_PLAIN);
	free(raw);
	if (!ok)
		return oom(w, el);
	text_finish_trim(&t);
	if (t.n_runs == 0)
		return fail(w, el, "<%s> is empty", name_of(el));
	*out = t.runs[0].text;
	free(t.runs);
	return true;
}

/* Phone text as written in the file must match the schema's pattern. */
static bool phone_text(struct walk *w, const xmlNode *el, char **out)
{
	char *raw;
	if (!check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	if (!raw_text(w, el, &raw, "a phone number is plain text"))
		return false;
	if (!is_phone(raw)) {
		bool empty = all_space(raw);
		fail(w, el, empty ? "<phone> is empty%s" :
		     "<phone> \"%s\" is not a phone number (digits, spaces, ( ) - and a leading +)",
		     empty ? "" : raw);
		free(raw);
		return false;
	}
	*out = raw;
	return true;
}

/* Inline content (heading, p, item, step, when, what, name, hours, ...):
 * text with <em>, <strong>, <phone>; must not end up empty. */
static bool inline_text(struct walk *w, const xmlNode *el, pe_text *out)
{
	struct textbuf tb = { out, 0, true };
	for (const xmlNode *n = el->children; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!text_append(&tb, (const char *)n->content, PE_RUN_PLAIN))
				return oom(w, n);
			break;
		case XML_ELEMENT_NODE: {
			unsigned style;
			char *raw;
			if (is_el(n, "em"))
				style = PE_RUN_EM;
			else if (is_el(n, "strong"))
				style = PE_RUN_STRONG;
			else if (is_el(n, "phone"))
				style = PE_RUN_PHONE;
			else
				return unexpected(w, el, n, "text, <em>, <strong> or <phone>");
			if (style == PE_RUN_PHONE) {
				if (!phone_text(w, n, &raw))
					return false;
			} else {
				if (!check_attrs(w, n, (const char *const[]){ NULL }))
					return false;
				if (!raw_text(w, n, &raw, "no markup inside <em> or <strong>"))
					return false;
				if (all_space(raw)) {
					free(raw);
					return fail(w, n, "<%s> is empty", name_of(n));
				}
			}
			bool ok = text_append(&tb, raw, style);
			free(raw);
			if (!ok)
				return oom(w, n);
			break;
		}
		case XML_ENTITY_REF_NODE:
			return fail(w, n, "entity &%s; is not allowed (write the character itself)",
			            name_of(n));
		default:
			break;
		}
	}
	text_finish_trim(out);
	if (out->n_runs == 0)
		return fail(w, el, "<%s> is empty", name_of(el));
	return true;
}

/* An element holding only inline text, with no attributes of its own. */
static bool inline_child(struct walk *w, const xmlNode *el, pe_text *out)
{
	return check_attrs(w, el, (const char *const[]){ NULL }) && inline_text(w, el, out);
}

/* ---- traced: src and origin ------------------------------------------- */

static bool source_known(const pe_topic *t, const char *id)
{
	for (size_t i = 0; i < t->n_sources; i++)
		if (strcmp(t->sources[i].id, id) == 0)
			return true;
	return false;
}

static bool traced(struct walk *w, const xmlNode *el, char ***src, bool *filled)
{
	static const char *const origins[] = { "seed", "filled" };
	int o = keyword_attr(w, el, "origin", false, 0, origins, 2);
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
		oom(w, el);
		goto done;
	}
	for (char *save = NULL, *tok = strtok_r(copy, " \t\r\n", &save); tok;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (!is_ident(tok)) {
			fail(w, el, "<%s> src=\"%s\": \"%s\" is not a valid source id", name_of(el),
			     (const char *)v, tok);
			goto done;
		}
		if (!source_known(w->topic, tok)) {
			fail(w, el, "<%s> src=\"%s\": no <source id=\"%s\"> in this topic",
			     name_of(el), (const char *)v, tok);
			goto done;
		}
		/* n + 2 leaves room for the terminating NULL. */
		if (!grow((void **)&list, &cap, n + 1, sizeof *list) || !(list[n] = strdup(tok))) {
			oom(w, el);
			goto done;
		}
		list[++n] = NULL;
	}
	if (n == 0) {
		fail(w, el, "<%s> src is empty", name_of(el));
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
static pe_item *new_item(struct walk *w, pe_block *b, size_t *cap, const xmlNode *el)
{
	if (!grow((void **)&b->items, cap, b->n_items, sizeof *b->items)) {
		oom(w, el);
		return NULL;
	}
	pe_item *it = &b->items[b->n_items++];
	memset(it, 0, sizeof *it);
	it->line = node_line(el);
	if (!traced(w, el, &it->src, &it->filled))
		return NULL;
	return it;
}

static const char *const TRACED[] = { "src", "origin", NULL };

/* <list>/<checklist> items, <steps> steps: a run of <name> children. */
static bool simple_items(struct walk *w, pe_block *b, struct kids *k, const char *name)
{
	size_t cap = 0;
	const xmlNode *n;
	for (;;) {
		if (!peek(w, k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, name)) {
			char want[32];
			snprintf(want, sizeof want, "<%s>", name);
			return unexpected(w, k->parent, n, want);
		}
		take(k);
		if (!check_attrs(w, n, TRACED))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it || !inline_text(w, n, &it->text))
			return false;
		it->bullet = true;
	}
	if (b->n_items == 0)
		return fail(w, k->parent, "<%s> needs at least one <%s>", name_of(k->parent), name);
	return true;
}

static bool callout_block(struct walk *w, pe_block *b, const xmlNode *el, struct kids *k)
{
	static const char *const kinds[] = { "info", "warning", "emergency" };
	static const char *const attrs[] = { "kind", "src", "origin", NULL };
	if (!check_attrs(w, el, attrs))
		return false;
	int kind = keyword_attr(w, el, "kind", true, 0, kinds, 3);
	if (kind < 0)
		return false;
	b->callout = (pe_callout_kind)kind;
	const xmlNode *n;
	if (!optional(w, k, "title", &n))
		return false;
	if (n && !inline_child(w, n, &b->title))
		return false;
	size_t cap = 0;
	for (;;) {
		if (!peek(w, k, &n))
			return false;
		if (!n)
			break;
		bool bullet = is_el(n, "item");
		if (!bullet && !is_el(n, "p"))
			return unexpected(w, el, n, "<p> or <item>");
		take(k);
		if (!check_attrs(w, n, TRACED))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it || !inline_text(w, n, &it->text))
			return false;
		it->bullet = bullet;
	}
	if (b->n_items == 0)
		return fail(w, el, "<callout> needs at least one <p> or <item>");
	return true;
}

static bool timeline_block(struct walk *w, pe_block *b, const xmlNode *el, struct kids *k)
{
	static const char *const kinds[] = { "care", "effect", "benefit", "warning" };
	static const char *const attrs[] = { "at", "until", "kind", "src", "origin", NULL };
	size_t cap = 0;
	const xmlNode *n;
	for (;;) {
		if (!peek(w, k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, "event"))
			return unexpected(w, el, n, "<event>");
		take(k);
		char v[64];
		if (!check_attrs(w, n, attrs) || !need_attr(w, n, "at", v, sizeof v))
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it)
			return false;
		if (!parse_decimal(v, &it->at))
			return fail(w, n, "<event> at=\"%s\" is not a number of hours", v);
		it->until = it->at;
		if (get_attr(n, "until", v, sizeof v)) {
			if (!parse_decimal(v, &it->until))
				return fail(w, n, "<event> until=\"%s\" is not a number of hours", v);
			if (it->until < it->at)
				return fail(w, n, "<event> until=\"%s\" is before its \"at\"", v);
		}
		int kind = keyword_attr(w, n, "kind", false, PE_EVENT_CARE, kinds, 4);
		if (kind < 0)
			return false;
		it->event = (pe_event_kind)kind;
		struct kids ek;
		const xmlNode *c;
		kids_init(&ek, n);
		if (!expect(w, &ek, "when", &c) || !inline_child(w, c, &it->label) ||
		    !expect(w, &ek, "what", &c) || !inline_child(w, c, &it->text) ||
		    !expect_end(w, &ek))
			return false;
	}
	if (b->n_items == 0)
		return fail(w, el, "<timeline> needs at least one <event>");
	return true;
}

static bool scale_block(struct walk *w, pe_block *b, const xmlNode *el, struct kids *k)
{
	static const char *const grades[] = { "mild", "moderate", "severe" };
	static const char *const attrs[] = { "grade", "src", "origin", NULL };
	size_t cap = 0;
	const xmlNode *n;
	for (;;) {
		if (!peek(w, k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, "level"))
			return unexpected(w, el, n, "<level>");
		take(k);
		if (!check_attrs(w, n, attrs))
			return false;
		int grade = keyword_attr(w, n, "grade", true, 0, grades, 3);
		if (grade < 0)
			return false;
		pe_item *it = new_item(w, b, &cap, n);
		if (!it)
			return false;
		it->grade = (pe_grade)(PE_GRADE_MILD + grade);
		struct kids lk;
		const xmlNode *c;
		kids_init(&lk, n);
		if (!expect(w, &lk, "name", &c) || !inline_child(w, c, &it->label) ||
		    !expect(w, &lk, "what", &c) || !inline_child(w, c, &it->text) ||
		    !expect_end(w, &lk))
			return false;
	}
	if (b->n_items == 0)
		return fail(w, el, "<scale> needs at least one <level>");
	return true;
}

static bool contact_block(struct walk *w, pe_block *b, struct kids *k)
{
	pe_contact *c = &b->contact;
	const xmlNode *n;
	if (!expect(w, k, "name", &n) || !inline_child(w, n, &c->name) ||
	    !expect(w, k, "phone", &n) || !phone_text(w, n, &c->phone) ||
	    !expect(w, k, "hours", &n) || !inline_child(w, n, &c->hours))
		return false;
	if (!optional(w, k, "chat", &n) || (n && !inline_child(w, n, &c->chat)))
		return false;
	if (!optional(w, k, "note", &n) || (n && !inline_child(w, n, &c->note)))
		return false;
	return expect_end(w, k);
}

/* <gethelp>: up to 3 <tier level="...">, most urgent first, each a title,
 * one or more <sign id="..."> and optional <p> notes. Stricter than the
 * schema: at least one tier, and a sign id only once per block (a sign
 * listed in two tiers of one topic would give two answers). */
static bool gethelp_block(struct walk *w, pe_block *b, const xmlNode *el, struct kids *k)
{
	static const char *const tier_attrs[] = { "level", "src", "origin", NULL };
	static const char *const sign_attrs[] = { "id", "src", "origin", NULL };
	static const char *const levels[] = { "emergency", "urgent", "routine" };
	int last_line[PE_TIER_COUNT] = { 0 };
	int prev = -1;
	const xmlNode *n;
	b->tiers = calloc(PE_TIER_COUNT, sizeof *b->tiers);
	if (!b->tiers)
		return oom(w, el);
	for (;;) {
		if (!peek(w, k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, "tier"))
			return unexpected(w, el, n, "<tier>");
		take(k);
		if (!check_attrs(w, n, tier_attrs))
			return false;
		int level = keyword_attr(w, n, "level", true, 0, levels, PE_TIER_COUNT);
		if (level < 0)
			return false;
		if (last_line[level])
			return fail(w, n, "a second <tier level=\"%s\"> (the first is on line %d)",
			            levels[level], last_line[level]);
		if (level < prev)
			return fail(w, n, "<tier level=\"%s\"> must come before <tier level=\"%s\"> "
			            "(order: emergency, urgent, routine)", levels[level], levels[prev]);
		last_line[level] = node_line(n);
		prev = level;
		pe_tier *t = &b->tiers[b->n_tiers++];
		t->level = (pe_tier_level)level;
		t->line = node_line(n);
		if (!traced(w, n, &t->src, &t->filled))
			return false;
		struct kids tk;
		const xmlNode *c;
		kids_init(&tk, n);
		if (!expect(w, &tk, "title", &c) || !inline_child(w, c, &t->title))
			return false;
		size_t scap = 0, pcap = 0;
		for (;;) {
			if (!peek(w, &tk, &c))
				return false;
			if (!c)
				break;
			bool sign = is_el(c, "sign");
			if (!sign && !is_el(c, "p"))
				return unexpected(w, n, c, t->n_paras ? "<p>" : "<sign> or <p>");
			if (sign && t->n_paras)
				return fail(w, c, "<sign> must come before the <p> notes of its <tier>");
			if (!sign && t->n_signs == 0)
				return fail(w, c, "<tier> needs at least one <sign> before its <p> notes");
			take(&tk);
			if (!check_attrs(w, c, sign ? sign_attrs : TRACED))
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
			if (!inline_text(w, c, &it->text))
				return false;
			if (sign) {
				if (!ident_attr(w, c, "id", &it->id))
					return false;
				for (size_t ti = 0; ti < b->n_tiers; ti++) {
					const pe_tier *o = &b->tiers[ti];
					for (size_t si = 0; si < o->n_signs; si++)
						if (&o->signs[si] != it && strcmp(o->signs[si].id, it->id) == 0)
							return fail(w, c, "<sign id=\"%s\"> is listed twice "
							            "(also on line %d)", it->id, o->signs[si].line);
				}
			}
		}
		if (t->n_signs == 0)
			return fail(w, n, "<tier> needs at least one <sign>");
	}
	if (b->n_tiers == 0)
		return fail(w, el, "<gethelp> needs at least one <tier>");
	return true;
}

static bool parse_block(struct walk *w, pe_block *b, const xmlNode *el)
{
	struct kids k;
	kids_init(&k, el);
	b->line = node_line(el);
	if (!is_el(el, "callout") && !check_attrs(w, el, TRACED))
		return false;
	if (!traced(w, el, &b->src, &b->filled))
		return false;
	const xmlNode *n;
	if (is_el(el, "p")) {
		b->kind = PE_BLOCK_PARAGRAPH;
		return inline_text(w, el, &b->text);
	} else if (is_el(el, "list")) {
		b->kind = PE_BLOCK_LIST;
		return simple_items(w, b, &k, "item");
	} else if (is_el(el, "steps")) {
		b->kind = PE_BLOCK_STEPS;
		return simple_items(w, b, &k, "step");
	} else if (is_el(el, "callout")) {
		b->kind = PE_BLOCK_CALLOUT;
		return callout_block(w, b, el, &k);
	} else if (is_el(el, "timeline")) {
		b->kind = PE_BLOCK_TIMELINE;
		return timeline_block(w, b, el, &k);
	} else if (is_el(el, "scale")) {
		b->kind = PE_BLOCK_SCALE;
		return scale_block(w, b, el, &k);
	} else if (is_el(el, "contact")) {
		b->kind = PE_BLOCK_CONTACT;
		return contact_block(w, b, &k);
	} else if (is_el(el, "checklist")) {
		b->kind = PE_BLOCK_CHECKLIST;
		return expect(w, &k, "title", &n) && inline_child(w, n, &b->title) &&
		       simple_items(w, b, &k, "item");
	} else if (is_el(el, "gethelp")) {
		b->kind = PE_BLOCK_GETHELP;
		return gethelp_block(w, b, el, &k);
	}
	return unexpected(w, el->parent, el, BLOCKS);
}

static bool is_block(const xmlNode *n)
{
	return is_el(n, "p") || is_el(n, "list") || is_el(n, "steps") || is_el(n, "callout") ||
	       is_el(n, "timeline") || is_el(n, "scale") || is_el(n, "contact") ||
	       is_el(n, "checklist") || is_el(n, "gethelp");
}

/* ---- sections, sources, topic --------------------------------------------- */

static bool parse_icon(struct walk *w, const xmlNode *el, pe_icon *out)
{
	char v[64];
	*out = PE_ICON_NONE;
	if (!get_attr(el, "icon", v, sizeof v))
		return true;
	int icon = pe_icon_from_name(v);
	if (icon <= PE_ICON_NONE)
		return fail(w, el, "<%s> icon=\"%s\" is not one of phone, drip, pill, alert, "
		            "shield, calendar, info, heart", name_of(el), v);
	*out = (pe_icon)icon;
	return true;
}

static bool parse_section(struct walk *w, pe_section *s, const xmlNode *el)
{
	static const char *const attrs[] = { "id", "icon", NULL };
	s->line = node_line(el);
	if (!check_attrs(w, el, attrs) || !ident_attr(w, el, "id", &s->id) ||
	    !parse_icon(w, el, &s->icon))
		return false;
	for (size_t i = 0; i < w->topic->n_sections; i++)
		if (&w->topic->sections[i] != s && w->topic->sections[i].id &&
		    strcmp(w->topic->sections[i].id, s->id) == 0)
			return fail(w, el, "duplicate section id \"%s\" (also on line %d)", s->id,
			            w->topic->sections[i].line);
	struct kids k;
	const xmlNode *n;
	kids_init(&k, el);
	if (!expect(w, &k, "heading", &n) || !inline_child(w, n, &s->heading))
		return false;
	size_t cap = 0;
	for (;;) {
		if (!peek(w, &k, &n))
			return false;
		if (!n)
			break;
		if (!is_block(n))
			return unexpected(w, el, n, BLOCKS);
		take(&k);
		if (!grow((void **)&s->blocks, &cap, s->n_blocks, sizeof *s->blocks))
			return oom(w, n);
		pe_block *b = &s->blocks[s->n_blocks++];
		memset(b, 0, sizeof *b);
		if (!parse_block(w, b, n))
			return false;
	}
	if (s->n_blocks == 0)
		return fail(w, el, "<section> needs at least one block (<p>, <list>, ...)");
	return true;
}

static bool parse_sources(struct walk *w, pe_topic *t, const xmlNode *el)
{
	static const char *const attrs[] = { "id", "date", "accessed", NULL };
	if (!check_attrs(w, el, (const char *const[]){ NULL }))
		return false;
	struct kids k;
	const xmlNode *n;
	size_t cap = 0;
	kids_init(&k, el);
	for (;;) {
		if (!peek(w, &k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, "source"))
			return unexpected(w, el, n, "<source>");
		take(&k);
		if (!grow((void **)&t->sources, &cap, t->n_sources, sizeof *t->sources))
			return oom(w, n);
		pe_source *s = &t->sources[t->n_sources++];
		memset(s, 0, sizeof *s);
		char v[64];
		if (!check_attrs(w, n, attrs) || !ident_attr(w, n, "id", &s->id))
			return false;
		/* date = published; accessed = the day we got it (a source with
		 * no date of its own); at least one. */
		if (get_attr(n, "date", v, sizeof v) && !date_attr(w, n, "date", &s->date))
			return false;
		if (get_attr(n, "accessed", v, sizeof v) &&
		    !date_attr(w, n, "accessed", &s->accessed))
			return false;
		if (!s->date && !s->accessed)
			return fail(w, n, "<source> needs a \"date\" (published) or an \"accessed\" "
			            "attribute");
		for (size_t i = 0; i + 1 < t->n_sources; i++)
			if (strcmp(t->sources[i].id, s->id) == 0)
				return fail(w, n, "duplicate source id \"%s\"", s->id);
		struct kids sk;
		const xmlNode *c;
		kids_init(&sk, n);
		if (!expect(w, &sk, "cite", &c) || !plain_text(w, c, &s->cite) ||
		    !expect(w, &sk, "publisher", &c) || !plain_text(w, c, &s->publisher) ||
		    !expect_end(w, &sk))
			return false;
	}
	if (t->n_sources == 0)
		return fail(w, el, "<sources> needs at least one <source>");
	return true;
}

static bool parse_topic(struct walk *w, pe_topic *t, const xmlNode *root)
{
	static const char *const attrs[] = { "id", "revised", "icon", "emergency", "kind",
		                                     "order", NULL };
	static const char *const yesno[] = { "no", "yes" };
	static const char *const kinds[] = { "topic", "card" };
	char q[128], v[64];
	if (root->ns && strcmp(name_of(root), "topic") == 0)
		return fail(w, root, "<topic> must not be in a namespace (xmlns=\"%s\")",
		            (const char *)root->ns->href);
	if (!is_el(root, "topic")) {
		if (!known_element(root))
			return fail(w, root, "unknown element <%s> (the root must be <topic>)",
			            qname(root, q, sizeof q));
		return fail(w, root, "the root element is <%s>, expected <topic>",
		            qname(root, q, sizeof q));
	}
	if (!check_attrs(w, root, attrs) || !ident_attr(w, root, "id", &t->id) ||
	    !date_attr(w, root, "revised", &t->revised) || !parse_icon(w, root, &t->icon))
		return false;
	int em = keyword_attr(w, root, "emergency", false, 0, yesno, 2);
	if (em < 0)
		return false;
	t->emergency = em == 1;
	int kind = keyword_attr(w, root, "kind", false, PE_TOPIC_TOPIC, kinds, 2);
	if (kind < 0)
		return false;
	t->kind = (pe_topic_kind)kind;
	t->order = ORDER_NONE;
	if (get_attr(root, "order", v, sizeof v) && !parse_order(v, &t->order))
		return fail(w, root, "<topic> order=\"%s\" is not a whole number from 0 to %d", v,
		            ORDER_MAX);

	struct kids k;
	const xmlNode *n;
	kids_init(&k, root);
	if (!expect(w, &k, "title", &n) || !plain_text(w, n, &t->title) ||
	    !expect(w, &k, "summary", &n) || !plain_text(w, n, &t->summary) ||
	    !expect(w, &k, "sources", &n) || !parse_sources(w, t, n))
		return false;
	size_t cap = 0;
	for (;;) {
		if (!peek(w, &k, &n))
			return false;
		if (!n)
			break;
		if (!is_el(n, "section"))
			return unexpected(w, root, n, "<section>");
		take(&k);
		if (!grow((void **)&t->sections, &cap, t->n_sections, sizeof *t->sections))
			return oom(w, n);
		pe_section *s = &t->sections[t->n_sections++];
		memset(s, 0, sizeof *s);
		if (!parse_section(w, s, n))
			return false;
	}
	if (t->n_sections == 0)
		return fail(w, root, "<topic> needs at least one <section>");
	return true;
}

/* ---- parsing ------------------------------------------------------------ */

/* Parse a file already read into buf (NUL-terminated): UTF-8 only, no
 * DOCTYPE, no network, entities not substituted. Returns the document or
 * NULL with the first problem in err. Used for topics and for the schema. */
static xmlDocPtr parse_xml(const char *path, const char *buf, size_t len, pe_error *err)
{
	size_t bad = utf8_invalid_at((const unsigned char *)buf, len);
	if (bad < len) {
		pe_error_set(err, path, line_at(buf, bad), "invalid UTF-8 (byte 0x%02X)",
		             (unsigned char)buf[bad]);
		return NULL;
	}

	struct xml_errs x;
	struct xml_scope sc;
	scope_enter(&sc, &x);
	xmlDocPtr doc = NULL;
	xmlParserCtxtPtr pctx = xmlNewParserCtxt();
	if (pctx) {
		/* No XML_PARSE_NOENT (entities stay references), no DTD loading,
		 * no network; NOERROR/NOWARNING in case a handler slips through. */
		int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
		           XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
		doc = xmlCtxtReadMemory(pctx, buf, (int)len, path, NULL, opts);
		if (doc && !pctx->wellFormed) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
		xmlFreeParserCtxt(pctx);
	}
	scope_leave(&sc);
	if (!pctx) {
		pe_error_set(err, path, 0, "out of memory");
		return NULL;
	}
	if (!doc) {
		report_parse_error(err, path, &x);
		return NULL;
	}
	if (doc->encoding && xmlStrcasecmp(doc->encoding, BAD_CAST "UTF-8") != 0 &&
	    xmlStrcasecmp(doc->encoding, BAD_CAST "UTF8") != 0) {
		pe_error_set(err, path, 1, "the file declares encoding \"%s\"; content must be UTF-8",
		             (const char *)doc->encoding);
		goto free_doc;
	}
	if (doc->intSubset || doc->extSubset) {
		/* DTD nodes carry no line; find the declaration in the text. */
		const char *dt = strstr(buf, "<!DOCTYPE");
		pe_error_set(err, path, dt ? line_at(buf, (size_t)(dt - buf)) : 0,
		             "a <!DOCTYPE> is not allowed in content");
		goto free_doc;
	}
	if (!xmlDocGetRootElement(doc)) {
		pe_error_set(err, path, 0, "the file has no root element");
		goto free_doc;
	}
	return doc;

free_doc:
	xmlFreeDoc(doc);
	return NULL;
}

/* ---- schema ------------------------------------------------------------- */

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

pe_schema *pe_schema_load(const char *rng_path, pe_error *err)
{
	size_t len;
	pe_schema *schema = NULL;
	char *buf = read_file(rng_path, &len, err);
	if (!buf)
		return NULL;
	/* Parsed by us, so its errors read like a topic's. */
	xmlDocPtr doc = parse_xml(rng_path, buf, len, err);
	if (!doc)
		goto free_buf;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root->ns || !xmlStrEqual(root->ns->href, BAD_CAST RNG_NS)) {
		pe_error_set(err, rng_path, node_line(root),
		             "not a RELAX NG schema: the root <%s> is not in the namespace %s",
		             (const char *)root->name, RNG_NS);
		goto free_doc;
	}
	if (!(schema = calloc(1, sizeof *schema))) {
		pe_error_set(err, rng_path, 0, "out of memory");
		goto free_doc;
	}
	struct xml_errs x;
	struct xml_scope sc;
	scope_enter(&sc, &x);
	/* The parser context copies the document; ours is freed below. */
	xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewDocParserCtxt(doc);
	if (pctx) {
		xmlRelaxNGSetParserStructuredErrors(pctx, on_structured_error, &x);
		schema->rng = xmlRelaxNGParse(pctx);
		xmlRelaxNGFreeParserCtxt(pctx);
	}
	scope_leave(&sc);
	if (!schema->rng) {
		int line = x.node_line > 0 ? x.node_line : x.line;
		if (x.have)
			pe_error_set(err, rng_path, line, "not a usable RELAX NG schema: %s", x.msg);
		else
			pe_error_set(err, rng_path, 0, "not a usable RELAX NG schema%s%s",
			             x.have_generic ? ": " : "", x.have_generic ? x.generic : "");
		free(schema);
		schema = NULL;
	}
free_doc:
	xmlFreeDoc(doc);
free_buf:
	free(buf);
	return schema;
}

void pe_schema_destroy(pe_schema *schema)
{
	if (!schema)
		return;
	xmlRelaxNGFree(schema->rng);
	free(schema);
}

/* Map a RELAX NG validation error to our format. Only reached when our
 * walk accepted something the schema does not (the walk and the schema
 * disagree): say so plainly, with libxml2's words and the element's line. */
static void report_schema_error(pe_error *err, const char *path, const struct xml_errs *x)
{
	int line = x->node_line > 0 ? x->node_line : x->line;
	if (x->have)
		pe_error_set(err, path, line, "does not match the schema: %s", x->msg);
	else
		pe_error_set(err, path, 0, "does not match the schema");
}

/* ---- one topic -------------------------------------------------------------- */

static pe_topic *load_topic(const char *path, const char *lang, const pe_schema *schema,
                            pe_error *err, int *root_line)
{
	pe_topic *topic = NULL;
	size_t len;
	if (!lang) {
		pe_error_set(err, path, 0, "no language given");
		return NULL;
	}
	char *buf = read_file(path, &len, err);
	if (!buf)
		return NULL;

	struct xml_errs x;
	struct xml_scope sc;
	xmlDocPtr doc = parse_xml(path, buf, len, err);
	if (!doc)
		goto free_buf;
	xmlNode *root = xmlDocGetRootElement(doc);   /* parse_xml made sure */

	topic = calloc(1, sizeof *topic);
	if (!topic || !(topic->path = strdup(path)) || !(topic->lang = strdup(lang))) {
		pe_error_set(err, path, 0, "out of memory");
		goto free_topic;
	}
	struct walk w = { .path = path, .err = err, .topic = topic };
	if (!parse_topic(&w, topic, root))
		goto free_topic;

	if (schema) {
		scope_enter(&sc, &x);
		xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt(schema->rng);
		int rc = -1;
		if (vctx) {
			xmlRelaxNGSetValidStructuredErrors(vctx, on_structured_error, &x);
			rc = xmlRelaxNGValidateDoc(vctx, doc);
			xmlRelaxNGFreeValidCtxt(vctx);
		}
		scope_leave(&sc);
		if (!vctx) {
			pe_error_set(err, path, 0, "out of memory");
			goto free_topic;
		}
		if (rc != 0) {
			report_schema_error(err, path, &x);
			goto free_topic;
		}
	}
	if (root_line)
		*root_line = node_line(root);
	xmlFreeDoc(doc);
	free(buf);
	return topic;

free_topic:
	pe_topic_destroy(topic);
	xmlFreeDoc(doc);
free_buf:
	free(buf);
	return NULL;
}

/* schema may be NULL: then only our own walk checks the file (tools that
 * want to report the walk's message alone). */
pe_topic *pe_topic_load(const char *path, const char *lang, const pe_schema *schema,
                        pe_error *err)
{
	return load_topic(path, lang, schema, err, NULL);
}

/* ---- library -------------------------------------------------------------- */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cards (kind="card") sort after every topic: the list a reader sees is
 * then the first n_listed entries. */
static int cmp_topic(const void *a, const void *b)
{
	const pe_topic *x = *(pe_topic *const *)a, *y = *(pe_topic *const *)b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

static bool has_xml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".xml") == 0;
}

/* The *.xml names in dir, sorted so that the first bad file reported is
 * always the same one. */
static bool list_xml(const char *dir, char ***names_out, size_t *n_out, pe_error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		pe_error_set(err, dir, 0, "cannot open directory: %s", strerror(errno));
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(d))) {
		if (!has_xml_suffix(de->d_name))
			continue;
		if (!grow((void **)&names, &cap, n, sizeof *names) ||
		    !(names[n] = strdup(de->d_name))) {
			pe_error_set(err, dir, 0, "out of memory");
			goto fail;
		}
		n++;
		errno = 0;
	}
	if (errno) {
		pe_error_set(err, dir, 0, "cannot read directory: %s", strerror(errno));
		goto fail;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_name);
	*names_out = names;
	*n_out = n;
	return true;
fail:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return false;
}

pe_library *pe_library_load(const char *dir, const char *lang, const pe_schema *schema,
                            pe_error *err)
{
	char **names = NULL;
	size_t n_names = 0;
	int *lines = NULL;
	char *path = NULL;
	if (!lang) {
		pe_error_set(err, dir, 0, "no language given");
		return NULL;
	}
	if (!list_xml(dir, &names, &n_names, err))
		return NULL;
	pe_library *lib = calloc(1, sizeof *lib);
	if (!lib || !(lib->lang = strdup(lang))) {
		pe_error_set(err, dir, 0, "out of memory");
		goto fail;
	}
	if (n_names == 0) {
		pe_error_set(err, dir, 0, "no topic files (*.xml) in this directory");
		goto fail;
	}
	lib->topics = calloc(n_names, sizeof *lib->topics);
	lines = calloc(n_names, sizeof *lines);
	if (!lib->topics || !lines) {
		pe_error_set(err, dir, 0, "out of memory");
		goto fail;
	}
	size_t dlen = strlen(dir);
	bool slash = dlen > 0 && dir[dlen - 1] == '/';
	for (size_t i = 0; i < n_names; i++) {
		free(path);
		size_t plen = dlen + 1 + strlen(names[i]) + 1;
		if (!(path = malloc(plen))) {
			pe_error_set(err, dir, 0, "out of memory");
			goto fail;
		}
		snprintf(path, plen, "%s%s%s", dir, slash ? "" : "/", names[i]);
		pe_topic *t = load_topic(path, lang, schema, err, &lines[i]);
		if (!t)
			goto fail;
		for (size_t j = 0; j < lib->n_topics; j++)
			if (strcmp(lib->topics[j]->id, t->id) == 0) {
				pe_error_set(err, path, lines[i],
				             "duplicate topic id \"%s\" (also in %s:%d)", t->id,
				             lib->topics[j]->path, lines[j]);
				pe_topic_destroy(t);
				goto fail;
			}
		lib->topics[lib->n_topics++] = t;
	}
	qsort(lib->topics, lib->n_topics, sizeof *lib->topics, cmp_topic);
	for (size_t i = 0; i < lib->n_topics; i++)
		if (lib->topics[i]->kind == PE_TOPIC_TOPIC)
			lib->n_listed++;
	if (lib->n_listed == 0) {
		pe_error_set(err, dir, 0, "no topic files (*.xml) in this directory, only cards "
		             "(kind=\"card\")");
		goto fail;
	}
	free(path);
	free(lines);
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	return lib;

fail:
	free(path);
	free(lines);
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	pe_library_destroy(lib);
	return NULL;
}

void pe_library_destroy(pe_library *lib)
{
	if (!lib)
		return;
	for (size_t i = 0; i < lib->n_topics; i++)
		pe_topic_destroy(lib->topics[i]);
	free(lib->topics);
	free(lib->lang);
	free(lib);
}

const char *pe_library_lang(const pe_library *lib)
{
	return lib->lang;
}

size_t pe_library_count(const pe_library *lib)
{
	return lib ? lib->n_listed : 0;
}

const pe_topic *pe_library_topic(const pe_library *lib, size_t i)
{
	return lib && i < lib->n_listed ? lib->topics[i] : NULL;
}

const pe_topic *pe_library_find(const pe_library *lib, const char *id)
{
	if (!lib || !id)
		return NULL;
	for (size_t i = 0; i < lib->n_topics; i++)
		if (strcmp(lib->topics[i]->id, id) == 0)
			return lib->topics[i];
	return NULL;
}
