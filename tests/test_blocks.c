/* SPDX-License-Identifier: MIT */
/*
 * test_blocks.c - block layout (blocks.c): every block kind inside its
 * column at several widths and sizes, measured and drawn alike, the breaks
 * it allows (between items and tiers, never a lone line), contact cards,
 * section headings and whole topics.
 * Shares its fixture with the other layout tests (layout_fixture.h).
 */
#include "layout_fixture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"

/* Every block kind stays inside its column at several widths and sizes,
 * and measuring (pg NULL) gives the height drawing gives. */
static void blocks_stay_in_column(void **state)
{
	fixture *fx = *state;
	static const double widths[] = { 200, 300, 400, 600 };
	static const double sizes[] = { 12, 14, 18 };
	for (size_t k = 0; k < sizeof all_kinds / sizeof all_kinds[0]; k++) {
		pe_block b = make_block(all_kinds[k]);
		for (size_t wi = 0; wi < 4; wi++)
			for (size_t si = 0; si < 3; si++)
				for (int hc = 0; hc < 2; hc++) {
					pe_style st;
					pe_style_default(&st, sizes[si], hc);
					double x = 36, y = 50, w = widths[wi];
					double h0 = pe_layout_block(fx->layout, NULL, &b, &st, x, y, w);
					pe_page *pg = page(fx);
					double h1 = pe_layout_block(fx->layout, pg, &b, &st, x, y, w);
					if (fabs(h0 - h1) > 1e-9)
						fail_msg("kind %d width %.0f size %.0f: measured %.3f, drew %.3f",
						         all_kinds[k], w, sizes[si], h0, h1);
					assert_true(h1 > sizes[si]);
					assert_true(pg->n_ops > 0);
					assert_inside(pg, x, y, w, h1);
				}
	}
	page_done(fx);
	free_all();
}

/* Item index of a text op from its "iNw" marker word; -1 if none. */
static int item_of(const pe_op *op, int *last)
{
	const char *s = op->u.text.utf8;
	if (strspn(s, "0123456789") == strlen(s))
		return -1;   /* a step number: checked with the markers */
	if (s[0] == 'i' && s[1] >= '0' && s[1] <= '9' && s[2] == 'w')
		*last = s[1] - '0';
	return *last;
}

/* A gethelp block of three tiers of 4 long signs: it may break between
 * two tiers (every tier's ops on one side) and inside a tier only between
 * its signs with 2 at least on each side (issue 11: a 911 tier taller
 * than the room under the title left page 1 half empty), and only there
 * does the next page get the tier's title again (pe_layout_tier_continued);
 * the height the same measured and drawn, everything inside the column,
 * in colour and in high contrast, and the tiers look different without
 * colour (their icons differ: a tier's look is not colour alone). */
static bool sign_start(const char *t, int *tier)
{
	if (!(t[0] == 't' && t[1] >= '0' && t[1] <= '2' && t[2] == 'w' && t[3] == ' ' && t[4] &&
	      strchr("DRFA", t[4])))
		return false;
	*tier = t[1] - '0';
	return true;
}

