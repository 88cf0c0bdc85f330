/* SPDX-License-Identifier: MIT */
/*
 * pdf.c - the libharu painter: display list in, PDF file out.
 *
 * Walks the pages and ops of a pe_dlist and draws each one with libharu,
 * flipping y (display lists grow downwards, PDF upwards). It must never do
 * layout: a text op is one finished line, drawn with TextOut where layout
 * put it (libharu's own TextRect wraps badly and overflows silently).
 *
 * libharu errors are sticky and reported through a callback; the callback
 * records the first one and every call is checked, so the first failure
 * stops the document. The document is made in memory and written through
 * atomicfile.c: no half-written PDF, and a failed run leaves the output
 * path as it was.
 */
#include "pdf.h"

#include "atomicfile.h"
#include "pngfile.h"
#include "shapes.h"
#include "validate.h"

#include <errno.h>
#include <glib.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <iconv.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#ifndef PE_VERSION
#define PE_VERSION "0"
#endif

/* Ops this close to a value are treated as equal when deciding whether to
 * re-send a colour or font (saves bytes, changes nothing visible). */
#define SAME(a, b) (fabs((a) - (b)) < 1e-6)

typedef struct painter {
	HPDF_Doc doc;
	const char *out_name;     /* for messages */
	pe_error *err;
	bool failed;              /* an error message is already in err */
	HPDF_STATUS hpdf_error;   /* first libharu error (0 = none) */
	HPDF_STATUS hpdf_detail;
	pe_pdf_encoding enc;
	const char *encoder;      /* "WinAnsiEncoding" or "UTF-8" */
	iconv_t to_cp1252;        /* (iconv_t)-1 in UTF-8 mode */
	char *buf;                /* conversion buffer */
	size_t buf_size;
	const char *font_paths[PE_FACE_COUNT];
	HPDF_Font fonts[PE_FACE_COUNT];
	HPDF_Outline last_topic;  /* parent for level-1 marks */
	/* PNG files already embedded (one XObject per file). */
	char **png_paths;
	HPDF_Image *png_images;
	size_t n_png;
} painter;

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	painter *p = user_data;
	if (!p->hpdf_error) {
		p->hpdf_error = error_no;
		p->hpdf_detail = detail_no;
	}
}

static const char *hpdf_error_name(HPDF_STATUS e)
{
	switch (e) {
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_FILE_IO_ERROR: return "file I/O error";
	case HPDF_FILE_OPEN_ERROR: return "cannot open file";
	case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
	case HPDF_TTF_INVALID_CMAP: return "font has no usable cmap";
	case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
	case HPDF_TTF_MISSING_TABLE: return "font misses a required table";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "font license forbids embedding";
	case HPDF_INVALID_PNG_IMAGE: return "invalid PNG image";
	case HPDF_UNSUPPORTED_FUNC: return "unsupported (libharu built without it)";
	case HPDF_INVALID_PARAMETER: return "invalid parameter";
	case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
	case HPDF_INVALID_ENCODER: return "invalid encoder";
	case HPDF_INVALID_URI: return "invalid URI";
	default: return "libharu error";
	}
}

/* Record a failure of `what` (a libharu call or our own step). Keeps the
 * first message only: later failures are consequences. */
static bool fail(painter *p, const char *what)
{
	if (p->failed)
		return false;
	p->failed = true;
	if (p->hpdf_error)
		pe_error_set(p->err, p->out_name, 0, "%s failed: %s (libharu 0x%04X, detail %u)",
		             what, hpdf_error_name(p->hpdf_error), (unsigned)p->hpdf_error,
		             (unsigned)p->hpdf_detail);
	else
		pe_error_set(p->err, p->out_name, 0, "%s failed", what);
	return false;
}

static bool check(painter *p, HPDF_STATUS st, const char *what)
{
	if (st != HPDF_OK || p->hpdf_error)
		return fail(p, what);
	return true;
}

/* ---- text encoding ----------------------------------------------------- */

static bool fits_cp1252(iconv_t cd, const char *s, char *out, size_t out_size)
{
	char *in = (char *)s;
	size_t in_left = strlen(s);
	char *o = out;
	size_t o_left = out_size - 1;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &in_left, &o, &o_left) == (size_t)-1)
		return false;
	*o = '\0';
	return true;
}

