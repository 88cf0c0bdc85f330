/* SPDX-License-Identifier: MIT */
/*
 * test_handout_check.c - the layout check (handout_check.c,
 * pe_handout_check in handout.h) on hand-made display lists: text in the
 * margin, text running out of its box, a picture's pill that is no box,
 * the wrong paper. Every real handout passing it: tests/test_handout.c.
 */
#include "handout_fixture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"
#include "site.h"
#include "template.h"

static void checker_catches_faults(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_text(pg, 100, 100, 50, "inside", PE_FACE_REGULAR, 12, 10, 3,
	                             pe_rgb(0, 0, 0), NULL));
	assert_true(pe_handout_check(dl, tpl, &err));

	/* In the margin. */
	assert_true(pe_page_add_text(pg, 10, 100, 50, "in the margin", PE_FACE_REGULAR, 12, 10, 3,
	                             pe_rgb(0, 0, 0), NULL));
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "page 1"));
	assert_non_null(strstr(err.msg, "in the margin"));
	assert_non_null(strstr(err.msg, "printable area"));
	pe_dlist_destroy(dl);

	/* Text running out of its box. */
	dl = pe_dlist_create();
	pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_rect(pg, 100, 100, 80, 40, pe_rgb(1, 1, 0), PE_NO_COLOR, 0, 4));
	assert_true(pe_page_add_text(pg, 110, 120, 120, "far too wide for it", PE_FACE_REGULAR, 12,
	                             10, 3, pe_rgb(0, 0, 0), NULL));
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "overflows its box"));
	pe_dlist_destroy(dl);

	/* A picture's bar (a pill, rounded to half its height) is no box: its
	 * label may run on past its end (the IVIg strip). */
	dl = pe_dlist_create();
	pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_rect(pg, 100, 100, 80, 14, pe_rgb(1, 0.8, 0.6), PE_NO_COLOR, 0, 7));
	assert_true(pe_page_add_text(pg, 110, 111, 120, "far too wide for it", PE_FACE_BOLD, 9,
	                             8, 2, pe_rgb(0, 0, 0), NULL));
	assert_true(pe_handout_check(dl, tpl, &err));
	pe_dlist_destroy(dl);

	/* Wrong paper. */
	dl = pe_dlist_create();
	pe_dlist_add_page(dl, 595.28, 841.89);
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "template letter"));
	pe_dlist_destroy(dl);
	pe_template_destroy(tpl);
}

/* Text smaller than the template's minimum is refused (9 pt on a
 * handout, 16 pt in large print, 8 pt on the wallet card). */
