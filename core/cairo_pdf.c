/* SPDX-License-Identifier: MIT */
/*
 * cairo_pdf.c - the display list on Cairo's PDF surface (cairo_pdf.h).
 *
 * Painting is the Cairo painter's (cairo_paint.c): this file only makes
 * the surface, one page per display-list page, and adds what a painter
 * does not draw: link annotations, outline entries and document info.
 *
 * Cairo 1.16 writes a damaged cross-reference table when a page has
 * tagged content (a link) outside any structure element; every page is
 * therefore wrapped in a "Document" structure tag, which qpdf --check and
 * poppler then read without a complaint (tests/scripts-e2e.py checks
 * both).
 */
#include "cairo_pdf.h"

#include "atomicfile.h"
#include "cairo_paint.h"
#include "pdf.h"
#include "validate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

/* The PDF as Cairo writes it. */
typedef struct membuf {
	unsigned char *data;
	size_t n, cap;
	bool oom;
} membuf;

static cairo_status_t to_mem(void *closure, const unsigned char *data, unsigned int n)
{
	membuf *m = closure;
	if (m->n + n > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 65536;
		while (cap < m->n + n)
			cap *= 2;
		unsigned char *d = realloc(m->data, cap);
		if (!d) {
			m->oom = true;
			return CAIRO_STATUS_NO_MEMORY;
		}
		m->data = d;
		m->cap = cap;
	}
	memcpy(m->data + m->n, data, n);
	m->n += n;
	return CAIRO_STATUS_SUCCESS;
}

/* A string for a tag attribute: '...' with \ and ' escaped. */
static char *quoted(const char *s)
{
	size_t n = 3;
	for (const char *p = s; *p; p++)
		n += (*p == '\'' || *p == '\\') ? 2 : 1;
	char *q = malloc(n), *o = q;
	if (!q)
		return NULL;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'' || *p == '\\')
			*o++ = '\\';
		*o++ = *p;
	}
	*o++ = '\'';
	*o = 0;
	return q;
}

/* False when out of memory (the document is then not written: never a
 * handout without its links). */
static bool add_link(cairo_t *cr, double x, double y, double w, double h, const char *uri)
{
	char *u = quoted(uri);
	size_t n = u ? strlen(u) + 128 : 0;
	char *attrs = u ? malloc(n) : NULL;
	if (attrs) {
		snprintf(attrs, n, "rect=[%.2f %.2f %.2f %.2f] uri=%s", x, y, w, h, u);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
	}
	free(u);
	bool ok = attrs != NULL;
	free(attrs);
	return ok;
}

/* Outline entries as pdf.c makes them: level 0 at the root, level 1 under
 * the last level 0; the destination a little above the mark. */
static void add_mark(cairo_surface_t *surface, int page_no, const pe_op *op, int *last_topic)
{
	char dest[96];
	snprintf(dest, sizeof dest, "page=%d pos=[0 %.2f]", page_no, fmax(0, op->y - 12));
	int parent = op->u.mark.level > 0 && *last_topic ? *last_topic : CAIRO_PDF_OUTLINE_ROOT;
	int id = cairo_pdf_surface_add_outline(surface, parent, op->u.mark.title ? op->u.mark.title : "",
	                                       dest, op->u.mark.level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
	if (op->u.mark.level == 0)
		*last_topic = id;
}

/* /Lang: Cairo 1.16 has no way to set it, so an incremental update
 * rewrites the catalog with /Lang added (the way a PDF editor changes a
 * file: the original bytes stay, a new xref section follows). False when
 * Cairo's output does not look as expected (the file is then refused,
 * never written without its language). */
static bool add_lang(membuf *m, const char *tag)
{
	/* The trailer: "/Root N 0 R" and the old xref offset after startxref. */
	const char *text = (const char *)m->data;
	const char *trailer = NULL;
	for (size_t i = m->n; i-- > 0;)
		if (i + 7 <= m->n && memcmp(text + i, "trailer", 7) == 0) {
			trailer = text + i;
			break;
		}
	if (!trailer)
		return false;
	size_t rest = m->n - (size_t)(trailer - text);
	char tail[1024];
	if (rest >= sizeof tail)
		return false;
	memcpy(tail, trailer, rest);
	tail[rest] = 0;
	const char *root = strstr(tail, "/Root ");
	const char *info = strstr(tail, "/Info ");
	const char *size = strstr(tail, "/Size ");
	const char *sx = strstr(tail, "startxref");
	if (!root || !size || !sx)
		return false;
	long root_obj = strtol(root + 6, NULL, 10), n_objs = strtol(size + 6, NULL, 10);
	long info_obj = info ? strtol(info + 6, NULL, 10) : 0;
	long old_xref = strtol(sx + 9, NULL, 10);
	if (root_obj <= 0 || n_objs <= root_obj || old_xref <= 0)
		return false;
	/* The catalog's dictionary: "N 0 obj" then << ... >>. */
	char head[32];
	int hn = snprintf(head, sizeof head, "\n%ld 0 obj", root_obj);
	const char *obj = NULL;
	for (size_t i = 0; i + (size_t)hn <= m->n; i++)
		if (memcmp(text + i, head, (size_t)hn) == 0)
			obj = text + i + hn;
	if (!obj)
		return false;
	const char *open = memchr(obj, '<', m->n - (size_t)(obj - text));
	const char *end = open ? strstr(open, "endobj") : NULL;   /* Cairo's catalog is text */
	if (!open || !end)
		return false;
	const char *close = end;
	while (close > open && !(close[0] == '>' && close[-1] == '>'))
		close--;
	if (close <= open + 2)
		return false;
	size_t dict_len = (size_t)(close - 1 - open);   /* "<< ... " without the closing >> */
	size_t cap = dict_len + 512;
	char *upd = malloc(cap);
	if (!upd)
		return false;
	size_t obj_at = m->n + 1;   /* after the newline below */
	int k = snprintf(upd, cap, "\n%ld 0 obj\n%.*s/Lang (%s)\n>>\nendobj\n", root_obj,
	                 (int)dict_len, open, tag);
	size_t xref_at = m->n + (size_t)k;
	k += snprintf(upd + k, cap - (size_t)k,
	              "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld /Root %ld 0 R", root_obj,
	              obj_at, n_objs, root_obj);
	if (info_obj > 0)
		k += snprintf(upd + k, cap - (size_t)k, " /Info %ld 0 R", info_obj);
	k += snprintf(upd + k, cap - (size_t)k, " /Prev %ld >>\nstartxref\n%zu\n%%%%EOF\n", old_xref,
	              xref_at);
	bool ok = k > 0 && (size_t)k < cap && to_mem(m, (unsigned char *)upd, (unsigned)k) ==
	                                              CAIRO_STATUS_SUCCESS;
	free(upd);
	return ok;
}

static void set_info(cairo_surface_t *s, const pe_dlist *dl)
{
	if (dl->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, dl->title);
	if (dl->subject)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, dl->subject);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "patient-ed " PE_VERSION);
	struct tm tm;
	pe_pdf_made_at(&tm);
	char date[32];
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