static bool valid_text(const char *s, const char *what, pe_error *err)
{
	if (g_utf8_validate(s, -1, NULL))
		return true;
	char q[PE_QUOTE_MAX];
	pe_error_quote(q, sizeof q, s);
	pe_error_set(err, NULL, 0, "pdf: %s is not valid UTF-8: \"%s\"", what, q);
	return false;
}

/* Whether s converts to CP1252, using a scratch buffer grown as needed
 * (CP1252 is never longer than the UTF-8 it comes from). */
static bool converts(iconv_t cd, const char *s, char **buf, size_t *size, bool *oom)
{
	size_t need = strlen(s) + 1;
	if (need > *size) {
		char *nb = realloc(*buf, need);
		if (!nb) {
			*oom = true;
			return false;
		}
		*buf = nb;
		*size = need;
	}
	return fits_cp1252(cd, s, *buf, *size);
}

bool pe_pdf_choose_encoding(const pe_dlist *dl, pe_pdf_encoding *enc, pe_error *err)
{
	iconv_t cd = iconv_open("CP1252", "UTF-8");
	if (cd == (iconv_t)-1) {
		pe_error_set(err, NULL, 0, "pdf: iconv cannot convert UTF-8 to CP1252");
		return false;
	}
	bool winansi = true, oom = false, ok = true;
	char *buf = NULL;
	size_t size = 0;
	for (size_t i = 0; ok && i < dl->n_pages; i++) {
		const pe_page *pg = &dl->pages[i];
		for (size_t j = 0; ok && j < pg->n_ops; j++) {
			const pe_op *op = &pg->ops[j];
			const char *s = op->kind == PE_OP_TEXT ? op->u.text.utf8 :
			                op->kind == PE_OP_MARK ? op->u.mark.title : NULL;
			if (!s)
				continue;
			ok = valid_text(s, op->kind == PE_OP_TEXT ? "text" : "bookmark", err);
			if (ok && winansi && !converts(cd, s, &buf, &size, &oom))
				winansi = false;
		}
	}
	const char *meta[] = { dl->title, dl->subject };
	for (size_t k = 0; ok && k < 2; k++) {
		if (!meta[k])
			continue;
		ok = valid_text(meta[k], "document title", err);
		if (ok && winansi && !converts(cd, meta[k], &buf, &size, &oom))
			winansi = false;
	}
	iconv_close(cd);
	free(buf);
	if (ok && oom) {
		pe_error_set(err, NULL, 0, "pdf: out of memory");
		ok = false;
	}
	if (ok)
		*enc = winansi ? PE_PDF_WINANSI : PE_PDF_UTF8;
	return ok;
}

/* The bytes libharu gets for a string in the document's encoding. In
 * WinAnsi mode every string was checked by pe_pdf_choose_encoding, so a
 * failure here is a bug, but it is still reported, never drawn wrong. */
static const char *encode(painter *p, const char *utf8)
{
	if (p->enc == PE_PDF_UTF8)
		return utf8;
	size_t need = strlen(utf8) + 1;   /* CP1252 is never longer than UTF-8 */
	if (need > p->buf_size) {
		char *nb = realloc(p->buf, need);
		if (!nb) {
			fail(p, "allocating a text buffer");
			return NULL;
		}
		p->buf = nb;
		p->buf_size = need;
	}
	if (!fits_cp1252(p->to_cp1252, utf8, p->buf, p->buf_size)) {
		if (!p->failed) {
			char q[PE_QUOTE_MAX];
			pe_error_quote(q, sizeof q, utf8);
			p->failed = true;
			pe_error_set(p->err, p->out_name, 0, "text does not convert to CP1252: \"%s\"", q);
		}
		return NULL;
	}
	return p->buf;
}

/* In UTF-8 mode libharu draws whatever it is given, and a character the
 * (subset) font lacks would print as an empty box. Check every character
 * against the font's cmap with FreeType and fail naming the text. */
