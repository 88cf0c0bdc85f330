/* SPDX-License-Identifier: MIT */
/*
 * xmlread.c - read a content file and parse it with libxml2 (see
 * xmlread.h): the first three gates a topic file goes through, each with
 * its own message:
 *   1. the file itself: it opens, it is a regular file, it is not larger
 *      than the caller's limit (checked before reading it all);
 *   2. the bytes are valid UTF-8 (our own check, so the message names the
 *      line and the byte instead of libxml2's "indicate encoding !");
 *   3. libxml2 parses it (no network, no DTD, no entity substitution);
 *      its first error becomes "file:line: not well-formed XML: ...".
 * The fourth, the walk of the tree, is topic_grammar.c.
 *
 * libxml2 errors are caught by a structured error handler installed only
 * for the duration of each call and then restored, so libxml2 never prints
 * and no state is left behind. This file must never print, exit, or call
 * xmlCleanupParser (that belongs to the program, if anyone).
 */
#include "xmlread.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>


/* ---- reading files ---------------------------------------------------- */

/* Read a whole file into a NUL-terminated buffer, refusing anything that is
 * not a regular file or is larger than max_bytes. The size is
 * checked with fstat before reading, and again while reading in case the
 * file grows under us. */
char *pe_xml_read_file(const char *path, size_t max_bytes, size_t *len_out, pe_error *err)
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
	if ((unsigned long long)st.st_size > max_bytes) {
		pe_error_set(err, path, 0, "file is too large (%lld bytes, limit %zu)",
		             (long long)st.st_size, max_bytes);
		goto close_file;
	}
	buf = malloc(max_bytes + 2);
	if (!buf) {
		pe_error_set(err, path, 0, "out of memory");
		goto close_file;
	}
	size_t len = fread(buf, 1, max_bytes + 1, f);
	if (ferror(f)) {
		pe_error_set(err, path, 0, "cannot read: %s", strerror(errno));
		goto free_buf;
	}
	if (len > max_bytes) {
		pe_error_set(err, path, 0, "file is too large (more than %zu bytes, limit %zu)",
		             max_bytes, max_bytes);
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

void pe_xml_on_error(void *data, pe_xml_error_ptr e)
{
	pe_xml_errs *x = data;
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
	pe_xml_errs *x = data;
	if (!x || x->have_generic)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->generic, sizeof x->generic, fmt, ap);
	va_end(ap);
	trim_end(x->generic);
	x->have_generic = x->generic[0] != '\0';
}

void pe_xml_scope_enter(pe_xml_scope *sc, pe_xml_errs *x)
{
	xmlInitParser();
	memset(x, 0, sizeof *x);
	sc->serror = xmlStructuredError;
	sc->sctx = xmlStructuredErrorContext;
	sc->gerror = xmlGenericError;
	sc->gctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(x, pe_xml_on_error);
	xmlSetGenericErrorFunc(x, on_generic_error);
}

void pe_xml_scope_leave(const pe_xml_scope *sc)
{
	xmlSetStructuredErrorFunc(sc->sctx, sc->serror);
	xmlSetGenericErrorFunc(sc->gctx, sc->gerror);
}

int pe_xml_line(const xmlNode *n)
{
	long line = n ? xmlGetLineNo((xmlNode *)n) : 0;
	return line > 0 && line < INT_MAX ? (int)line : 0;
}

/* Turn libxml2's first parser error into our message. The common cases get
 * plain words; the rest keep libxml2's own wording after our prefix. */
static void report_parse_error(pe_error *err, const char *path, const pe_xml_errs *x)
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

bool pe_xml_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool pe_xml_all_space(const char *s)
{
	for (; *s; s++)
		if (!pe_xml_is_space((unsigned char)*s))
			return false;
	return true;
}

/* ---- parsing ------------------------------------------------------------- */

/* Parse a file already read into buf (NUL-terminated): UTF-8 only, no
 * DOCTYPE, no network, entities not substituted. Returns the document or
 * NULL with the first problem in err. Used for topics and for the schema. */
xmlDocPtr pe_xml_parse(const char *path, const char *buf, size_t len, pe_error *err)
{
	size_t bad = utf8_invalid_at((const unsigned char *)buf, len);
	if (bad < len) {
		pe_error_set(err, path, line_at(buf, bad), "invalid UTF-8 (byte 0x%02X)",
		             (unsigned char)buf[bad]);
		return NULL;
	}

	pe_xml_errs x;
	pe_xml_scope sc;
	pe_xml_scope_enter(&sc, &x);
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
	pe_xml_scope_leave(&sc);
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
		pe_error_set(err, path, 1,
		             "the file declares encoding \"%s\"; content must be UTF-8",
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
