/* SPDX-License-Identifier: MIT */
/*
 * cairo_paint.c - the Cairo painter (see cairo_paint.h).
 *
 * Text is drawn with Pango (PangoCairo over the bundled fonts, in their
 * own fontconfig configuration), so every script comes out shaped:
 * Arabic joined and right to left inside its run (auto direction),
 * Vietnamese marks placed, Chinese through the CJK face Pango falls back
 * to. Each text op is shaped at layout.c's one reference size with the
 * same features (kerning and ligatures off) and scaled to the op's size,
 * so a run has exactly the advances layout measured and a line ends where
 * layout said. Hinting would move advances by fractions of a pixel per
 * glyph and make long lines drift: it is off.
 *
 * Shaping a run costs far more than drawing it, and the kiosk paints the
 * same runs 60 times a second while scrolling: shaped runs are kept in a
 * direct-mapped cache of LAYOUT_SLOTS layouts, keyed by text and face.
 *
 * Glyphs Pango could not find in any bundled font (it would draw a hex
 * box) are counted: pe_painter_missing_glyphs. Tests and the kiosk check
 * it is 0.
 *
 * This file must never lay out or measure text (beyond shaping one run
 * that layout already placed), and never touch a file other than the
 * fonts and the PNGs image ops name.
 */
#include "cairo_paint.h"

#include "atomicfile.h"
#include "shapes.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/* A loaded PNG, or a file that failed (surface NULL) so we do not retry
 * it 60 times a second. */
typedef struct png_entry {
	char *path;                 /* owned */
	cairo_surface_t *surface;   /* owned, or NULL: failed */
} png_entry;

/* Shaping size, as layout.c's REF_PX: Pango units of glyph positions are
 * then whole and the same as layout's. */
#define REF_PX 250.0
/* Shaped runs kept: the runs of a screenful (the painter culls to the
 * visible band) with room to spare, and few enough that the cache, full,
 * holds about half a megabyte (the kiosk soak asks for flat memory). */
#define LAYOUT_SLOTS 256

typedef struct shaped {
	char *utf8;                 /* owned key, NULL: empty slot */
	pe_face face;
	bool rtl;
	PangoLayout *lay;           /* owned */
	double baseline;            /* from the layout's top, reference units */
	int missing;                /* glyphs no font had */
	unsigned first_missing;     /* the first one's character */
} shaped;

struct pe_painter {
	FcConfig *own_config;       /* made by create_from_files, or NULL */
	PangoFontMap *fontmap;
	PangoContext *ctx;
	PangoContext *ctx_rtl;      /* base direction right to left (pe_op.u.text.rtl) */
	PangoFontDescription *desc[PE_FACE_COUNT];
	PangoAttrList *attrs;
	cairo_font_options_t *font_options;
	shaped *cache;              /* LAYOUT_SLOTS */
	unsigned long missing;      /* glyphs not found, see header */
	unsigned first_missing;     /* the first one's character */
	char first_missing_text[80];   /* and the start of its run */
	png_entry *pngs;            /* owned array */
	size_t n_pngs, cap_pngs;
};

static void no_hinting(FcPattern *pattern, gpointer data)
{
	(void)data;
	FcPatternDel(pattern, FC_HINTING);
	FcPatternAddBool(pattern, FC_HINTING, FcFalse);
	FcPatternDel(pattern, FC_HINT_STYLE);
	FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE);
}