static bool check_glyphs(painter *p, const pe_dlist *dl)
{
	FT_Library ft;
	if (FT_Init_FreeType(&ft))
		return fail(p, "FreeType initialisation");
	FT_Face faces[PE_FACE_COUNT] = { 0 };
	bool ok = true;
	for (size_t i = 0; ok && i < dl->n_pages; i++) {
		const pe_page *pg = &dl->pages[i];
		for (size_t j = 0; ok && j < pg->n_ops; j++) {
			const pe_op *op = &pg->ops[j];
			if (op->kind != PE_OP_TEXT)
				continue;
			pe_face f = op->u.text.face;
			if (!faces[f] && FT_New_Face(ft, p->font_paths[f], 0, &faces[f])) {
				faces[f] = NULL;
				p->failed = true;
				pe_error_set(p->err, p->out_name, 0, "cannot read font %s", p->font_paths[f]);
				ok = false;
				break;
			}
			for (const char *s = op->u.text.utf8; *s; s = g_utf8_next_char(s)) {
				gunichar c = g_utf8_get_char(s);
				if (FT_Get_Char_Index(faces[f], c) == 0) {
					char q[PE_QUOTE_MAX];
					pe_error_quote(q, sizeof q, op->u.text.utf8);
					const char *slash = strrchr(p->font_paths[f], '/');
					p->failed = true;
					pe_error_set(p->err, p->out_name, 0,
					             "font %s has no glyph for U+%04X in \"%s\"",
					             slash ? slash + 1 : p->font_paths[f], (unsigned)c, q);
					ok = false;
					break;
				}
			}
		}
	}
	for (int f = 0; f < PE_FACE_COUNT; f++)
		if (faces[f])
			FT_Done_Face(faces[f]);
	FT_Done_FreeType(ft);
	return ok;
}

/* ---- resources --------------------------------------------------------- */

static HPDF_Font get_font(painter *p, pe_face face)
{
	if (face < 0 || face >= PE_FACE_COUNT) {
		fail(p, "text op with an unknown face");
		return NULL;
	}
	if (p->fonts[face])
		return p->fonts[face];
	const char *path = p->font_paths[face];
	if (!path || access(path, R_OK) != 0) {
		p->failed = true;
		pe_error_set(p->err, p->out_name, 0, "missing font %s", path ? path : "(none)");
		return NULL;
	}
	const char *name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
	if (!name || p->hpdf_error) {
		char what[512];
		snprintf(what, sizeof what, "loading font %s", path);
		fail(p, what);
		return NULL;
	}
	HPDF_Font font = HPDF_GetFont(p->doc, name, p->encoder);
	if (!font || p->hpdf_error) {
		fail(p, "HPDF_GetFont");
		return NULL;
	}
	p->fonts[face] = font;
	return font;
}

static HPDF_Image remember_png(painter *p, const char *path, HPDF_Image img);

/* libharu 2.3.0 reads a 16-bit PNG as if its samples were 8-bit: poppler
 * shows a clinic's logo twice, squeezed, over black. Such a file is read
 * here with libpng, reduced to 8 bits (sRGB when the file does not say,
 * as a logo exported from an editor is), and handed to libharu as raw
 * pixels, with its alpha as a soft mask. */