static void gethelp_breaks_between_tiers_and_signs(void **state)
{
	fixture *fx = *state;
	pe_tier tiers[3] = { 0 };
	static const char *const titles[] = { "t0w Call [911] now", "t1w Call your care team now",
	                                      "t2w Tell your care team at your next visit" };
	for (int i = 0; i < 3; i++) {
		tiers[i].level = (pe_tier_level)i;
		tiers[i].title = T(titles[i]);
		tiers[i].signs = keep(calloc(4, sizeof(pe_item)));
		tiers[i].n_signs = 4;
		for (int k = 0; k < 4; k++) {
			char buf[256];
			snprintf(buf, sizeof buf, "t%dw %s", i, long_items[k] + 4);
			tiers[i].signs[k].text = T(buf);
			tiers[i].signs[k].bullet = true;
		}
		tiers[i].paras = keep(calloc(1, sizeof(pe_item)));
		tiers[i].n_paras = 1;
		tiers[i].paras[0].text = T("t0w Then call [555-0100].");
		tiers[i].paras[0].text.runs[0].text[1] = (char)('0' + i);
	}
	pe_block b = { .kind = PE_BLOCK_GETHELP, .tiers = tiers, .n_tiers = 3 };
	for (int hc = 0; hc <= 1; hc++)
		for (double w = 240; w <= 640; w += 200) {
			pe_style st;
			pe_style_default(&st, 14, hc);
			double all[16], br[2];
			size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, all, 16);
			/* 2|2 in each tier, and between the tiers */
			assert_int_equal(n, 5);
			size_t n_between = 0;
			bool inside[16] = { false };
			for (size_t k = 0; k < n; k++) {
				double ch = pe_layout_tier_continued(fx->layout, NULL, &b, &st, 10, 0, w,
				                                     all[k], "(continued)");
				inside[k] = ch > 0;
				if (!inside[k]) {
					assert_true(n_between < 2);
					br[n_between++] = all[k];
				}
			}
			assert_int_equal(n_between, 2);
			assert_true(pe_layout_block(fx->layout, NULL, &b, &st, 10, 0, w) > 0);
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 10, 0, w);
			assert_float_equal(h, pe_layout_block(fx->layout, NULL, &b, &st, 10, 0, w), 1e-9);
			int icons = 0;
			for (size_t j = 0; j < pg->n_ops; j++) {
				const pe_op *op = &pg->ops[j];
				double x0, y0, x1, y1;
				pe_op_bounds(op, &x0, &y0, &x1, &y1);
				assert_true(x0 >= 10 - 0.01 && x1 <= 10 + w + 0.01);
				assert_true(y0 >= -0.01 && y1 <= h + 0.01);
				icons += op->kind == PE_OP_PATH;
				if (op->kind != PE_OP_TEXT)
					continue;
				const char *t = op->u.text.utf8;
				if (!(t[0] == 't' && t[1] >= '0' && t[1] <= '2' && t[2] == 'w'))
					continue;
				int tier = t[1] - '0';
				double top = op->y - op->u.text.ascent;
				/* tier i lies between break i-1 and break i */
				if (tier > 0)
					assert_true(top > br[tier - 1]);
				if (tier < 2)
					assert_true(top < br[tier]);
			}
			assert_true(icons >= 3);
			/* a break inside a tier has 2 of its signs above and 2 below */
			for (size_t k = 0; k < n; k++) {
				if (!inside[k])
					continue;
				int above[3] = { 0 }, below[3] = { 0 };
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					int tier;
					if (op->kind != PE_OP_TEXT || !sign_start(op->u.text.utf8, &tier))
						continue;
					if (op->y - op->u.text.ascent < all[k])
						above[tier]++;
					else
						below[tier]++;
				}
				bool two = false;
				for (int tier = 0; tier < 3; tier++)
					two |= above[tier] == 2 && below[tier] == 2;
				assert_true(two);
			}
		}
	/* one tier: of 3 signs no break at all, of 4 one (2|2) */
	pe_block one = { .kind = PE_BLOCK_GETHELP, .tiers = tiers, .n_tiers = 1 };
	pe_style st;
	pe_style_default(&st, 14, false);
	double br[4];
	assert_int_equal(pe_layout_block_breaks(fx->layout, &one, &st, 400, br, 4), 1);
	tiers[0].n_signs = 3;
	assert_int_equal(pe_layout_block_breaks(fx->layout, &one, &st, 400, br, 4), 0);
	free_all();
}

static void breaks_fall_between_items(void **state)
{
	fixture *fx = *state;
	static const pe_block_kind kinds[] = { PE_BLOCK_LIST, PE_BLOCK_STEPS, PE_BLOCK_CHECKLIST };
	for (size_t k = 0; k < 3; k++)
		for (double w = 200; w <= 600; w += 200) {
			pe_block b = make_block(kinds[k]);
			pe_style st;
			pe_style_default(&st, 14, false);
			double br[16];
			size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, br, 16);
			assert_int_equal(n, b.n_items - 3);   /* 2 items at least each side */
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 0, 0, w);
			for (size_t i = 0; i < n; i++) {
				assert_true(br[i] > 0 && br[i] < h);
				if (i)
					assert_true(br[i] > br[i - 1]);
				/* every op of an item lies on one side of the break */
				int above[8] = { 0 }, below[8] = { 0 };
				int cur = -1;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					if (op->kind != PE_OP_TEXT)
						continue;
					int item = item_of(op, &cur);
					if (item < 0)
						continue;
					double top = op->y - op->u.text.ascent;
					if (top < br[i])
						above[item]++;
					else
						below[item]++;
				}
				for (int it = 0; it < 4; it++)
					assert_false(above[it] && below[it]);
				/* and the markers (circles, boxes) go with their item:
				 * as many non-text ops above as items above */
				int items_above = 0, marks_above = 0;
				for (int it = 0; it < 4; it++)
					items_above += above[it] > 0;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					if (op->kind == PE_OP_PATH || op->kind == PE_OP_RECT)
						marks_above += op->y < br[i];
				}
				assert_int_equal(marks_above, items_above);
			}
			/* max is respected */
			assert_int_equal(pe_layout_block_breaks(fx->layout, &b, &st, w, br, 1), 1);
		}
	page_done(fx);
	free_all();
}