static void set_color(cairo_t *cr, pe_color c)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static pe_painter *painter_new(FcConfig *config, const char *family, pe_error *err)
{
	pe_painter *painter = calloc(1, sizeof *painter);
	if (!painter || !(painter->cache = calloc(LAYOUT_SLOTS, sizeof *painter->cache))) {
		free(painter);
		pe_error_set(err, NULL, 0, "painter: out of memory");
		return NULL;
	}
	painter->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!painter->fontmap || !PANGO_IS_FC_FONT_MAP(painter->fontmap)) {
		pe_error_set(err, NULL, 0, "painter: Pango has no FreeType/fontconfig font map");
		pe_painter_destroy(painter);
		return NULL;
	}
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(painter->fontmap), 72.0);
	pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(painter->fontmap), no_hinting,
	                                         NULL, NULL);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(painter->fontmap), config);
	painter->ctx = pango_font_map_create_context(painter->fontmap);
	pango_context_set_round_glyph_positions(painter->ctx, FALSE);

	painter->font_options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(painter->font_options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(painter->font_options, CAIRO_HINT_STYLE_NONE);
	/* Grey antialiasing: a kiosk panel may be rotated, so sub-pixel order
	 * is unknown. */
	cairo_font_options_set_antialias(painter->font_options, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(painter->ctx, painter->font_options);
	painter->ctx_rtl = pango_font_map_create_context(painter->fontmap);
	pango_context_set_round_glyph_positions(painter->ctx_rtl, FALSE);
	pango_cairo_context_set_font_options(painter->ctx_rtl, painter->font_options);
	pango_context_set_base_dir(painter->ctx_rtl, PANGO_DIRECTION_RTL);

	painter->attrs = pango_attr_list_new();
	pango_attr_list_insert(painter->attrs,
	                       pango_attr_font_features_new("kern 0, liga 0, clig 0"));
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		PangoFontDescription *d = pe_fonts_face_desc(family, (pe_face)f);
		pango_font_description_set_absolute_size(d, REF_PX * PANGO_SCALE);
		painter->desc[f] = d;
	}
	return painter;
}

pe_painter *pe_painter_create_from_files(const char *const files[PE_FACE_COUNT],
                                         pe_error *err)
{
	FcConfig *config = FcConfigCreate();
	FcChar8 *family = NULL;
	if (!config) {
		pe_error_set(err, NULL, 0, "painter: cannot create a fontconfig configuration");
		return NULL;
	}
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
		int before = set ? set->nfont : 0;
		set = NULL;
		if (!files[f] || access(files[f], R_OK) != 0 ||
		    !FcConfigAppFontAddFile(config, (const FcChar8 *)files[f]) ||
		    !(set = FcConfigGetFonts(config, FcSetApplication)) || set->nfont <= before) {
			pe_error_set(err, files[f], 0, "cannot open the font file");
			FcConfigDestroy(config);
			return NULL;
		}
		if (f == PE_FACE_REGULAR)
			FcPatternGetString(set->fonts[0], FC_FAMILY, 0, &family);
	}
	pe_painter *painter = painter_new(config, family ? (const char *)family : "Noto Sans", err);
	if (!painter) {
		FcConfigDestroy(config);
		return NULL;
	}
	painter->own_config = config;
	return painter;
}

pe_painter *pe_painter_create(const pe_fonts *fonts, pe_error *err)
{
	return painter_new(pe_fonts_config(fonts), pe_fonts_family(fonts), err);
}

static void shaped_clear(shaped *e)
{
	free(e->utf8);
	if (e->lay)
		g_object_unref(e->lay);
	memset(e, 0, sizeof *e);
}

void pe_painter_destroy(pe_painter *painter)
{
	if (!painter)
		return;
	for (int i = 0; painter->cache && i < LAYOUT_SLOTS; i++)
		shaped_clear(&painter->cache[i]);
	free(painter->cache);
	for (int f = 0; f < PE_FACE_COUNT; f++)
		if (painter->desc[f])
			pango_font_description_free(painter->desc[f]);
	if (painter->attrs)
		pango_attr_list_unref(painter->attrs);
	if (painter->ctx)
		g_object_unref(painter->ctx);
	if (painter->ctx_rtl)
		g_object_unref(painter->ctx_rtl);
	pe_fonts_fontmap_unref(painter->fontmap);
	if (painter->own_config)
		FcConfigDestroy(painter->own_config);
	if (painter->font_options)
		cairo_font_options_destroy(painter->font_options);
	for (size_t i = 0; i < painter->n_pngs; i++) {
		free(painter->pngs[i].path);
		if (painter->pngs[i].surface)
			cairo_surface_destroy(painter->pngs[i].surface);
	}
	free(painter->pngs);
	free(painter);
}

unsigned long pe_painter_missing_glyphs(const pe_painter *painter)
{
	return painter->missing;
}

void pe_painter_reset_missing_glyphs(pe_painter *painter)
{
	painter->missing = 0;
	painter->first_missing = 0;
	painter->first_missing_text[0] = 0;
}