static HPDF_Image load_png_8bit(painter *p, const char *path, const pe_png *png)
{
	char what[512];
	snprintf(what, sizeof what, "loading 16-bit PNG image %s", path);
	png_image im;
	memset(&im, 0, sizeof im);
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, png->data, png->size)) {
		snprintf(what + strlen(what), sizeof what - strlen(what), " (%s)", im.message);
		fail(p, what);
		return NULL;
	}
	bool color = im.format & PNG_FORMAT_FLAG_COLOR, alpha = im.format & PNG_FORMAT_FLAG_ALPHA;
	im.format = (color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
	im.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
	size_t w = im.width, h = im.height, ch = PNG_IMAGE_SAMPLE_CHANNELS(im.format);
	size_t cc = color ? 3 : 1;
	HPDF_Image img = NULL;
	unsigned char *px = malloc(PNG_IMAGE_SIZE(im));
	unsigned char *mask = alpha ? malloc(w * h) : NULL;
	if (!px || (alpha && !mask)) {
		png_image_free(&im);
		fail(p, what);
		goto free_px;
	}
	if (!png_image_finish_read(&im, NULL, px, 0, NULL)) {
		snprintf(what + strlen(what), sizeof what - strlen(what), " (%s)", im.message);
		fail(p, what);
		goto free_px;
	}
	if (alpha)   /* split colour from alpha, in place: colour moves left */
		for (size_t i = 0; i < w * h; i++) {
			memmove(px + i * cc, px + i * ch, cc);
			mask[i] = px[i * ch + cc];
		}
	img = HPDF_LoadRawImageFromMem(p->doc, px, (HPDF_UINT)w, (HPDF_UINT)h,
	                               color ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
	if (!img || p->hpdf_error) {
		img = NULL;
		fail(p, what);
		goto free_px;
	}
	if (alpha) {
		HPDF_Image sm = HPDF_LoadRawImageFromMem(p->doc, mask, (HPDF_UINT)w, (HPDF_UINT)h,
		                                         HPDF_CS_DEVICE_GRAY, 8);
		if (!sm || p->hpdf_error || HPDF_Image_AddSMask(img, sm) != HPDF_OK || p->hpdf_error) {
			img = NULL;
			fail(p, what);
		}
	}
free_px:
	free(mask);
	free(px);
	return img;
}

/* Every PNG is read whole and checked (pngfile.c) before libharu sees it:
 * libharu lets libpng abort() the process on a damaged file. libharu then
 * gets the very bytes that were checked, so a file changed on disk in
 * between cannot slip through. */
static HPDF_Image get_png(painter *p, const char *path)
{
	for (size_t i = 0; i < p->n_png; i++)
		if (strcmp(p->png_paths[i], path) == 0)
			return p->png_images[i];
	pe_png png;
	pe_error perr = { { 0 } };
	if (!pe_png_load(path, &png, &perr)) {
		p->failed = true;
		pe_error_set(p->err, p->out_name, 0, "image %s", perr.msg);
		return NULL;
	}
	HPDF_Image img;
	if (png.bit_depth == 16) {
		img = load_png_8bit(p, path, &png);
	} else {
		img = HPDF_LoadPngImageFromMem(p->doc, png.data, (HPDF_UINT)png.size);
		if (!img || p->hpdf_error) {
			char what[512];
			snprintf(what, sizeof what, "loading PNG image %s", path);
			fail(p, what);
			img = NULL;
		}
	}
	pe_png_free(&png);
	return img ? remember_png(p, path, img) : NULL;
}

/* Keep img as the XObject of path, so the logo on every page is one image. */
static HPDF_Image remember_png(painter *p, const char *path, HPDF_Image img)
{
	char **np = realloc(p->png_paths, (p->n_png + 1) * sizeof *np);
	if (!np) {
		fail(p, "allocating");
		return NULL;
	}
	p->png_paths = np;
	HPDF_Image *ni = realloc(p->png_images, (p->n_png + 1) * sizeof *ni);
	if (!ni) {
		fail(p, "allocating");
		return NULL;
	}
	p->png_images = ni;
	if (!(p->png_paths[p->n_png] = strdup(path))) {
		fail(p, "allocating");
		return NULL;
	}
	p->png_images[p->n_png++] = img;
	return img;
}

/* Colour with alpha: an ExtGState only when the colour is translucent. */
static bool set_alpha(painter *p, HPDF_Page page, double fill_a, double stroke_a)
{
	if (fill_a >= 1.0 && stroke_a >= 1.0)
		return true;
	HPDF_ExtGState gs = HPDF_CreateExtGState(p->doc);
	if (!gs || p->hpdf_error)
		return fail(p, "HPDF_CreateExtGState");
	if (fill_a < 1.0 && !check(p, HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)fill_a), "HPDF_ExtGState_SetAlphaFill"))
		return false;
	if (stroke_a < 1.0 && !check(p, HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)stroke_a), "HPDF_ExtGState_SetAlphaStroke"))
		return false;
	return check(p, HPDF_Page_SetExtGState(page, gs), "HPDF_Page_SetExtGState");
}

/* ---- ops --------------------------------------------------------------- */

static bool add_link(painter *p, HPDF_Page page, double h, double x0, double y0,
                     double x1, double y1, const char *uri)
{
	HPDF_Rect r = { (HPDF_REAL)x0, (HPDF_REAL)(h - y1), (HPDF_REAL)x1, (HPDF_REAL)(h - y0) };
	HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, uri);
	if (!a || p->hpdf_error)
		return fail(p, "HPDF_Page_CreateURILinkAnnot");
	return check(p, HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "HPDF_LinkAnnot_SetBorderStyle");
}

/* Text state kept between consecutive text ops so one BT..ET block and
 * one Tf / rg per change is written, not one per line. */
typedef struct text_state {
	bool in_text;
	int face;
	double size;
	pe_color color;
	bool have_color;
} text_state;

static bool end_text(painter *p, HPDF_Page page, text_state *ts)
{
	if (!ts->in_text)
		return true;
	ts->in_text = false;
	return check(p, HPDF_Page_EndText(page), "HPDF_Page_EndText");
}

