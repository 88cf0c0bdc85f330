/* SPDX-License-Identifier: MIT */
/*
 * dlist.h - the display list: the seam between layout and painting.
 *
 * Layout decides every position once and writes it here; the painters
 * (pdf.c with libharu, cairo_paint.c with Cairo) walk the list and draw,
 * doing no layout, no measuring and no I/O of their own (an image op may
 * name a PNG file the painter loads; that is the one exception).
 *
 * Units are points (1/72 inch) for paper and pixels for screens; the
 * origin is the top-left corner of the page, y grows downwards, and a text
 * op's y is its baseline. The PDF painter flips y itself.
 *
 * Ownership: a pe_dlist owns its pages, a page owns its ops, an op owns its
 * strings, path points and pixels. pe_dlist_destroy() frees all of it.
 */
#ifndef PE_DLIST_H
#define PE_DLIST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pe_color {
	double r, g, b, a;   /* 0..1 each; a == 0 means "none" */
} pe_color;

/* The bundled font faces (fonts/). Layout picks one per run. */
typedef enum pe_face {
	PE_FACE_REGULAR,
	PE_FACE_BOLD,
	PE_FACE_ITALIC,
	PE_FACE_BOLD_ITALIC,
	PE_FACE_COUNT
} pe_face;

typedef enum pe_op_kind {
	PE_OP_TEXT,     /* one run of text on one line, single face/size/colour */
	PE_OP_RECT,     /* filled and/or stroked rectangle, optional round corners */
	PE_OP_PATH,     /* filled and/or stroked path of lines and curves */
	PE_OP_IMAGE,    /* a PNG file, or gray pixels (QR code) */
	PE_OP_LINK,     /* clickable area with a URI (tel:, https:) */
	PE_OP_HIT,      /* touch hit-region for the kiosk (never painted) */
	PE_OP_MARK,     /* outline / section-jump bookmark at a y position */
} pe_op_kind;

typedef enum pe_path_verb {
	PE_PATH_MOVE,   /* 1 point */
	PE_PATH_LINE,   /* 1 point */
	PE_PATH_CURVE,  /* 3 points: control, control, end (cubic Bezier) */
	PE_PATH_CLOSE,  /* 0 points */
} pe_path_verb;

typedef struct pe_path_seg {
	pe_path_verb verb;
	double x[3], y[3];
} pe_path_seg;

typedef struct pe_op {
	pe_op_kind kind;
	double x, y, w, h;   /* bounding box; for TEXT: x = left, y = baseline,
	                        w = advance width, h = font size */
	union {
		struct {
			char *utf8;        /* owned */
			pe_face face;
			double size;       /* font size */
			double ascent;     /* above baseline, for bounds checks */
			double descent;    /* below baseline (positive) */
			pe_color color;
			char *link;        /* owned URI or NULL (tel:18002272345) */
			bool rtl;          /* laid out right to left (Pango's bidi level):
			                      a run of neutrals only, ". " between two
			                      Arabic sentences, is drawn right to left */
		} text;
		struct {
			pe_color fill;     /* a == 0: not filled */
			pe_color stroke;   /* a == 0: not stroked */
			double line_width;
			double radius;     /* corner radius, 0 = square */
		} rect;
		struct {
			pe_path_seg *segs; /* owned */
			size_t n_segs;
			pe_color fill;
			pe_color stroke;
			double line_width;
			bool dashed;
		} path;
		struct {
			char *png_path;    /* owned; either this ... */
			unsigned char *gray; /* owned; ... or gray8 pixels, 0 = black */
			int px_w, px_h;    /* pixel size of gray */
		} image;
		struct {
			char *uri;         /* owned */
		} link;
		struct {
			int action;        /* kiosk-defined action code */
			int arg;           /* e.g. topic index, section index */
		} hit;
		struct {
			char *title;       /* owned, plain UTF-8 */
			int level;         /* 0 = document/topic, 1 = section */
		} mark;
	} u;
} pe_op;

typedef struct pe_page {
	double width, height;
	pe_op *ops;          /* owned array, painted in order */
	size_t n_ops, cap_ops;
	/* Sticky: an op could not be added (out of memory) or copied, so the
	 * page lacks something layout meant to put on it. Set by every adder
	 * that returns false and by pe_page_fail(); carried over by
	 * pe_page_copy_ops(); never cleared. Callers that ignore an adder's
	 * result check this once at the end (a handout is then not written). */
	bool failed;
} pe_page;