/* A list, steps, checklist or long callout of n items breaks only where 2
 * items at least stay on each side: n - 3 breaks (none under 4 items),
 * each after item 2, 3, ... Its breaks lie between the texts of two items.
 * An emergency callout never breaks (tests above), and a long callout that
 * may is drawn with plain rectangles only, which the paginator cuts with
 * the page: no rounded box or path runs across a break. */
static void list_breaks_leave_two_items(void **state)
{
	fixture *fx = *state;
	static const pe_block_kind kinds[] = { PE_BLOCK_LIST, PE_BLOCK_STEPS, PE_BLOCK_CHECKLIST,
	                                       PE_BLOCK_CALLOUT };
	const char *texts[8];
	static const char *const marks[8] = { "i0w", "i1w", "i2w", "i3w", "i4w", "i5w", "i6w", "i7w" };
	char buf[8][160];
	for (size_t i = 0; i < 8; i++) {
		snprintf(buf[i], sizeof buf[i], "%s %s", marks[i], long_items[i % 4] + 4);
		texts[i] = buf[i];
	}
	pe_style st;
	pe_style_default(&st, 14, false);
	for (size_t k = 0; k < 4; k++)
		for (size_t n = 1; n <= 8; n++) {
			pe_block b = block_of(kinds[k], texts, n);
			b.callout = PE_CALLOUT_INFO;
			double br[16];
			size_t nb = pe_layout_block_breaks(fx->layout, &b, &st, 300, br, 16);
			assert_int_equal(nb, n >= 4 ? n - 3 : 0);
			pe_page *pg = page(fx);
			pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 300);
			for (size_t i = 0; i < nb; i++) {
				/* items 0..i+1 above the break, the rest below */
				int cur = -1;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					double x0, y0, x1, y1;
					pe_op_bounds(op, &x0, &y0, &x1, &y1);
					if (op->kind != PE_OP_TEXT) {
						bool plain = op->kind == PE_OP_RECT && op->u.rect.radius <= 0;
						if (y0 < br[i] - 1e-6 && y1 > br[i] + 1e-6 && !plain)
							fail_msg("kind %zu n %zu: op %zu (kind %d) runs across break %zu",
							         k, n, j, (int)op->kind, i);
						continue;
					}
					int item = item_of(op, &cur);
					if (item < 0)
						continue;
					double top = op->y - op->u.text.ascent;
					if ((size_t)item <= i + 1)
						assert_true(top < br[i]);
					else
						assert_true(top > br[i]);
				}
			}
			page_done(fx);
			/* an emergency callout stays whole however long */
			if (kinds[k] == PE_BLOCK_CALLOUT) {
				b.callout = PE_CALLOUT_EMERGENCY;
				assert_int_equal(pe_layout_block_breaks(fx->layout, &b, &st, 300, br, 16), 0);
			}
		}
	free_all();
}