bool pe_cairo_pdf_write(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                        pe_error *err)
{
	if (!dl || dl->n_pages == 0) {
		pe_error_set(err, out_path, 0, "nothing to write: the document has no pages");
		return false;
	}
	char tag[PE_LANG_CODE_MAX] = "";
	if (dl->lang && !pe_lang_tag(dl->lang, tag, sizeof tag)) {
		pe_error_set(err, out_path, 0, "bad language tag \"%s\"", dl->lang);
		return false;
	}
	pe_painter *painter = pe_painter_create(fonts, err);
	if (!painter)
		return false;
	membuf m = { 0 };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_mem, &m, dl->pages[0].width,
	                                                         dl->pages[0].height);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	set_info(s, dl);
	cairo_t *cr = cairo_create(s);
	bool ok = true;
	int last_topic = 0;
	for (size_t i = 0; ok && i < dl->n_pages; i++) {
		const pe_page *pg = &dl->pages[i];
		cairo_pdf_surface_set_size(s, pg->width, pg->height);
		cairo_tag_begin(cr, "Document", NULL);
		ok = pe_painter_paint_page(painter, cr, pg, err);
		bool links = true;
		for (size_t j = 0; j < pg->n_ops; j++) {
			const pe_op *op = &pg->ops[j];
			if (op->kind == PE_OP_LINK && op->u.link.uri)
				links &= add_link(cr, op->x, op->y, op->w, op->h, op->u.link.uri);
			else if (op->kind == PE_OP_TEXT && op->u.text.link)
				links &= add_link(cr, op->x, op->y - op->u.text.ascent, op->w,
				                  op->u.text.ascent + op->u.text.descent, op->u.text.link);
			else if (op->kind == PE_OP_MARK)
				add_mark(s, (int)i + 1, op, &last_topic);
		}
		if (ok && !links) {
			pe_error_set(err, out_path, 0, "out of memory adding links");
			ok = false;
		}
		cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
	}
	if (ok && pe_painter_missing_glyphs(painter) > 0) {
		pe_error_set(err, out_path, 0, "no bundled font has a glyph for U+%04X in \"%s\"",
		             (unsigned)pe_painter_first_missing(painter),
		             pe_painter_first_missing_text(painter));
		ok = false;
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	pe_painter_destroy(painter);
	if (ok && (st != CAIRO_STATUS_SUCCESS || m.oom)) {
		pe_error_set(err, out_path, 0, "cannot make the PDF: %s",
		             m.oom ? "out of memory" : cairo_status_to_string(st));
		ok = false;
	}
	if (ok && tag[0] && !add_lang(&m, tag)) {
		pe_error_set(err, out_path, 0, "cannot add the language to the PDF");
		ok = false;
	}
	if (ok)
		ok = pe_atomic_write_file(out_path, m.data, m.n, err);
	free(m.data);
	return ok;
}