static bool draw_text(painter *p, HPDF_Page page, double h, const pe_op *op, text_state *ts)
{
	if (!op->u.text.utf8[0])
		return true;
	if (op->u.text.color.a <= 0)
		return true;
	HPDF_Font font = get_font(p, op->u.text.face);
	if (!font)
		return false;
	const char *bytes = encode(p, op->u.text.utf8);
	if (!bytes)
		return false;
	if (op->u.text.color.a < 1.0) {
		if (!end_text(p, page, ts) || !check(p, HPDF_Page_GSave(page), "HPDF_Page_GSave") ||
		    !set_alpha(p, page, op->u.text.color.a, 1.0))
			return false;
		ts->have_color = false;
		ts->face = -1;
	}
	if (!ts->in_text) {
		if (!check(p, HPDF_Page_BeginText(page), "HPDF_Page_BeginText"))
			return false;
		ts->in_text = true;
	}
	if (ts->face != (int)op->u.text.face || !SAME(ts->size, op->u.text.size)) {
		if (!check(p, HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)op->u.text.size),
		           "HPDF_Page_SetFontAndSize"))
			return false;
		ts->face = (int)op->u.text.face;
		ts->size = op->u.text.size;
	}
	pe_color c = op->u.text.color;
	if (!ts->have_color || !SAME(c.r, ts->color.r) || !SAME(c.g, ts->color.g) || !SAME(c.b, ts->color.b)) {
		if (!check(p, HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b),
		           "HPDF_Page_SetRGBFill"))
			return false;
		ts->color = c;
		ts->have_color = true;
	}
	if (!check(p, HPDF_Page_TextOut(page, (HPDF_REAL)op->x, (HPDF_REAL)(h - op->y), bytes),
	           "HPDF_Page_TextOut"))
		return false;
	if (op->u.text.color.a < 1.0) {
		if (!end_text(p, page, ts) || !check(p, HPDF_Page_GRestore(page), "HPDF_Page_GRestore"))
			return false;
		ts->have_color = false;
		ts->face = -1;
	}
	if (op->u.text.link)
		return add_link(p, page, h, op->x, op->y - op->u.text.ascent, op->x + op->w,
		                op->y + op->u.text.descent, op->u.text.link);
	return true;
}

static bool set_paint(painter *p, HPDF_Page page, pe_color fill, pe_color stroke,
                      double line_width, bool dashed)
{
	if (fill.a > 0 && !check(p, HPDF_Page_SetRGBFill(page, (HPDF_REAL)fill.r, (HPDF_REAL)fill.g,
	                                                (HPDF_REAL)fill.b), "HPDF_Page_SetRGBFill"))
		return false;
	if (stroke.a > 0) {
		if (!check(p, HPDF_Page_SetRGBStroke(page, (HPDF_REAL)stroke.r, (HPDF_REAL)stroke.g,
		                                     (HPDF_REAL)stroke.b), "HPDF_Page_SetRGBStroke") ||
		    !check(p, HPDF_Page_SetLineWidth(page, (HPDF_REAL)(line_width > 0 ? line_width : 1)),
		           "HPDF_Page_SetLineWidth"))
			return false;
		if (dashed) {
			/* Dash length follows the line width so dashes look the same
			 * at every size; at least 1 unit (the pattern is integer). */
			HPDF_UINT16 on = (HPDF_UINT16)fmax(1, round(line_width * 3));
			HPDF_UINT16 ptn[2] = { on, on };
			if (!check(p, HPDF_Page_SetDash(page, ptn, 2, 0), "HPDF_Page_SetDash"))
				return false;
		}
	}
	return set_alpha(p, page, fill.a > 0 ? fill.a : 1.0, stroke.a > 0 ? stroke.a : 1.0);
}

static bool paint_path(painter *p, HPDF_Page page, pe_color fill, pe_color stroke)
{
	HPDF_STATUS st;
	const char *what;
	if (fill.a > 0 && stroke.a > 0) {
		st = HPDF_Page_FillStroke(page);
		what = "HPDF_Page_FillStroke";
	} else if (fill.a > 0) {
		st = HPDF_Page_Fill(page);
		what = "HPDF_Page_Fill";
	} else {
		st = HPDF_Page_Stroke(page);
		what = "HPDF_Page_Stroke";
	}
	return check(p, st, what);
}

/* Segments of a path (y down, as in the display list) on a PDF page of
 * height h. */