static void paragraph_breaks_keep_two_lines(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_PARAGRAPH);
	pe_style st;
	pe_style_default(&st, 14, false);
	for (double w = 100; w <= 700; w += 60) {
		pe_text_style t = { PE_FACE_REGULAR, 14, st.leading, st.text, st.link };
		int lines = 0;
		pe_layout_text(fx->layout, NULL, &b.text, &t, 0, 0, w, &lines);
		double br[64];
		size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, br, 64);
		assert_int_equal(n, lines >= 4 ? (size_t)(lines - 3) : 0);
		double lh = 14 * st.leading;
		for (size_t i = 0; i < n; i++) {
			double k = br[i] / lh;
			assert_true(fabs(k - round(k)) < 1e-9);   /* between lines */
			k = round(k);
			if (!(k >= 2 && k <= lines - 2))
				fail_msg("w %.0f break %zu k %.3f lines %d", w, i, k, lines);
		}
	}
	/* A timeline breaks after its chart and between events, never inside
	 * either: each break is where no op but the connector line (cut with
	 * the page) crosses, and the first comes below every op of the chart
	 * (a long one in large print was cut between the chart's bars and its
	 * axis). */
	{
		pe_block tb = make_block(PE_BLOCK_TIMELINE);
		double w = 468, br[16];
		size_t n = pe_layout_block_breaks(fx->layout, &tb, &st, w, br, 16);
		assert_int_equal(n, tb.n_items);   /* after the chart + between 7 events */
		pe_dlist *dl = pe_dlist_create();
		pe_page *pg = pe_dlist_add_page(dl, 1000, 4000);
		double th = pe_layout_block(fx->layout, pg, &tb, &st, 0, 0, w);
		for (size_t k = 0; k < n; k++) {
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *op = &pg->ops[i];
				if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT)
					continue;
				double x0, t, x1, bt;
				pe_op_bounds(op, &x0, &t, &x1, &bt);
				if (op->kind == PE_OP_PATH && bt - t > th / 2)
					continue;   /* the connector through every event */
				if (op->kind == PE_OP_TEXT)
					t = op->y - op->u.text.ascent;
				if (t < br[k] - 1e-6 && bt > br[k] + 1e-6)
					fail_msg("timeline break %zu at %.2f cuts op %zu kind %d (%.2f-%.2f)", k, br[k], i, (int)op->kind,
					         t, bt);
			}
		}
		pe_dlist_destroy(dl);
	}
	/* the other kinds never break */
	static const pe_block_kind whole[] = { PE_BLOCK_CALLOUT, PE_BLOCK_CONTACT, PE_BLOCK_SCALE };
	for (size_t k = 0; k < 3; k++) {
		pe_block wb = make_block(whole[k]);
		double br[16];
		assert_int_equal(pe_layout_block_breaks(fx->layout, &wb, &st, 300, br, 16), 0);
	}
	free_all();
}

/* The card's number is one unbroken tel: link that fits the column: it
 * shrinks (and gives up the icon) in narrow columns, never below body
 * size, and is big where there is room. */
static void contact_number_fits_and_links(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_CONTACT);
	static const double sizes[] = { 12, 14, 18 };
	for (size_t si = 0; si < 3; si++)
		for (double w = 150; w <= 650; w += 50) {
			pe_style st;
			pe_style_default(&st, sizes[si], false);
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 10, 10, w);
			const pe_op *num = find_exact(pg, "1-800-227-2345");
			assert_non_null(num);
			assert_non_null(num->u.text.link);
			assert_string_equal(num->u.text.link, "tel:18002272345");
			assert_int_equal(num->u.text.face, PE_FACE_BOLD);
			assert_true(num->u.text.size >= sizes[si] - 1e-9);
			if (w >= 400)
				assert_true(num->u.text.size >= st.title_size - 1e-9);
			assert_inside(pg, 10, 10, w, h);
		}
	page_done(fx);
	free_all();
}

/* Unusual but valid content: many events, more levels than three, a
 * level with no grade, an empty callout, an event far in the future. */
static void odd_blocks_stay_in_column(void **state)
{
	fixture *fx = *state;
	pe_block many = { .kind = PE_BLOCK_TIMELINE };
	many.n_items = 100;
	many.items = keep(calloc(100, sizeof(pe_item)));
	for (int i = 0; i < 100; i++) {
		many.items[i].at = i * 7 - 50;
		many.items[i].until = i % 3 ? i * 7 - 50 : i * 9;
		many.items[i].event = (pe_event_kind)(i % 4);
		many.items[i].label = T("Day");
		many.items[i].text = T("Something to do.");
	}
	pe_block far = make_block(PE_BLOCK_TIMELINE);
	far.items[5].at = far.items[5].until = 100000;
	far.items[0].at = -100000;
	pe_block scale5 = make_block(PE_BLOCK_SCALE);
	pe_item five[5];
	for (int i = 0; i < 5; i++) {
		five[i] = scale5.items[i % 3];
		five[i].grade = (pe_grade)(i % 4);
	}
	scale5.items = five;
	scale5.n_items = 5;
	pe_block empty = { .kind = PE_BLOCK_CALLOUT };
	pe_block one_step = make_block(PE_BLOCK_STEPS);
	one_step.n_items = 1;
	pe_block *blocks[] = { &many, &far, &scale5, &empty, &one_step };
	for (size_t k = 0; k < 5; k++)
		for (double w = 150; w <= 900; w += 250) {
			pe_style st;
			pe_style_default(&st, 14, false);
			double h0 = pe_layout_block(fx->layout, NULL, blocks[k], &st, 5, 5, w);
			pe_page *pg = page(fx);
			double h1 = pe_layout_block(fx->layout, pg, blocks[k], &st, 5, 5, w);
			assert_true(fabs(h0 - h1) < 1e-9);
			assert_true(h1 >= 0);
			assert_inside(pg, 5, 5, w, h1);
		}
	page_done(fx);
	free_all();
}

