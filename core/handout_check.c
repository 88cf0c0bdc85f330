/* SPDX-License-Identifier: MIT */
/*
 * handout_check.c - the layout check every handout passes before it is
 * written (pe_handout_check in handout.h): every painted op inside the
 * printable area, every text inside the box it starts in and no smaller
 * than the template's minimum (pe_template_min_size). It reads a
 * display list only: no layout, no paint.
 */
#include "handout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- check ------------------------------------------------------------- */

static void short_text(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", s);
	if (strlen(s) >= size && size > 4)
		memcpy(dst + size - 4, "...", 4);
}

bool pe_handout_check(const pe_dlist *dl, const pe_template *tpl, pe_error *err)
{
	double ax0, ay0, ax1, ay1;
	pe_template_area(tpl, &ax0, &ay0, &ax1, &ay1);
	const double tol = 0.05;
	const double min_size = pe_template_min_size(tpl);
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		if (fabs(pg->width - tpl->width) > tol || fabs(pg->height - tpl->height) > tol) {
			pe_error_set(err, NULL, 0, "page %zu: size %.1f x %.1f, template %s is %.1f x %.1f",
			             p + 1, pg->width, pg->height, tpl->name, tpl->width, tpl->height);
			return false;
		}
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT)
				continue;
			double x0, y0, x1, y1;
			pe_op_bounds(op, &x0, &y0, &x1, &y1);
			char what[96];
			if (op->kind == PE_OP_TEXT) {
				char q[64];
				short_text(q, sizeof q, op->u.text.utf8);
				snprintf(what, sizeof what, "text \"%s\"", q);
			} else {
				static const char *names[] = { "text", "rectangle", "path", "image", "link", "hit", "mark" };
				snprintf(what, sizeof what, "%s", names[op->kind]);
			}
			if (x0 < ax0 - tol || y0 < ay0 - tol || x1 > ax1 + tol || y1 > ay1 + tol) {
				pe_error_set(err, NULL, 0,
				             "page %zu: %s at (%.1f, %.1f)-(%.1f, %.1f) is outside the printable area "
				             "(%.1f, %.1f)-(%.1f, %.1f) of template %s",
				             p + 1, what, x0, y0, x1, y1, ax0, ay0, ax1, ay1, tpl->name);
				return false;
			}
			if (op->kind != PE_OP_TEXT)
				continue;
			if (op->u.text.size < min_size - 0.005) {
				pe_error_set(err, NULL, 0,
				             "page %zu: %s at (%.1f, %.1f) is %.2g pt, under the minimum of "
				             "%g pt for template %s",
				             p + 1, what, x0, y0, op->u.text.size, min_size, tpl->name);
				return false;
			}
			/* The smallest box that holds the start of the text must
			 * hold all of it. */
			const pe_op *box = NULL;
			double best = INFINITY;
			double px = x0 + 0.5, py = op->y - op->u.text.ascent * 0.5;
			for (size_t k = 0; k < pg->n_ops; k++) {
				const pe_op *r = &pg->ops[k];
				/* (a pill, rounded to half its height, is a picture's bar
				 * that a label may run on past, not a box) */
				if (r->kind != PE_OP_RECT || r->h < op->u.text.size * 0.8 || r->w < 1 ||
				    r->u.rect.radius >= r->h / 2 - tol)
					continue;
				if (px >= r->x && px <= r->x + r->w && py >= r->y && py <= r->y + r->h &&
				    r->w * r->h < best) {
					best = r->w * r->h;
					box = r;
				}
			}
			if (box && (x1 > box->x + box->w + tol || y1 > box->y + box->h + tol ||
			            x0 < box->x - tol || y0 < box->y - tol)) {
				pe_error_set(err, NULL, 0,
				             "page %zu: %s overflows its box: text (%.1f, %.1f)-(%.1f, %.1f), "
				             "box (%.1f, %.1f)-(%.1f, %.1f)",
				             p + 1, what, x0, y0, x1, y1, box->x, box->y, box->x + box->w,
				             box->y + box->h);
				return false;
			}
		}
	}
	return true;
}