static bool trace(painter *p, HPDF_Page page, double h, const pe_path_seg *segs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const pe_path_seg *s = &segs[i];
		HPDF_STATUS st = HPDF_OK;
		switch (s->verb) {
		case PE_PATH_MOVE:
			st = HPDF_Page_MoveTo(page, (HPDF_REAL)s->x[0], (HPDF_REAL)(h - s->y[0]));
			break;
		case PE_PATH_LINE:
			st = HPDF_Page_LineTo(page, (HPDF_REAL)s->x[0], (HPDF_REAL)(h - s->y[0]));
			break;
		case PE_PATH_CURVE:
			st = HPDF_Page_CurveTo(page, (HPDF_REAL)s->x[0], (HPDF_REAL)(h - s->y[0]),
			                       (HPDF_REAL)s->x[1], (HPDF_REAL)(h - s->y[1]),
			                       (HPDF_REAL)s->x[2], (HPDF_REAL)(h - s->y[2]));
			break;
		case PE_PATH_CLOSE:
			st = HPDF_Page_ClosePath(page);
			break;
		}
		if (!check(p, st, "drawing a path"))
			return false;
	}
	return true;
}

static bool draw_rect(painter *p, HPDF_Page page, double h, const pe_op *op)
{
	const pe_color fill = op->u.rect.fill, stroke = op->u.rect.stroke;
	if (fill.a <= 0 && stroke.a <= 0)
		return true;
	if (!check(p, HPDF_Page_GSave(page), "HPDF_Page_GSave") ||
	    !set_paint(p, page, fill, stroke, op->u.rect.line_width, false))
		return false;
	double x0 = op->x, y0 = h - op->y - op->h;   /* PDF: y0 bottom */
	double r = fmin(op->u.rect.radius, fmin(op->w, op->h) / 2);
	if (r <= 0) {
		if (!check(p, HPDF_Page_Rectangle(page, (HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)op->w,
		                                  (HPDF_REAL)op->h), "HPDF_Page_Rectangle"))
			return false;
	} else {   /* the rounded outline every painter draws (shapes.h) */
		pe_pathb pb;
		pe_pb_rect_op(&pb, op, 0, 0);
		if (!trace(p, page, h, pb.segs, pb.n))
			return false;
	}
	return paint_path(p, page, fill, stroke) &&
	       check(p, HPDF_Page_GRestore(page), "HPDF_Page_GRestore");
}

static bool draw_path(painter *p, HPDF_Page page, double h, const pe_op *op)
{
	const pe_color fill = op->u.path.fill, stroke = op->u.path.stroke;
	if ((fill.a <= 0 && stroke.a <= 0) || op->u.path.n_segs == 0)
		return true;
	if (!check(p, HPDF_Page_GSave(page), "HPDF_Page_GSave") ||
	    !set_paint(p, page, fill, stroke, op->u.path.line_width, op->u.path.dashed))
		return false;
	/* Round joins and caps: the pictures (timeline arrows, scale) look
	 * drawn rather than cut. */
	if (stroke.a > 0 &&
	    (!check(p, HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN), "HPDF_Page_SetLineJoin") ||
	     !check(p, HPDF_Page_SetLineCap(page, HPDF_ROUND_END), "HPDF_Page_SetLineCap")))
		return false;
	if (!trace(p, page, h, op->u.path.segs, op->u.path.n_segs))
		return false;
	return paint_path(p, page, fill, stroke) &&
	       check(p, HPDF_Page_GRestore(page), "HPDF_Page_GRestore");
}

static bool draw_image(painter *p, HPDF_Page page, double h, const pe_op *op)
{
	HPDF_Image img;
	if (op->u.image.png_path) {
		img = get_png(p, op->u.image.png_path);
	} else {
		img = HPDF_LoadRawImageFromMem(p->doc, op->u.image.gray, (HPDF_UINT)op->u.image.px_w,
		                               (HPDF_UINT)op->u.image.px_h, HPDF_CS_DEVICE_GRAY, 8);
		if (!img || p->hpdf_error)
			fail(p, "HPDF_LoadRawImageFromMem");
	}
	if (!img)
		return false;
	return check(p, HPDF_Page_DrawImage(page, img, (HPDF_REAL)op->x, (HPDF_REAL)(h - op->y - op->h),
	                                    (HPDF_REAL)op->w, (HPDF_REAL)op->h), "HPDF_Page_DrawImage");
}

