/* SPDX-License-Identifier: MIT */
/*
 * dlist.c - display list storage (see dlist.h).
 *
 * Only storage and geometry queries live here; nothing in this file lays
 * out or paints.
 */
#include "dlist.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

pe_color pe_rgb(double r, double g, double b)
{
	pe_color c = { r, g, b, 1.0 };
	return c;
}

pe_color pe_hex(unsigned rgb)
{
	pe_color c = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
	               (rgb & 0xff) / 255.0, 1.0 };
	return c;
}

pe_dlist *pe_dlist_create(void)
{
	return pe_calloc(1, sizeof(pe_dlist));
}

static void op_finish(pe_op *op)
{
	switch (op->kind) {
	case PE_OP_TEXT:
		free(op->u.text.utf8);
		free(op->u.text.link);
		break;
	case PE_OP_PATH:
		free(op->u.path.segs);
		break;
	case PE_OP_IMAGE:
		free(op->u.image.png_path);
		free(op->u.image.gray);
		break;
	case PE_OP_LINK:
		free(op->u.link.uri);
		break;
	case PE_OP_MARK:
		free(op->u.mark.title);
		break;
	case PE_OP_RECT:
	case PE_OP_HIT:
		break;
	}
}

void pe_dlist_truncate(pe_dlist *dl, size_t n)
{
	for (size_t i = n; i < dl->n_pages; i++) {
		pe_page *pg = &dl->pages[i];
		for (size_t j = 0; j < pg->n_ops; j++)
			op_finish(&pg->ops[j]);
		free(pg->ops);
	}
	if (n < dl->n_pages)
		dl->n_pages = n;
}

void pe_dlist_destroy(pe_dlist *dl)
{
	if (!dl)
		return;
	pe_dlist_truncate(dl, 0);
	free(dl->pages);
	free(dl->title);
	free(dl->subject);
	free(dl->lang);
	free(dl);
}

static bool dup_opt(char **dst, const char *src)
{
	char *copy = NULL;
	if (src && !(copy = pe_strdup(src)))
		return false;
	free(*dst);
	*dst = copy;
	return true;
}

bool pe_dlist_set_meta(pe_dlist *dl, const char *title, const char *subject,
                       const char *lang)
{
	return dup_opt(&dl->title, title) && dup_opt(&dl->subject, subject) &&
	       dup_opt(&dl->lang, lang);
}

pe_page *pe_dlist_add_page(pe_dlist *dl, double width, double height)
{
	if (dl->n_pages == dl->cap_pages) {
		size_t cap = dl->cap_pages ? dl->cap_pages * 2 : 4;
		pe_page *pages = pe_realloc(dl->pages, cap * sizeof *pages);
		if (!pages)
			return NULL;
		dl->pages = pages;
		dl->cap_pages = cap;
	}
	pe_page *pg = &dl->pages[dl->n_pages++];
	memset(pg, 0, sizeof *pg);
	pg->width = width;
	pg->height = height;
	return pg;
}

/* Reserve one op slot, zeroed; NULL when out of memory. The caller fills
 * it and, on a later failure, must give it back with drop_op(). */