unsigned pe_painter_first_missing(const pe_painter *painter)
{
	return painter->first_missing;
}

const char *pe_painter_first_missing_text(const pe_painter *painter)
{
	return painter->first_missing_text;
}

static int count_missing(PangoLayout *lay, unsigned *first)
{
	int n = 0;
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		for (int g = 0; g < run->glyphs->num_glyphs; g++)
			if (run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
				/* An unknown glyph is the flag | the character. */
				if (n++ == 0)
					*first = run->glyphs->glyphs[g].glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
			}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	return n;
}

/* FNV-1a of the text and the face: the cache slot. */
static size_t slot_of(const char *utf8, pe_face face, bool rtl)
{
	uint32_t h = 2166136261u ^ ((uint32_t)face << 1 | rtl);
	for (const unsigned char *p = (const unsigned char *)utf8; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % LAYOUT_SLOTS;
}

/* The run shaped at the reference size (cached), or NULL out of memory. */
static shaped *shape(pe_painter *painter, const char *utf8, pe_face face, bool rtl)
{
	shaped *e = &painter->cache[slot_of(utf8, face, rtl)];
	if (e->utf8 && e->face == face && e->rtl == rtl && strcmp(e->utf8, utf8) == 0)
		return e;
	shaped_clear(e);
	if (!(e->utf8 = strdup(utf8)))
		return NULL;
	e->face = face;
	e->rtl = rtl;
	e->lay = pango_layout_new(rtl ? painter->ctx_rtl : painter->ctx);
	/* The run's direction from its own letters: an Arabic run is laid
	 * out right to left inside the box layout gave it. Letterless runs
	 * (". " between two Arabic sentences) take the direction layout
	 * found for them (the context's base direction). */
	pango_layout_set_auto_dir(e->lay, TRUE);
	pango_layout_set_font_description(e->lay, painter->desc[face]);
	pango_layout_set_attributes(e->lay, painter->attrs);
	pango_layout_set_text(e->lay, utf8, -1);
	e->baseline = pango_layout_get_baseline(e->lay) / (double)PANGO_SCALE;
	e->missing = count_missing(e->lay, &e->first_missing);
	return e;
}

/* False only when out of memory (the run is then not drawn). */
static bool paint_text(pe_painter *painter, cairo_t *cr, const pe_op *op, double dx, double dy)
{
	pe_face face = op->u.text.face;
	if (face < 0 || face >= PE_FACE_COUNT)
		face = PE_FACE_REGULAR;
	if (!op->u.text.utf8 || !op->u.text.utf8[0] || op->u.text.size <= 0)
		return true;
	shaped *e = shape(painter, op->u.text.utf8, face, op->u.text.rtl);
	if (!e)
		return false;
	if (e->missing && !painter->missing) {
		painter->first_missing = e->first_missing;
		snprintf(painter->first_missing_text, sizeof painter->first_missing_text, "%s",
		         op->u.text.utf8);
	}
	painter->missing += (unsigned long)e->missing;
	double k = op->u.text.size / REF_PX;
	set_color(cr, op->u.text.color);
	cairo_save(cr);
	cairo_translate(cr, op->x + dx, op->y + dy);
	cairo_scale(cr, k, k);
	cairo_move_to(cr, 0, -e->baseline);
	pango_cairo_show_layout(cr, e->lay);
	cairo_restore(cr);
	cairo_new_path(cr);
	return true;
}

static void fill_and_stroke(cairo_t *cr, pe_color fill, pe_color stroke,
                            double line_width, bool dashed)
{
	if (fill.a > 0) {
		set_color(cr, fill);
		if (stroke.a > 0)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (stroke.a > 0) {
		set_color(cr, stroke);
		cairo_set_line_width(cr, line_width > 0 ? line_width : 1);
		if (dashed) {
			double dash = 3 * (line_width > 0 ? line_width : 1);
			cairo_set_dash(cr, &dash, 1, 0);
		}
		cairo_stroke(cr);
		if (dashed)
			cairo_set_dash(cr, NULL, 0, 0);
	}
	cairo_new_path(cr);
}

void pe_cairo_trace(cairo_t *cr, const pe_path_seg *segs, size_t n, double dx, double dy)
{
	for (size_t i = 0; i < n; i++) {
		const pe_path_seg *s = &segs[i];
		switch (s->verb) {
		case PE_PATH_MOVE:
			cairo_move_to(cr, s->x[0] + dx, s->y[0] + dy);
			break;
		case PE_PATH_LINE:
			cairo_line_to(cr, s->x[0] + dx, s->y[0] + dy);
			break;
		case PE_PATH_CURVE:
			cairo_curve_to(cr, s->x[0] + dx, s->y[0] + dy, s->x[1] + dx, s->y[1] + dy,
			               s->x[2] + dx, s->y[2] + dy);
			break;
		case PE_PATH_CLOSE:
			cairo_close_path(cr);
			break;
		}
	}
}

static void paint_path(cairo_t *cr, const pe_op *op, double dx, double dy)
{
	pe_cairo_trace(cr, op->u.path.segs, op->u.path.n_segs, dx, dy);
	fill_and_stroke(cr, op->u.path.fill, op->u.path.stroke, op->u.path.line_width,
	                op->u.path.dashed);
}

/* Square corners as a rectangle; rounded ones from shapes.h, the outline
 * every painter draws. */
static void rect_outline(cairo_t *cr, const pe_op *op, double dx, double dy)
{
	if (op->u.rect.radius <= 0) {
		cairo_rectangle(cr, op->x + dx, op->y + dy, op->w, op->h);
		return;
	}
	pe_pathb pb;
	pe_pb_rect_op(&pb, op, dx, dy);
	pe_cairo_trace(cr, pb.segs, pb.n, 0, 0);
}

static cairo_surface_t *png_lookup(pe_painter *painter, const char *path, pe_error *err,
                                   bool *reported)
{
	for (size_t i = 0; i < painter->n_pngs; i++)
		if (strcmp(painter->pngs[i].path, path) == 0)
			return painter->pngs[i].surface;
	if (painter->n_pngs == painter->cap_pngs) {
		size_t cap = painter->cap_pngs ? painter->cap_pngs * 2 : 8;
		png_entry *pngs = realloc(painter->pngs, cap * sizeof *pngs);
		if (!pngs)
			return NULL;
		painter->pngs = pngs;
		painter->cap_pngs = cap;
	}
	char *copy = strdup(path);
	if (!copy)
		return NULL;
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		if (!*reported) {
			pe_error_set(err, path, 0, "cannot read the PNG image: %s",
			             cairo_status_to_string(cairo_surface_status(s)));
			*reported = true;
		}
		cairo_surface_destroy(s);
		s = NULL;
	}
	painter->pngs[painter->n_pngs].path = copy;
	painter->pngs[painter->n_pngs].surface = s;
	painter->n_pngs++;
	return s;
}

static void paint_surface_in_box(cairo_t *cr, cairo_surface_t *s, int sw, int sh,
                                 double x, double y, double w, double h, cairo_filter_t filter)
{
	if (sw <= 0 || sh <= 0 || w <= 0 || h <= 0)
		return;
	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_clip(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / sw, h / sh);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), filter);
	cairo_paint(cr);
	cairo_restore(cr);
}

