/* SPDX-License-Identifier: MIT */
/*
 * cairo_paint.c - the Cairo painter (see cairo_paint.h).
 *
 * Text is drawn with cairo_show_text on FreeType faces of the bundled
 * fonts. That maps characters to glyphs one to one with the font's plain
 * advances; layout turned kerning and ligatures off (and the bundled fonts
 * carry no such tables), so this is the same glyph run Pango measured and
 * a line ends exactly where layout said. Hinting would move advances by
 * fractions of a pixel per glyph and make long lines drift: it is off.
 *
 * This file must never lay out or measure text, and never touch a file
 * other than the fonts and the PNGs image ops name.
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

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

/* A loaded PNG, or a file that failed (surface NULL) so we do not retry
 * it 60 times a second. */
typedef struct png_entry {
	char *path;                 /* owned */
	cairo_surface_t *surface;   /* owned, or NULL: failed */
} png_entry;

/* FreeType faces must outlive the Cairo faces made from them, and Cairo
 * may keep a face alive in its font cache after we drop our reference; so
 * each face carries a destroy hook, and the FT_Library is freed when the
 * last face is gone. */
typedef struct ft_shared {
	FT_Library lib;
	int refs;
} ft_shared;

typedef struct ft_hold {
	ft_shared *shared;
	FT_Face face;
} ft_hold;

struct pe_painter {
	cairo_font_face_t *faces[PE_FACE_COUNT];
	cairo_font_options_t *font_options;
	png_entry *pngs;            /* owned array */
	size_t n_pngs, cap_pngs;
};

static const cairo_user_data_key_t ft_key;

static void ft_shared_unref(ft_shared *shared)
{
	if (--shared->refs == 0) {
		FT_Done_FreeType(shared->lib);
		free(shared);
	}
}

static void ft_hold_destroy(void *data)
{
	ft_hold *hold = data;
	FT_Done_Face(hold->face);
	ft_shared_unref(hold->shared);
	free(hold);
}

static cairo_font_face_t *face_from_file(ft_shared *shared, const char *file, pe_error *err)
{
	ft_hold *hold = calloc(1, sizeof *hold);
	if (!hold) {
		pe_error_set(err, file, 0, "out of memory");
		return NULL;
	}
	if (FT_New_Face(shared->lib, file, 0, &hold->face) != 0) {
		pe_error_set(err, file, 0, "cannot open the font file");
		free(hold);
		return NULL;
	}
	cairo_font_face_t *face = cairo_ft_font_face_create_for_ft_face(hold->face, 0);
	hold->shared = shared;
	shared->refs++;
	if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS ||
	    cairo_font_face_set_user_data(face, &ft_key, hold, ft_hold_destroy) !=
	            CAIRO_STATUS_SUCCESS) {
		pe_error_set(err, file, 0, "cairo cannot use the font");
		cairo_font_face_destroy(face);
		ft_hold_destroy(hold);
		return NULL;
	}
	return face;
}

pe_painter *pe_painter_create_from_files(const char *const files[PE_FACE_COUNT],
                                         pe_error *err)
{
	pe_painter *painter = calloc(1, sizeof *painter);
	ft_shared *shared = calloc(1, sizeof *shared);
	if (!painter || !shared) {
		pe_error_set(err, NULL, 0, "painter: out of memory");
		goto fail_alloc;
	}
	if (FT_Init_FreeType(&shared->lib) != 0) {
		pe_error_set(err, NULL, 0, "painter: cannot start FreeType");
		goto fail_alloc;
	}
	shared->refs = 1;   /* ours, dropped at the end of this function */
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		painter->faces[f] = face_from_file(shared, files[f], err);
		if (!painter->faces[f])
			goto fail_faces;
	}
	painter->font_options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(painter->font_options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(painter->font_options, CAIRO_HINT_STYLE_NONE);
	/* Grey antialiasing: a kiosk panel may be rotated, so sub-pixel order
	 * is unknown. */
	cairo_font_options_set_antialias(painter->font_options, CAIRO_ANTIALIAS_GRAY);
	ft_shared_unref(shared);
	return painter;

fail_faces:
	for (int f = 0; f < PE_FACE_COUNT; f++)
		if (painter->faces[f])
			cairo_font_face_destroy(painter->faces[f]);
	ft_shared_unref(shared);
	free(painter);
	return NULL;
fail_alloc:
	free(shared);
	free(painter);
	return NULL;
}

pe_painter *pe_painter_create(const pe_fonts *fonts, pe_error *err)
{
	const char *files[PE_FACE_COUNT];
	for (int f = 0; f < PE_FACE_COUNT; f++)
		files[f] = pe_fonts_path(fonts, (pe_face)f);
	return pe_painter_create_from_files(files, err);
}

void pe_painter_destroy(pe_painter *painter)
{
	if (!painter)
		return;
	for (int f = 0; f < PE_FACE_COUNT; f++)
		cairo_font_face_destroy(painter->faces[f]);
	cairo_font_options_destroy(painter->font_options);
	for (size_t i = 0; i < painter->n_pngs; i++) {
		free(painter->pngs[i].path);
		if (painter->pngs[i].surface)
			cairo_surface_destroy(painter->pngs[i].surface);
	}
	free(painter->pngs);
	free(painter);
}

static void set_color(cairo_t *cr, pe_color c)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
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

static void paint_text(pe_painter *painter, cairo_t *cr, const pe_op *op, double dx, double dy)
{
	pe_face face = op->u.text.face;
	if (face < 0 || face >= PE_FACE_COUNT)
		face = PE_FACE_REGULAR;
	cairo_set_font_face(cr, painter->faces[face]);
	cairo_set_font_size(cr, op->u.text.size);
	set_color(cr, op->u.text.color);
	cairo_move_to(cr, op->x + dx, op->y + dy);
	cairo_show_text(cr, op->u.text.utf8);
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
	cairo_set_font_options(cr, painter->font_options);
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (y1 < y_from || y0 >= y_to)
			continue;
		switch (op->kind) {
		case PE_OP_TEXT:
			paint_text(painter, cr, op, dx, dy);
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