static pe_op *new_op(pe_page *pg, pe_op_kind kind, double x, double y, double w, double h)
{
	if (pg->n_ops == pg->cap_ops) {
		size_t cap = pg->cap_ops ? pg->cap_ops * 2 : 32;
		pe_op *ops = pe_realloc(pg->ops, cap * sizeof *ops);
		if (!ops) {
			pg->failed = true;
			return NULL;
		}
		pg->ops = ops;
		pg->cap_ops = cap;
	}
	pe_op *op = &pg->ops[pg->n_ops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	return op;
}

/* Give back the op just reserved: something it needed could not be had,
 * so the page is marked failed (sticky, see dlist.h). */
static bool drop_op(pe_page *pg)
{
	pe_op *op = &pg->ops[--pg->n_ops];
	op_finish(op);
	pg->failed = true;
	return false;
}

void pe_page_fail(pe_page *pg)
{
	if (pg)
		pg->failed = true;
}

bool pe_page_add_text(pe_page *pg, double x, double baseline, double advance,
                      const char *utf8, pe_face face, double size,
                      double ascent, double descent, pe_color color,
                      const char *link)
{
	pe_op *op = new_op(pg, PE_OP_TEXT, x, baseline, advance, size);
	if (!op)
		return false;
	op->u.text.face = face;
	op->u.text.size = size;
	op->u.text.ascent = ascent;
	op->u.text.descent = descent;
	op->u.text.color = color;
	if (!(op->u.text.utf8 = pe_strdup(utf8)))
		return drop_op(pg);
	if (link && !(op->u.text.link = pe_strdup(link)))
		return drop_op(pg);
	return true;
}

bool pe_page_add_rect(pe_page *pg, double x, double y, double w, double h,
                      pe_color fill, pe_color stroke, double line_width,
                      double radius)
{
	pe_op *op = new_op(pg, PE_OP_RECT, x, y, w, h);
	if (!op)
		return false;
	op->u.rect.fill = fill;
	op->u.rect.stroke = stroke;
	op->u.rect.line_width = line_width;
	op->u.rect.radius = radius;
	return true;
}

bool pe_page_add_path(pe_page *pg, const pe_path_seg *segs, size_t n_segs,
                      pe_color fill, pe_color stroke, double line_width,
                      bool dashed)
{
	double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	bool first = true;
	for (size_t i = 0; i < n_segs; i++) {
		int npts = segs[i].verb == PE_PATH_CURVE ? 3 : segs[i].verb == PE_PATH_CLOSE ? 0 : 1;
		for (int k = 0; k < npts; k++) {
			double px = segs[i].x[k], py = segs[i].y[k];
			if (first) {
				x0 = x1 = px;
				y0 = y1 = py;
				first = false;
			}
			if (px < x0) x0 = px;
			if (px > x1) x1 = px;
			if (py < y0) y0 = py;
			if (py > y1) y1 = py;
		}
	}
	pe_op *op = new_op(pg, PE_OP_PATH, x0, y0, x1 - x0, y1 - y0);
	if (!op)
		return false;
	op->u.path.fill = fill;
	op->u.path.stroke = stroke;
	op->u.path.line_width = line_width;
	op->u.path.dashed = dashed;
	if (n_segs) {
		op->u.path.segs = pe_malloc(n_segs * sizeof *segs);
		if (!op->u.path.segs)
			return drop_op(pg);
		memcpy(op->u.path.segs, segs, n_segs * sizeof *segs);
	}
	op->u.path.n_segs = n_segs;
	return true;
}

bool pe_page_add_png(pe_page *pg, double x, double y, double w, double h,
                     const char *png_path)
{
	pe_op *op = new_op(pg, PE_OP_IMAGE, x, y, w, h);
	if (!op)
		return false;
	if (!(op->u.image.png_path = pe_strdup(png_path)))
		return drop_op(pg);
	return true;
}

bool pe_page_add_gray(pe_page *pg, double x, double y, double w, double h,
                      const unsigned char *gray, int px_w, int px_h)
{
	if (px_w <= 0 || px_h <= 0) {
		pg->failed = true;
		return false;
	}
	pe_op *op = new_op(pg, PE_OP_IMAGE, x, y, w, h);
	if (!op)
		return false;
	size_t n = (size_t)px_w * (size_t)px_h;
	if (!(op->u.image.gray = pe_malloc(n)))
		return drop_op(pg);
	memcpy(op->u.image.gray, gray, n);
	op->u.image.px_w = px_w;
	op->u.image.px_h = px_h;
	return true;
}

bool pe_page_add_link(pe_page *pg, double x, double y, double w, double h,
                      const char *uri)
{
	pe_op *op = new_op(pg, PE_OP_LINK, x, y, w, h);
	if (!op)
		return false;
	if (!(op->u.link.uri = pe_strdup(uri)))
		return drop_op(pg);
	return true;
}

bool pe_page_add_hit(pe_page *pg, double x, double y, double w, double h,
                     int action, int arg)
{
	pe_op *op = new_op(pg, PE_OP_HIT, x, y, w, h);
	if (!op)
		return false;
	op->u.hit.action = action;
	op->u.hit.arg = arg;
	return true;
}

bool pe_page_add_mark(pe_page *pg, double y, const char *title, int level)
{
	pe_op *op = new_op(pg, PE_OP_MARK, 0, y, 0, 0);
	if (!op)
		return false;
	op->u.mark.level = level;
	if (!(op->u.mark.title = pe_strdup(title)))
		return drop_op(pg);
	return true;
}

static bool copy_op(pe_page *dst, const pe_op *src_op, double dx, double dy)
{
	/* Work from a shallow copy: when dst is the source page, adding an op
	 * may move the ops array, and src_op with it. The strings and arrays
	 * it points to do not move. */
	const pe_op copy = *src_op;
	const pe_op *src = &copy;
	switch (src->kind) {
	case PE_OP_TEXT:
		if (!pe_page_add_text(dst, src->x + dx, src->y + dy, src->w, src->u.text.utf8,
		                      src->u.text.face, src->u.text.size, src->u.text.ascent,
		                      src->u.text.descent, src->u.text.color, src->u.text.link))
			return false;
		dst->ops[dst->n_ops - 1].u.text.rtl = src->u.text.rtl;
		return true;
	case PE_OP_RECT:
		return pe_page_add_rect(dst, src->x + dx, src->y + dy, src->w, src->h,
		                        src->u.rect.fill, src->u.rect.stroke,
		                        src->u.rect.line_width, src->u.rect.radius);
	case PE_OP_PATH: {
		pe_path_seg *segs = pe_malloc((src->u.path.n_segs ? src->u.path.n_segs : 1) * sizeof *segs);
		if (!segs) {
			dst->failed = true;
			return false;
		}
		for (size_t i = 0; i < src->u.path.n_segs; i++) {
			segs[i] = src->u.path.segs[i];
			for (int k = 0; k < 3; k++) {
				segs[i].x[k] += dx;
				segs[i].y[k] += dy;
			}
		}
		bool ok = pe_page_add_path(dst, segs, src->u.path.n_segs, src->u.path.fill,
		                           src->u.path.stroke, src->u.path.line_width,
		                           src->u.path.dashed);
		free(segs);
		return ok;
	}
	case PE_OP_IMAGE:
		if (src->u.image.png_path)
			return pe_page_add_png(dst, src->x + dx, src->y + dy, src->w, src->h,
			                       src->u.image.png_path);
		return pe_page_add_gray(dst, src->x + dx, src->y + dy, src->w, src->h,
		                        src->u.image.gray, src->u.image.px_w, src->u.image.px_h);
	case PE_OP_LINK:
		return pe_page_add_link(dst, src->x + dx, src->y + dy, src->w, src->h, src->u.link.uri);
	case PE_OP_HIT:
		return pe_page_add_hit(dst, src->x + dx, src->y + dy, src->w, src->h,
		                       src->u.hit.action, src->u.hit.arg);
	case PE_OP_MARK:
		return pe_page_add_mark(dst, src->y + dy, src->u.mark.title, src->u.mark.level);
	}
	dst->failed = true;
	return false;
}

bool pe_page_copy_ops(pe_page *dst, const pe_page *src, double y_from, double y_to,
                      double dx, double dy)
{
	/* Only the ops that were there at the start: when dst == src the
	 * copies must not be copied again. */
	size_t n = src->n_ops, had = dst->n_ops;
	/* an op lost on the source is lost on the copy too */
	if (src->failed)
		dst->failed = true;
	for (size_t i = 0; i < n; i++) {
		const pe_op *op = &src->ops[i];
		double top = op->kind == PE_OP_TEXT ? op->y - op->u.text.ascent : op->y;
		if (top < y_from || top >= y_to)
			continue;
		if (!copy_op(dst, op, dx, dy))
			goto undo;
	}
	return true;

undo:
	/* Leave dst as it was, like the single-op adders do. */
	while (dst->n_ops > had)
		drop_op(dst);
	return false;
}

void pe_page_mirror(pe_page *pg)
{
	if (pg)
		pe_page_mirror_span(pg, 0, pg->width);
}

void pe_op_move(pe_op *op, double dy)
{
	op->y += dy;
	if (op->kind == PE_OP_PATH)
		for (size_t i = 0; i < op->u.path.n_segs; i++)
			for (int k = 0; k < 3; k++)
				op->u.path.segs[i].y[k] += dy;
}

void pe_page_mirror_span(pe_page *pg, double x0, double x1)
{
	if (!pg)
		return;
	double W = x0 + x1;
	for (size_t i = 0; i < pg->n_ops; i++) {
		pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK)
			continue;
		op->x = W - op->x - op->w;
		if (op->kind != PE_OP_PATH)
			continue;
		for (size_t s = 0; s < op->u.path.n_segs; s++) {
			pe_path_seg *seg = &op->u.path.segs[s];
			int npts = seg->verb == PE_PATH_CURVE ? 3 : seg->verb == PE_PATH_CLOSE ? 0 : 1;
			for (int k = 0; k < npts; k++)
				seg->x[k] = W - seg->x[k];
		}
	}
}

const pe_op *pe_page_hit_test(const pe_page *pg, double x, double y)
{
	/* Later ops are on top, so search from the end. */
	for (size_t i = pg->n_ops; i-- > 0;) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_HIT && x >= op->x && x < op->x + op->w &&
		    y >= op->y && y < op->y + op->h)
			return op;
	}
	return NULL;
}

void pe_op_bounds(const pe_op *op, double *x0, double *y0, double *x1, double *y1)
{
	if (op->kind == PE_OP_TEXT) {
		*x0 = op->x;
		*x1 = op->x + op->w;
		*y0 = op->y - op->u.text.ascent;
		*y1 = op->y + op->u.text.descent;
		return;
	}
	double half = 0;
	if (op->kind == PE_OP_RECT && op->u.rect.stroke.a > 0)
		half = op->u.rect.line_width / 2;
	else if (op->kind == PE_OP_PATH && op->u.path.stroke.a > 0)
		half = op->u.path.line_width / 2;
	*x0 = op->x - half;
	*y0 = op->y - half;
	*x1 = op->x + op->w + half;
	*y1 = op->y + op->h + half;
}