static bool paint_image(pe_painter *painter, cairo_t *cr, const pe_op *op, double dx,
                        double dy, pe_error *err, bool *reported)
{
	double x = op->x + dx, y = op->y + dy;
	if (op->u.image.png_path) {
		/* A file that failed was recorded at its first use; later frames
		 * stay quiet. */
		bool was_known = false;
		for (size_t i = 0; i < painter->n_pngs; i++)
			if (strcmp(painter->pngs[i].path, op->u.image.png_path) == 0)
				was_known = true;
		cairo_surface_t *s = png_lookup(painter, op->u.image.png_path, err, reported);
		if (!s)
			return was_known;
		paint_surface_in_box(cr, s, cairo_image_surface_get_width(s),
		                     cairo_image_surface_get_height(s), x, y, op->w, op->h,
		                     CAIRO_FILTER_GOOD);
		return true;
	}
	int pw = op->u.image.px_w, ph = op->u.image.px_h;
	if (!op->u.image.gray || pw <= 0 || ph <= 0)
		return true;
	/* Gray pixels (QR codes): grey level into RGB24, scaled with NEAREST so
	 * modules stay sharp. Small; made per paint rather than cached. */
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return true;
	}
	cairo_surface_flush(s);
	unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	for (int row = 0; row < ph; row++) {
		uint32_t *px = (uint32_t *)(void *)(data + (size_t)row * (size_t)stride);
		for (int col = 0; col < pw; col++) {
			uint32_t g = op->u.image.gray[(size_t)row * (size_t)pw + (size_t)col];
			px[col] = 0xff000000u | (g << 16) | (g << 8) | g;
		}
	}
	cairo_surface_mark_dirty(s);
	paint_surface_in_box(cr, s, pw, ph, x, y, op->w, op->h, CAIRO_FILTER_NEAREST);
	cairo_surface_destroy(s);
	return true;
}