static bool add_mark(painter *p, HPDF_Page page, double h, const pe_op *op)
{
	HPDF_Outline parent = op->u.mark.level > 0 ? p->last_topic : NULL;
	const char *title = encode(p, op->u.mark.title);
	if (!title)
		return false;
	HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, title, HPDF_GetEncoder(p->doc, p->encoder));
	if (!o || p->hpdf_error)
		return fail(p, "HPDF_CreateOutline");
	HPDF_Destination d = HPDF_Page_CreateDestination(page);
	if (!d || p->hpdf_error)
		return fail(p, "HPDF_Page_CreateDestination");
	/* A little above the mark so the heading is not cut at the window edge. */
	double top = fmin(h, h - op->y + 12);
	if (!check(p, HPDF_Destination_SetFitH(d, (HPDF_REAL)top), "HPDF_Destination_SetFitH") ||
	    !check(p, HPDF_Outline_SetDestination(o, d), "HPDF_Outline_SetDestination"))
		return false;
	if (op->u.mark.level == 0) {
		p->last_topic = o;
		return check(p, HPDF_Outline_SetOpened(o, HPDF_TRUE), "HPDF_Outline_SetOpened");
	}
	return true;
}

static bool draw_page(painter *p, const pe_page *pg)
{
	HPDF_Page page = HPDF_AddPage(p->doc);
	if (!page || p->hpdf_error)
		return fail(p, "HPDF_AddPage");
	if (!check(p, HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width), "HPDF_Page_SetWidth") ||
	    !check(p, HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height), "HPDF_Page_SetHeight"))
		return false;
	const double h = pg->height;
	text_state ts = { .face = -1 };
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT && op->kind != PE_OP_LINK && op->kind != PE_OP_MARK &&
		    op->kind != PE_OP_HIT) {
			if (!end_text(p, page, &ts))
				return false;
			ts.have_color = false;   /* fills below change the colour */
		}
		bool ok = true;
		switch (op->kind) {
		case PE_OP_TEXT:
			ok = draw_text(p, page, h, op, &ts);
			break;
		case PE_OP_RECT:
			ok = draw_rect(p, page, h, op);
			break;
		case PE_OP_PATH:
			ok = draw_path(p, page, h, op);
			break;
		case PE_OP_IMAGE:
			ok = draw_image(p, page, h, op);
			break;
		case PE_OP_LINK:
			ok = add_link(p, page, h, op->x, op->y, op->x + op->w, op->y + op->h, op->u.link.uri);
			break;
		case PE_OP_MARK:
			ok = add_mark(p, page, h, op);
			break;
		case PE_OP_HIT:
			break;   /* touch regions are for the kiosk only */
		}
		if (!ok)
			return false;
	}
	return end_text(p, page, &ts);
}

/* ---- document ---------------------------------------------------------- */

static bool set_info(painter *p, const pe_dlist *dl)
{
	/* Info strings are written with the current encoder (as UTF-16 when
	 * one is set), so they follow the document's encoding. */
	if (!check(p, HPDF_SetCurrentEncoder(p->doc, p->encoder), "HPDF_SetCurrentEncoder"))
		return false;
	if (dl->title) {
		const char *t = encode(p, dl->title);
		if (!t || !check(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, t), "HPDF_SetInfoAttr(Title)"))
			return false;
	}
	if (dl->subject) {
		const char *s = encode(p, dl->subject);
		if (!s || !check(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, s), "HPDF_SetInfoAttr(Subject)"))
			return false;
	}
	if (!check(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "patient-ed " PE_VERSION),
	           "HPDF_SetInfoAttr(Creator)"))
		return false;

	struct tm tm;
	pe_pdf_made_at(&tm);
	HPDF_Date date = { .year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
	                   .hour = tm.tm_hour, .minutes = tm.tm_min, .seconds = tm.tm_sec,
	                   .ind = 'Z' };
	if (!check(p, HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, date),
	           "HPDF_SetInfoDateAttr"))
		return false;

	/* /Lang has no API in libharu 2.3.0: add it to the catalog directly, so
	 * screen readers and text extraction know the language. */
	if (dl->lang) {
		/* dl->lang is the gettext code (pt_BR); /Lang takes BCP 47 (pt-BR). */
		char tag[PE_LANG_CODE_MAX];
		if (!pe_lang_tag(dl->lang, tag, sizeof tag)) {
			p->failed = true;
			pe_error_set(p->err, p->out_name, 0, "bad language tag \"%s\"", dl->lang);
			return false;
		}
		HPDF_String s = HPDF_String_New(p->doc->mmgr, tag, NULL);
		if (!s || p->hpdf_error)
			return fail(p, "HPDF_String_New(Lang)");
		if (!check(p, HPDF_Dict_Add(p->doc->catalog, "Lang", s), "HPDF_Dict_Add(Lang)"))
			return false;
	}
	return true;
}