typedef struct pe_dlist {
	pe_page *pages;      /* owned array */
	size_t n_pages, cap_pages;
	/* Document metadata for painters that use it (PDF info, /Lang). */
	char *title;         /* owned or NULL */
	char *subject;       /* owned or NULL */
	char *lang;          /* owned or NULL: the gettext code ("en", "pt_BR");
	                        the PDF painter writes its BCP 47 tag */
} pe_dlist;

pe_dlist *pe_dlist_create(void);
void pe_dlist_destroy(pe_dlist *dl);   /* accepts NULL */
/* Drop every page from index n on (none when n >= n_pages). */
void pe_dlist_truncate(pe_dlist *dl, size_t n);

/* Set a metadata string (copied). Returns false when out of memory. */
bool pe_dlist_set_meta(pe_dlist *dl, const char *title, const char *subject,
                       const char *lang);

/* Append a page; returns it (owned by dl) or NULL when out of memory. The
 * pointer stays valid only until the next pe_dlist_add_page(). */
pe_page *pe_dlist_add_page(pe_dlist *dl, double width, double height);

/* Append ops. Strings and arrays are copied. Return false when out of
 * memory (the page is left as it was). */
bool pe_page_add_text(pe_page *pg, double x, double baseline, double advance,
                      const char *utf8, pe_face face, double size,
                      double ascent, double descent, pe_color color,
                      const char *link);
/* Mirror the page left to right, for a right-to-left language: every
 * op's box moves to x' = width - x - w and path points to width - x; a
 * text op keeps its string (its runs were laid out right to left by
 * layout), an image its pixels. Applying it twice changes nothing. */
void pe_page_mirror(pe_page *pg);
/* The same within the strip x0..x1 of the page: x' = x0 + x1 - x - w.
 * A bilingual handout's right-to-left column is mirrored in its own
 * column, the other left as it is. */
void pe_page_mirror_span(pe_page *pg, double x0, double x1);

bool pe_page_add_rect(pe_page *pg, double x, double y, double w, double h,
                      pe_color fill, pe_color stroke, double line_width,
                      double radius);
/* Path: segs copied; bounding box computed from the points. */
bool pe_page_add_path(pe_page *pg, const pe_path_seg *segs, size_t n_segs,
                      pe_color fill, pe_color stroke, double line_width,
                      bool dashed);
bool pe_page_add_png(pe_page *pg, double x, double y, double w, double h,
                     const char *png_path);
bool pe_page_add_gray(pe_page *pg, double x, double y, double w, double h,
                      const unsigned char *gray, int px_w, int px_h);
bool pe_page_add_link(pe_page *pg, double x, double y, double w, double h,
                      const char *uri);
bool pe_page_add_hit(pe_page *pg, double x, double y, double w, double h,
                     int action, int arg);
bool pe_page_add_mark(pe_page *pg, double y, const char *title, int level);

/* Mark the page failed (see pe_page.failed): layout lost something it
 * meant to put on it. Accepts NULL (measuring only). */
void pe_page_fail(pe_page *pg);

/* Copy the ops of src whose top edge (text: baseline - ascent) lies in
 * [y_from, y_to) onto dst, moved by (dx, dy). Used by pagination to place a
 * block laid out on a scratch page, or part of it. Returns false when out
 * of memory. */
bool pe_page_copy_ops(pe_page *dst, const pe_page *src, double y_from, double y_to,
                      double dx, double dy);

/* The topmost hit region containing (x, y), or NULL. */
const pe_op *pe_page_hit_test(const pe_page *pg, double x, double y);

/* For tests and checks: the ink bounds of one op (text uses
 * ascent/descent). */
void pe_op_bounds(const pe_op *op, double *x0, double *y0, double *x1, double *y1);
/* Move an op dy points down (up when negative), every point of a path. */
void pe_op_move(pe_op *op, double dy);

/* Colour constructors: pe_hex(0x1a2b3c) is opaque #1a2b3c. */
pe_color pe_rgb(double r, double g, double b);
pe_color pe_hex(unsigned rgb);

#define PE_NO_COLOR ((pe_color){ 0, 0, 0, 0 })

#endif