bool pe_painter_paint(pe_painter *painter, cairo_t *cr, const pe_page *pg,
                      double dx, double dy, double y_from, double y_to,
                      unsigned flags, pe_error *err)
{
	bool ok = true, reported = false;
	cairo_save(cr);
	/* Shape for this surface's transformation (cached runs are reshaped
	 * only when it changes, e.g. another preview scale). */
	pango_cairo_update_context(cr, painter->ctx);
	pango_cairo_update_context(cr, painter->ctx_rtl);
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (y1 < y_from || y0 >= y_to)
			continue;
		switch (op->kind) {
		case PE_OP_TEXT:
			if (!paint_text(painter, cr, op, dx, dy) && !reported) {
				pe_error_set(err, NULL, 0, "painter: out of memory shaping \"%.40s\"",
				             op->u.text.utf8);
				reported = true;
			}
			break;
		case PE_OP_RECT:
			rect_outline(cr, op, dx, dy);
			fill_and_stroke(cr, op->u.rect.fill, op->u.rect.stroke, op->u.rect.line_width,
			                false);
			break;
		case PE_OP_PATH:
			paint_path(cr, op, dx, dy);
			break;
		case PE_OP_IMAGE:
			if (!paint_image(painter, cr, op, dx, dy, err, &reported))
				ok = false;
			break;
		case PE_OP_HIT:
			if (flags & PE_PAINT_DEBUG_HITS) {
				cairo_rectangle(cr, op->x + dx + 1, op->y + dy + 1, op->w - 2, op->h - 2);
				fill_and_stroke(cr, PE_NO_COLOR, pe_rgb(1, 0, 1), 2, true);
			}
			break;
		case PE_OP_LINK:
		case PE_OP_MARK:
			break;
		}
	}
	cairo_restore(cr);
	return ok && !reported;
}

bool pe_painter_paint_page(pe_painter *painter, cairo_t *cr, const pe_page *pg,
                           pe_error *err)
{
	return pe_painter_paint(painter, cr, pg, 0, 0, -INFINITY, INFINITY, 0, err);
}

bool pe_painter_write_png(pe_painter *painter, const pe_page *pg, double scale,
                          const char *path, pe_error *err)
{
	int w = (int)ceil(pg->width * scale), h = (int)ceil(pg->height * scale);
	if (w <= 0 || h <= 0 || w > 20000 || h > 20000) {
		pe_error_set(err, path, 0, "page size %gx%g cannot be an image", pg->width,
		             pg->height);
		return false;
	}
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	bool ok = pe_painter_paint_page(painter, cr, pg, err);
	cairo_destroy(cr);
	cairo_surface_flush(s);

	bool written = pe_surface_write_png(s, path, err);
	cairo_surface_destroy(s);
	return written && ok;
}

static cairo_status_t to_atomic(void *closure, const unsigned char *data, unsigned int n)
{
	return pe_atomic_write(closure, data, n) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

bool pe_surface_write_png(cairo_surface_t *surface, const char *path, pe_error *err)
{
	pe_atomic *a = pe_atomic_begin(path, err);
	if (!a)
		return false;
	cairo_status_t st = cairo_surface_write_to_png_stream(surface, to_atomic, a);
	if (st != CAIRO_STATUS_SUCCESS && st != CAIRO_STATUS_WRITE_ERROR) {
		pe_atomic_abort(a);
		pe_error_set(err, path, 0, "cannot write the PNG: %s", cairo_status_to_string(st));
		return false;
	}
	return pe_atomic_commit(a, err);   /* reports a write error with its cause */
}
