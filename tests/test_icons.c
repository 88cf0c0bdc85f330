/* SPDX-License-Identifier: MIT */
/*
 * test_icons.c - the section icons (icons.c): inside their square, and
 * cut-outs painted in the background colour.
 * Shares its fixture with the other layout tests (layout_fixture.h).
 */
#include "layout_fixture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"

static void icons_stay_in_their_square(void **state)
{
	fixture *fx = *state;
	static const double sizes[] = { 10, 24, 100 };
	for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++)
		for (int si = 0; si < 3; si++) {
			pe_page *pg = page(fx);
			double x = 7, y = 11, sz = sizes[si];
			pe_layout_icon(pg, (pe_icon)icon, x, y, sz, pe_hex(0x127580));
			assert_true(pg->n_ops > 0);
			double area = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				double x0, y0, x1, y1;
				pe_op_bounds(&pg->ops[i], &x0, &y0, &x1, &y1);
				assert_true(x0 >= x - EPS && y0 >= y - EPS);
				assert_true(x1 <= x + sz + EPS && y1 <= y + sz + EPS);
				area += (x1 - x0) * (y1 - y0);
			}
			/* something you can see: the shapes span a good part of it */
			assert_true(area >= 0.3 * sz * sz);
		}
	pe_page *pg = page(fx);
	pe_layout_icon(pg, PE_ICON_NONE, 0, 0, 24, pe_hex(0));
	assert_int_equal(pg->n_ops, 0);
	pe_layout_icon(NULL, PE_ICON_HEART, 0, 0, 24, pe_hex(0));
	page_done(fx);
}

static bool same_color(pe_color a, pe_color b)
{
	return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 && fabs(a.b - b.b) < 1e-9 &&
	       fabs(a.a - b.a) < 1e-9;
}

/* The colours an icon op paints with (fill, stroke; a == 0 is none). */
static void op_colors(const pe_op *op, pe_color *fill, pe_color *stroke)
{
	*fill = *stroke = PE_NO_COLOR;
	if (op->kind == PE_OP_PATH) {
		*fill = op->u.path.fill;
		*stroke = op->u.path.stroke;
	} else if (op->kind == PE_OP_RECT) {
		*fill = op->u.rect.fill;
		*stroke = op->u.rect.stroke;
	}
}

/* pe_layout_icon_on cuts the "!", the "i", the tick and the drip's marks
 * in the colour the icon sits on: a white alert sign on a red button keeps
 * a red "!" inside the triangle (pe_layout_icon cuts in white, and a white
 * cut-out in a white sign is no sign at all). No icon paints a colour it
 * was not given. */
static void icon_cut_outs_take_the_background(void **state)
{
	fixture *fx = *state;
	const pe_color white = pe_hex(0xffffff), red = pe_hex(0x9b1c1c);
	const pe_color teal = pe_hex(0x127580), amber = pe_hex(0xf0c040);
	struct {
		pe_color color, background;
	} cases[] = { { white, red }, { teal, amber } };
	for (size_t k = 0; k < 2; k++) {
		for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++) {
			pe_page *pg = page(fx);
			pe_layout_icon_on(pg, (pe_icon)icon, 10, 20, 96, cases[k].color,
			                  cases[k].background);
			assert_true(pg->n_ops > 0);
			size_t on_bg = 0, on_color = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				pe_color c[2];
				op_colors(&pg->ops[i], &c[0], &c[1]);
				for (int j = 0; j < 2; j++) {
					if (c[j].a == 0)
						continue;
					bool is_bg = same_color(c[j], cases[k].background);
					bool is_fg = same_color(c[j], cases[k].color);
					if (!is_bg && !is_fg)
						fail_msg("icon %d paints (%.3f %.3f %.3f), neither its colour "
						         "nor its background", icon, c[j].r, c[j].g, c[j].b);
					on_bg += is_bg;
					on_color += is_fg;
				}
			}
			assert_true(on_color > 0);
			bool has_cut = icon == PE_ICON_ALERT || icon == PE_ICON_INFO ||
			               icon == PE_ICON_SHIELD || icon == PE_ICON_DRIP ||
			               icon == PE_ICON_CALENDAR;
			if (has_cut && on_bg == 0)
				fail_msg("icon %d lost its cut-out on a background of its own", icon);
		}
	}

	/* The alert sign, white on red: the red "!" lies inside the white
	 * triangle, painted after it. */
	pe_page *pg = page(fx);
	pe_layout_icon_on(pg, PE_ICON_ALERT, 10, 20, 96, white, red);
	const pe_op *tri = NULL, *bang = NULL;
	for (size_t i = 0; i < pg->n_ops; i++) {
		pe_color f, s;
		op_colors(&pg->ops[i], &f, &s);
		if (!tri && same_color(f, white))
			tri = &pg->ops[i];
		else if (tri && same_color(f, red))
			bang = &pg->ops[i];
	}
	assert_non_null(tri);
	assert_non_null(bang);
	double tx0, ty0, tx1, ty1, bx0, by0, bx1, by1;
	pe_op_bounds(tri, &tx0, &ty0, &tx1, &ty1);
	pe_op_bounds(bang, &bx0, &by0, &bx1, &by1);
	assert_true(bx0 > tx0 && by0 > ty0 && bx1 < tx1 && by1 < ty1);

	/* pe_layout_icon is pe_layout_icon_on over white paper, op for op. */
	for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++) {
		pe_dlist *a = pe_dlist_create(), *b = pe_dlist_create();
		pe_page *pa = pe_dlist_add_page(a, 200, 200), *pb = pe_dlist_add_page(b, 200, 200);
		pe_layout_icon(pa, (pe_icon)icon, 3, 4, 50, teal);
		pe_layout_icon_on(pb, (pe_icon)icon, 3, 4, 50, teal, white);
		assert_int_equal(pa->n_ops, pb->n_ops);
		for (size_t i = 0; i < pa->n_ops; i++) {
			pe_color fa, sa, fb, sb;
			op_colors(&pa->ops[i], &fa, &sa);
			op_colors(&pb->ops[i], &fb, &sb);
			assert_true(same_color(fa, fb) && same_color(sa, sb));
			assert_true(fabs(pa->ops[i].x - pb->ops[i].x) < EPS &&
			            fabs(pa->ops[i].y - pb->ops[i].y) < EPS);
		}
		pe_dlist_destroy(a);
		pe_dlist_destroy(b);
	}
	pe_layout_icon_on(NULL, PE_ICON_ALERT, 0, 0, 24, white, red);
	page_done(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(icons_stay_in_their_square),
		cmocka_unit_test(icon_cut_outs_take_the_background),
	};
	return cmocka_run_group_tests_name("icons", tests, setup, teardown);
}