static void heading_with_and_without_icon(void **state)
{
	fixture *fx = *state;
	pe_section sec = { .heading = T("When to call your care team"), .icon = PE_ICON_PHONE };
	pe_style st;
	pe_style_default(&st, 14, false);
	pe_page *pg = page(fx);
	double h = pe_layout_heading(fx->layout, pg, &sec, &st, 40, 100, 300);
	assert_true(h >= st.heading_size);
	const pe_op *t = find_text(pg, "When");
	assert_non_null(t);
	assert_int_equal(t->u.text.face, PE_FACE_BOLD);
	assert_true(fabs(t->u.text.size - st.heading_size) < 1e-9);
	assert_true(t->x > 40 + st.heading_size);   /* after the icon */
	size_t paths = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_PATH) {
			paths++;
			assert_true(pg->ops[i].x + pg->ops[i].w <= t->x);
		}
	assert_true(paths > 0);
	assert_inside(pg, 40, 100, 300, h);
	st.draw_icons = false;
	pg = page(fx);
	pe_layout_heading(fx->layout, pg, &sec, &st, 40, 100, 300);
	assert_true(fabs(find_text(pg, "When")->x - 40) < 1e-9);
	for (size_t i = 0; i < pg->n_ops; i++)
		assert_int_equal(pg->ops[i].kind, PE_OP_TEXT);
	page_done(fx);
	free_all();
}

static void flow_topic_marks_each_section(void **state)
{
	fixture *fx = *state;
	pe_topic topic = { 0 };
	topic.title = "After your infusion";
	topic.summary = "What to expect at home";
	pe_section secs[3] = {
		{ .heading = T("What to expect"), .icon = PE_ICON_DRIP },
		{ .heading = T("Caring for *yourself*"), .icon = PE_ICON_NONE },
		{ .heading = T("Getting help"), .icon = PE_ICON_PHONE },
	};
	pe_block b0[2] = { make_block(PE_BLOCK_PARAGRAPH), make_block(PE_BLOCK_LIST) };
	pe_block b1[2] = { make_block(PE_BLOCK_STEPS), make_block(PE_BLOCK_SCALE) };
	pe_block b2[2] = { make_block(PE_BLOCK_CALLOUT), make_block(PE_BLOCK_CONTACT) };
	secs[0].blocks = b0;
	secs[1].blocks = b1;
	secs[2].blocks = b2;
	secs[0].n_blocks = secs[1].n_blocks = secs[2].n_blocks = 2;
	topic.sections = secs;
	topic.n_sections = 3;
	pe_style st;
	pe_style_default(&st, 24, false);   /* kiosk-like: pixels */
	double h0 = pe_layout_flow_topic(fx->layout, NULL, &topic, &st, 60, 80, 900);
	pe_page *pg = page(fx);
	double h1 = pe_layout_flow_topic(fx->layout, pg, &topic, &st, 60, 80, 900);
	assert_true(fabs(h0 - h1) < 1e-9);
	assert_inside(pg, 60, 80, 900, h1);
	static const char *const titles[] = { "After your infusion", "What to expect",
	                                      "Caring for yourself", "Getting help" };
	size_t n_marks = 0;
	double last = -1;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_MARK)
			continue;
		assert_true(n_marks < 4);
		assert_string_equal(op->u.mark.title, titles[n_marks]);
		assert_int_equal(op->u.mark.level, n_marks ? 1 : 0);
		assert_true(op->y > last);
		last = op->y;
		/* the heading's text starts at or below its mark */
		const pe_op *t = find_exact(pg, n_marks ? secs[n_marks - 1].heading.runs[0].text
		                                        : topic.title);
		assert_non_null(t);
		assert_true(t->y - t->u.text.ascent >= op->y - 1e-9);
		assert_true(t->y - t->u.text.ascent < op->y + st.heading_size);
		n_marks++;
	}
	assert_int_equal(n_marks, 4);
	page_done(fx);
	free_all();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks_stay_in_column),
		cmocka_unit_test(breaks_fall_between_items),
		cmocka_unit_test(gethelp_breaks_between_tiers_and_signs),
		cmocka_unit_test(list_breaks_leave_two_items),
		cmocka_unit_test(paragraph_breaks_keep_two_lines),
		cmocka_unit_test(contact_number_fits_and_links),
		cmocka_unit_test(odd_blocks_stay_in_column),
		cmocka_unit_test(heading_with_and_without_icon),
		cmocka_unit_test(flow_topic_marks_each_section),
	};
	return cmocka_run_group_tests_name("blocks", tests, setup, teardown);
}