/* libharu's own file output ignores the errors of its last buffered write
 * and of fclose (a full disk gave exit 0 and a truncated PDF). So the
 * document is made in memory and written out through atomicfile.c, which
 * checks every write, fsync and close and renames only then. */
static bool save(painter *p, const char *out_path)
{
	if (!check(p, HPDF_SaveToStream(p->doc), "saving the PDF"))
		return false;
	HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
	unsigned char *buf = size ? malloc(size) : NULL;
	if (!buf)
		return fail(p, "saving the PDF (out of memory)");
	HPDF_UINT32 got = size;
	HPDF_STATUS st = HPDF_ReadFromStream(p->doc, buf, &got);
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) {
		free(buf);
		return fail(p, "reading the PDF back from memory");
	}
	if (p->hpdf_error == HPDF_STREAM_EOF)   /* the end of the stream is no error */
		p->hpdf_error = 0;
	p->failed = !pe_atomic_write_file(out_path, buf, size, p->err);
	free(buf);
	return !p->failed;
}

static bool write_doc(painter *p, const pe_dlist *dl)
{
	if (!check(p, HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL), "HPDF_SetCompressionMode"))
		return false;
	if (p->enc == PE_PDF_UTF8) {
		if (!check(p, HPDF_UseUTFEncodings(p->doc), "HPDF_UseUTFEncodings") ||
		    !check(p, HPDF_SetCurrentEncoder(p->doc, "UTF-8"), "HPDF_SetCurrentEncoder"))
			return false;
		if (!check_glyphs(p, dl))
			return false;
	}
	for (size_t i = 0; i < dl->n_pages; i++)
		if (!draw_page(p, &dl->pages[i]))
			return false;
	if (!set_info(p, dl))
		return false;
	return true;
}

static bool pdf_write(const pe_dlist *dl, const char *const font_paths[PE_FACE_COUNT],
                      const char *out_path, pe_error *err)
{
	/* Any failure leaves out_path as it was: an older handout of the same
	 * name stays, and so does another run's output (atomicfile.h). */
	if (!dl || dl->n_pages == 0) {
		pe_error_set(err, out_path, 0, "nothing to write: the document has no pages");
		return false;
	}
	painter p = { .out_name = out_path, .err = err, .to_cp1252 = (iconv_t)-1 };
	for (int f = 0; f < PE_FACE_COUNT; f++)
		p.font_paths[f] = font_paths[f];
	bool ok = false;
	if (!pe_pdf_choose_encoding(dl, &p.enc, err))
		goto out;
	p.encoder = p.enc == PE_PDF_WINANSI ? "WinAnsiEncoding" : "UTF-8";
	if (p.enc == PE_PDF_WINANSI && (p.to_cp1252 = iconv_open("CP1252", "UTF-8")) == (iconv_t)-1) {
		pe_error_set(err, NULL, 0, "pdf: iconv cannot convert UTF-8 to CP1252");
		goto out;
	}
	p.doc = HPDF_New(on_hpdf_error, &p);
	if (!p.doc) {
		pe_error_set(err, out_path, 0, "cannot create a PDF document (out of memory)");
		goto out;
	}
	ok = write_doc(&p, dl) && save(&p, out_path);
	HPDF_Free(p.doc);
out:
	if (p.to_cp1252 != (iconv_t)-1)
		iconv_close(p.to_cp1252);
	for (size_t i = 0; i < p.n_png; i++)
		free(p.png_paths[i]);
	free(p.png_paths);
	free(p.png_images);
	free(p.buf);
	return ok;
}

bool pe_pdf_write_files(const pe_dlist *dl, const char *const font_paths[PE_FACE_COUNT],
                        const char *out_path, pe_error *err)
{
	return pdf_write(dl, font_paths, out_path, err);
}

bool pe_pdf_write(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                  pe_error *err)
{
	const char *paths[PE_FACE_COUNT];
	for (int f = 0; f < PE_FACE_COUNT; f++)
		paths[f] = pe_fonts_path(fonts, (pe_face)f);
	return pdf_write(dl, paths, out_path, err);
}

void pe_pdf_made_at(struct tm *tm)
{
	time_t now = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde)
		now = (time_t)strtoll(sde, NULL, 10);
	gmtime_r(&now, tm);
}