static void checker_refuses_small_type(void **state)
{
	(void)state;
	static const struct { const char *tpl; double min; } want[] = {
		{ "letter", 9 }, { "a4", 9 }, { "bilingual", 9 }, { "large-print", 16 },
		{ "wallet-card", 8 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		pe_error err = { { 0 } };
		pe_template *tpl = pe_template_find(want[i].tpl, &err);
		assert_non_null(tpl);
		assert_true(fabs(pe_template_min_size(tpl) - want[i].min) < 0.01);
		assert_true(tpl->small >= want[i].min - 0.01);
		pe_dlist *dl = pe_dlist_create();
		pe_page *pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
		double x0, y0, x1, y1;
		pe_template_area(tpl, &x0, &y0, &x1, &y1);
		assert_true(pe_page_add_text(pg, x0 + 2, y0 + 20, 20, "ok", PE_FACE_REGULAR,
		                             want[i].min, 8, 2, pe_rgb(0, 0, 0), NULL));
		assert_true(pe_handout_check(dl, tpl, &err));
		assert_true(pe_page_add_text(pg, x0 + 2, y0 + 40, 20, "tiny", PE_FACE_REGULAR,
		                             want[i].min - 0.5, 8, 2, pe_rgb(0, 0, 0), NULL));
		assert_false(pe_handout_check(dl, tpl, &err));
		assert_non_null(strstr(err.msg, "\"tiny\""));
		assert_non_null(strstr(err.msg, "under the minimum"));
		pe_dlist_destroy(dl);
		pe_template_destroy(tpl);
	}
}

/* A site file with the clinic's name and both phones. */
static pe_site *riverside(void)
{
	pe_site *site = riverside_site();
	return site;
}

static double min_text_size(const pe_dlist *dl)
{
	double m = INFINITY;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			if (dl->pages[p].ops[i].kind == PE_OP_TEXT)
				m = fmin(m, dl->pages[p].ops[i].u.text.size);
	return m;
}

/* Every template's handouts (and the wallet card) keep to its minimum
 * type size, with a site file and without. */
static void every_template_keeps_min_size(void **state)
{
	fx *f = *state;
	static const char *names[] = { "letter", "a4", "bilingual", "large-print", "wallet-card" };
	pe_error err = { { 0 } };
	pe_site *site = riverside();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		pe_template *tpl = pe_template_find(names[i], &err);
		assert_non_null(tpl);
		double min = pe_template_min_size(tpl);
		for (int s = 0; s < 2; s++) {
			pe_topic *t = topic("t", 3, 2);
			pe_dlist *dl = make(f, names[i], &t, 1, s ? site : NULL);
			if (min_text_size(dl) < min - 0.01)
				fail_msg("%s: text at %.2f pt, minimum %.1f", names[i], min_text_size(dl), min);
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
		pe_template_destroy(tpl);
	}
	pe_site_destroy(site);
}

/* y of the first text op of a page that says needle (or INFINITY). */
static double text_y(const pe_page *pg, const char *needle)
{
	const pe_op *op = page_find_text(pg, needle);
	return op ? op->y : INFINITY;
}

/* The care team's phones come first: the box on page 1 (blank lines to
 * fill in without a site file), the clinic's name and numbers in the
 * footer of every page with one; the sources go last and never take the
 * last page alone (immunotherapy-en printed a fourth page with two lines
 * of sources; moved here from test_handout.c, where the box had to share
 * their page). The topic grows by one paragraph a run, so the end
 * reaches every part of the page in some run. */
static void care_team_first(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_site *site = riverside();
	static const char *names[] = { "letter", "a4", "bilingual", "large-print" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		for (size_t n = 1; n <= 20; n++) {
			pe_topic *t = topic("t", n % 2 ? 1 : 3, n);
			pe_dlist *dl = make(f, names[i], &t, 1, NULL);
			if (!page_find_text(&dl->pages[0], "Your care team's phone:"))
				fail_msg("%s, %zu paragraphs: no blank care-team lines on page 1", names[i], n);
			/* the sources never take a page of their own: the last page
			 * holds body text too */
			pe_template *tpl = pe_template_find(names[i], &err);
			assert_non_null(tpl);
			const pe_page *last = &dl->pages[dl->n_pages - 1];
			bool body = false;
			for (size_t k = 0; k < last->n_ops; k++)
				body |= last->ops[k].kind == PE_OP_TEXT &&
				        fabs(last->ops[k].u.text.size - tpl->body) < 0.01 &&
				        !strstr(last->ops[k].u.text.utf8, "Sources");
			/* ... unless the page before had no room for two lines of
			 * small type (the sources' least, run in) above its footer */
			if (!body && dl->n_pages > 1) {
				const pe_page *pp = &dl->pages[dl->n_pages - 2];
				double foot = 0, low = 0;
				for (size_t k = 0; k < pp->n_ops; k++)
					if (pp->ops[k].kind == PE_OP_TEXT)
						foot = fmax(foot, pp->ops[k].y);
				for (size_t k = 0; k < pp->n_ops; k++)
					if (pp->ops[k].kind == PE_OP_TEXT && pp->ops[k].y < foot - 1)
						low = fmax(low, pp->ops[k].y + pp->ops[k].u.text.descent);
				double body_bottom = foot + tpl->small * 0.35 - tpl->small * 2.2 - tpl->body * 0.6;
				body = body_bottom - low < tpl->small * (2 * 1.15 + 0.8);
			}
			if (!body)
				fail_msg("%s, %zu paragraphs: the last page (%zu) holds no body text", names[i],
				         n, dl->n_pages);
			pe_template_destroy(tpl);
			pe_dlist_destroy(dl);
			dl = make(f, names[i], &t, 1, site);
			for (size_t p = 0; p < dl->n_pages; p++) {
				if (!page_find_text(&dl->pages[p], "555-0100"))
					fail_msg("%s, %zu paragraphs: no clinic phone on page %zu of %zu", names[i],
					         n, p + 1, dl->n_pages);
				if (!page_find_text(&dl->pages[p], "Riverside Infusion Center"))
					fail_msg("%s: no clinic name on page %zu", names[i], p + 1);
			}
			/* on page 1, above the first section heading */
			if (text_y(&dl->pages[0], "555-0100") > text_y(&dl->pages[0], "Section heading 1"))
				fail_msg("%s, %zu paragraphs: the clinic's phone is not up front", names[i], n);
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
	pe_site_destroy(site);
}

/* Every 911 and every clinic number on a handout dials: a tel: link on
 * each (the summary's "call 911" was plain text), with a site file and
 * without, on every template. */
static void every_number_dials(void **state)
{
	fx *f = *state;
	pe_site *site = riverside();
	static const char *names[] = { "letter", "a4", "bilingual", "large-print" };
	static const struct { const char *number, *uri; } nums[] = {
		{ "911", "tel:911" }, { "555-0100", "tel:5550100" }, { "555-0199", "tel:5550199" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		for (int s = 0; s < 2; s++) {
			pe_topic *t = topic("t", 2, 2);
			free(t->summary);
			t->summary = strdup("Emergency signs: call 911 or 911.");
			pe_dlist *dl = make(f, names[i], &t, 1, s ? site : NULL);
			size_t seen = 0;
			for (size_t p = 0; p < dl->n_pages; p++)
				for (size_t k = 0; k < dl->pages[p].n_ops; k++) {
					const pe_op *op = &dl->pages[p].ops[k];
					if (op->kind != PE_OP_TEXT)
						continue;
					for (size_t n = 0; n < 3; n++) {
						if (!strstr(op->u.text.utf8, nums[n].number))
							continue;
						seen++;
						if (!op->u.text.link || strcmp(op->u.text.link, nums[n].uri) != 0)
							fail_msg("%s, page %zu: \"%s\" links to %s, not %s", names[i],
							         p + 1, op->u.text.utf8,
							         op->u.text.link ? op->u.text.link : "nothing", nums[n].uri);
					}
				}
			assert_true(seen >= 2);
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
	pe_site_destroy(site);
}

/* The bilingual header names the handout in both languages without a
 * site file too ("Patient education | Informacion para pacientes"). */
static void bilingual_header_both_languages(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("bilingual", &err);
	assert_non_null(tpl);
	pe_topic *t = topic("t", 1, 1);
	pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1, .lang = "en",
	                       .tpl = tpl, .second = (const pe_topic *const *)&t,
	                       .second_lang = "es" };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl)
		fail_msg("%s", err.msg);
	const char *en = pe_i18n_tr_key("en", NC_("handout/header", "Patient education"));
	const char *es = pe_i18n_tr_key("es", NC_("handout/header", "Patient education"));
	assert_string_not_equal(en, es);
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_op *a = page_find_text(&dl->pages[p], en);
		const pe_op *b = page_find_text(&dl->pages[p], es);
		if (!a || !b || a->y > 60 || b->y > 60)
			fail_msg("page %zu: the header lacks \"%s\" or \"%s\"", p + 1, en, es);
	}
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}

/* Section headings of a topic start at one left edge: icons on all of
 * them or on none (ivig-aftercare had 4 of 6, so 2 headings stood out
 * to the left); icons on all stay. */
static void heading_icons_all_or_none(void **state)
{
	fx *f = *state;
	static const char *names[] = { "letter", "large-print", "bilingual" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		for (int mixed = 0; mixed < 2; mixed++) {
			pe_topic *t = topic("t", 4, 1);
			if (mixed)
				t->sections[2].icon = PE_ICON_NONE;
			pe_dlist *dl = make(f, names[i], &t, 1, NULL);
			double x = -1;
			for (size_t s = 0; s < 4; s++) {
				char want[64];
				snprintf(want, sizeof want, "Section heading %zu", s + 1);
				const pe_op *op = NULL;
				for (size_t p = 0; !op && p < dl->n_pages; p++)
					op = page_find_text(&dl->pages[p], want);
				assert_non_null(op);
				if (x < 0)
					x = op->x;
				if (fabs(op->x - x) > 0.01)
					fail_msg("%s%s: \"%s\" starts at x %.1f, the first heading at %.1f",
					         names[i], mixed ? " (icons on 3 of 4)" : "", want, op->x, x);
			}
			/* all icons: the headings start after them */
			double x0, y0, x1, y1;
			pe_error err = { { 0 } };
			pe_template *tpl = pe_template_find(names[i], &err);
			assert_non_null(tpl);
			pe_template_area(tpl, &x0, &y0, &x1, &y1);
			if (mixed ? fabs(x - x0) > 0.01 : x < x0 + tpl->heading)
				fail_msg("%s%s: headings at x %.1f", names[i], mixed ? " (mixed)" : "", x);
			pe_template_destroy(tpl);
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
}

/* Every page says when it was revised, in large print on A4 too, with
 * a long Spanish date ("Revisado: 30 de septiembre de 2026" at 16 pt
 * was dropped: it had half the footer). */
static void revised_on_every_page(void **state)
{
	fx *f = *state;
	static const char *names[] = { "large-print", "large-print-a4", "letter" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		pe_error err = { { 0 } };
		pe_template *tpl = pe_template_find(names[i], &err);
		assert_non_null(tpl);
		pe_topic *t = topic("t", 2, 2);
		free(t->revised);
		t->revised = strdup("2026-09-30");
		pe_site *site = riverside();
		pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1,
		                       .lang = "es", .tpl = tpl, .site = site };
		pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
		if (!dl || !pe_handout_check(dl, tpl, &err))
			fail_msg("%s", err.msg);
		for (size_t p = 0; p < dl->n_pages; p++)
			if (!page_find_text(&dl->pages[p], "30 de septiembre de 2026") ||
			    !page_find_text(&dl->pages[p], "555-0199"))
				fail_msg("%s, page %zu: no revision date or after-hours phone in the footer",
				         names[i], p + 1);
		pe_dlist_destroy(dl);
		pe_site_destroy(site);
		pe_topic_destroy(t);
		pe_template_destroy(tpl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checker_catches_faults),
		cmocka_unit_test(checker_refuses_small_type),
	};
	const struct CMUnitTest composed[] = {
		cmocka_unit_test(every_template_keeps_min_size),
		cmocka_unit_test(care_team_first),
		cmocka_unit_test(every_number_dials),
		cmocka_unit_test(bilingual_header_both_languages),
		cmocka_unit_test(heading_icons_all_or_none),
		cmocka_unit_test(revised_on_every_page),
	};
	return cmocka_run_group_tests_name("handout_check", tests, NULL, NULL) ||
	       cmocka_run_group_tests_name("handout_composed", composed, handout_setup,
	                                   handout_teardown);
}
