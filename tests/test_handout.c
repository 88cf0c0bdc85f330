/* SPDX-License-Identifier: MIT */
/*
 * test_handout.c - composition and pagination on hand-built topics.
 *
 * Geometry is asserted on the display list (no rendering): everything
 * inside the printable area, headings never last on a page, a footer with
 * "Page x of y" on every page, marks for the outline, the QR code beside
 * the helpline card, the care-team box with blank lines or tel: links,
 * every template passing the layout check, the gethelp box early, and
 * allocation failures refused cleanly (the wallet card: test_wallet.c;
 * the check itself: test_handout_check.c; the paginator alone:
 * test_paginate.c; the fixture they share: handout_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo.h>
#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "fonts.h"
#include "handout.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "site.h"
#include "template.h"

#include "handout_fixture.h"

/* A vertical line (MOVE + LINE at one x): a timeline's connector. */
static bool is_vertical_line(const pe_op *op)
{
	return op->kind == PE_OP_PATH && op->u.path.n_segs == 2 &&
	       op->u.path.segs[0].verb == PE_PATH_MOVE && op->u.path.segs[1].verb == PE_PATH_LINE &&
	       op->u.path.segs[0].x[0] == op->u.path.segs[1].x[0];
}

/* ---- tests ------------------------------------------------------------- */

static void paginates_long_topic(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("long", 6, 4);
	pe_dlist *dl = make(f, "letter", &t, 1, NULL);
	assert_true(dl->n_pages >= 2);
	char want[64];
	for (size_t p = 0; p < dl->n_pages; p++) {
		snprintf(want, sizeof want, "Page %zu of %zu", p + 1, dl->n_pages);
		if (!page_find_text(&dl->pages[p], want))
			fail_msg("page %zu has no footer '%s'", p + 1, want);
		assert_non_null(page_find_text(&dl->pages[p], "Revised"));
	}
	/* Never a heading at the bottom of a page: after every section mark
	 * there is body text on the same page below it. */
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->n_ops; i++) {
			if (pg->ops[i].kind != PE_OP_MARK || pg->ops[i].u.mark.level != 1)
				continue;
			const pe_op *heading = page_find_text(pg, pg->ops[i].u.mark.title);
			assert_non_null(heading);
			bool body_after = false;
			for (size_t k = 0; k < pg->n_ops; k++) {
				const pe_op *o = &pg->ops[k];
				if (o->kind == PE_OP_TEXT && o->y > heading->y + 1 &&
				    (strstr(o->u.text.utf8, "Drink") || strstr(o->u.text.utf8, "Fever") ||
				     strstr(o->u.text.utf8, "water") || strstr(o->u.text.utf8, "Rest")))
					body_after = true;
			}
			if (!body_after)
				fail_msg("page %zu: heading '%s' has nothing under it", p + 1,
				         pg->ops[i].u.mark.title);
		}
	}
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

static void marks_for_outline(void **state)
{
	fx *f = *state;
	pe_topic *ts[2] = { topic("a", 3, 1), topic("b", 2, 1) };
	free(ts[1]->title);
	ts[1]->title = strdup("Premeds");
	free(ts[1]->summary);
	ts[1]->summary = strdup("Medicines before an infusion.");
	pe_dlist *dl = make(f, "letter", ts, 2, NULL);
	int topics = 0, sections = 0;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			if (dl->pages[p].ops[i].kind == PE_OP_MARK) {
				if (dl->pages[p].ops[i].u.mark.level == 0)
					topics++;
				else
					sections++;
			}
	assert_int_equal(topics, 2);
	assert_int_equal(sections, 5);
	assert_string_equal(dl->lang, "en");
	/* A pack's PDF title names every topic (it named only the first). */
	assert_string_equal(dl->title, "After your IVIG infusion; Premeds");
	assert_string_equal(dl->subject,
	                    "What to expect at home and when to call.; Medicines before an infusion.");
	pe_dlist_destroy(dl);

	/* Bilingual: title and outline in both languages (they were in the
	 * first only). */
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("bilingual", &err);
	assert_non_null(tpl);
	pe_handout_req req = { .topics = (const pe_topic *const *)&ts[0], .n_topics = 1,
	                       .lang = "en", .tpl = tpl,
	                       .second = (const pe_topic *const *)&ts[1], .second_lang = "es" };
	dl = pe_handout_layout(f->layout, &req, &err);
	assert_non_null(dl);
	assert_string_equal(dl->title, "After your IVIG infusion / Premeds");
	bool topic_mark = false, section_mark = false;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++) {
			const pe_op *o = &dl->pages[p].ops[i];
			if (o->kind != PE_OP_MARK)
				continue;
			topic_mark |= !strcmp(o->u.mark.title, "After your IVIG infusion / Premeds");
			/* the same heading in both: named once */
			section_mark |= !strcmp(o->u.mark.title, "Section heading 1");
			assert_null(strstr(o->u.mark.title, "Section heading 1 / Section heading 1"));
		}
	assert_true(topic_mark);
	assert_true(section_mark);
	pe_dlist_destroy(dl);
	pe_template_destroy(tpl);
	pe_topic_destroy(ts[0]);
	pe_topic_destroy(ts[1]);
}

static void qr_beside_helpline(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("short", 1, 1);
	pe_dlist *dl = make(f, "letter", &t, 1, NULL);
	const pe_op *img = NULL;
	const pe_page *on = NULL;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			if (dl->pages[p].ops[i].kind == PE_OP_IMAGE && dl->pages[p].ops[i].u.image.gray) {
				img = &dl->pages[p].ops[i];
				on = &dl->pages[p];
			}
	assert_non_null(img);
	assert_int_equal(img->u.image.px_w, 21 + 8);   /* version 1 + quiet zone */
	assert_true(img->w >= 56);                      /* about 2 cm */
	const pe_op *label = page_find_text(on, "Scan");
	assert_non_null(label);
	assert_true(label->y > img->y + img->h);   /* under the code */
	/* The helpline card is on the same page. */
	assert_non_null(page_find_text(on, "Cancer helpline"));
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

static void care_team_blank_or_phones(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("short", 1, 1);
	pe_dlist *dl = make(f, "letter", &t, 1, NULL);
	assert_true(doc_has_text(dl, "Your care team's phone:"));
	pe_dlist_destroy(dl);

	pe_site *site = riverside_site();
	dl = make(f, "letter", &t, 1, site);
	assert_false(doc_has_text(dl, "Your care team's phone:"));
	assert_true(doc_has_text(dl, "Riverside Infusion Center"));
	bool tel = false;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++) {
			const pe_op *o = &dl->pages[p].ops[i];
			if (o->kind == PE_OP_TEXT && o->u.text.link && strstr(o->u.text.link, "5550100"))
				tel = true;
		}
	assert_true(tel);
	pe_dlist_destroy(dl);
	pe_site_destroy(site);
	pe_topic_destroy(t);
}

/* A clinic's logo opens page 1 in the header band, top left (it was only
 * in the care-team box at the end); later pages carry none up there. */
static void logo_in_first_page_header(void **state)
{
	fx *f = *state;
	char dir[] = "/tmp/test_handout.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char png[64], ini[256];
	snprintf(png, sizeof png, "%s/logo.png", dir);
	cairo_surface_t *cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 90, 30);
	assert_int_equal(cairo_surface_write_to_png(cs, png), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(cs);
	snprintf(ini, sizeof ini, "[clinic]\nname = Riverside Infusion Center\nlogo = %s\n", png);
	pe_error err = { { 0 } };
	pe_site *site = pe_site_load_data(ini, "site.ini", &err);
	assert_non_null(site);
	pe_topic *t = topic("logo", 6, 3);
	const char *names[] = { "letter", "large-print", "bilingual" };
	for (size_t k = 0; k < 3; k++) {
		pe_template *tpl = pe_template_find(names[k], &err);
		assert_non_null(tpl);
		pe_dlist *dl = make(f, names[k], &t, 1, site);
		assert_true(dl->n_pages >= 2);
		double x0, top, x1, bottom;
		pe_template_area(tpl, &x0, &top, &x1, &bottom);
		for (size_t p = 0; p < dl->n_pages; p++) {
			const pe_op *logo = NULL;
			for (size_t i = 0; i < dl->pages[p].n_ops; i++) {
				const pe_op *o = &dl->pages[p].ops[i];
				if (o->kind == PE_OP_IMAGE && o->u.image.png_path && o->y < top + 30)
					logo = o;
			}
			if (p > 0) {
				if (logo)
					fail_msg("%s: a header logo on page %zu", names[k], p + 1);
				continue;
			}
			if (!logo)
				fail_msg("%s: no logo in the header of page 1", names[k]);
			assert_true(logo->x < x0 + 10 && logo->y >= top && logo->h >= 12);
			assert_true(logo->w / logo->h > 2.9 && logo->w / logo->h < 3.1);   /* not stretched */
			/* the header's words (the clinic's name, or else the title)
			 * come after it, not under it */
			size_t words = 0;
			for (size_t i = 0; i < dl->pages[0].n_ops; i++) {
				const pe_op *o = &dl->pages[0].ops[i];
				if (o->kind != PE_OP_TEXT || o->y > top + 30)
					continue;
				words++;
				assert_true(o->x >= logo->x + logo->w);
			}
			assert_true(words > 0);
		}
		pe_dlist_destroy(dl);
		pe_template_destroy(tpl);
	}
	pe_topic_destroy(t);
	pe_site_destroy(site);
	unlink(png);
	rmdir(dir);
}

/* A logo that no longer reads when the handout is made (cut to 20 bytes
 * on disk after the site file was loaded, as in a running kiosk) was
 * silently left off; it is an error naming the file. */
static void logo_cut_short_is_an_error(void **state)
{
	fx *f = *state;
	char dir[] = "/tmp/test_handout.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char png[64];
	snprintf(png, sizeof png, "%s/logo.png", dir);
	cairo_surface_t *cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 90, 30);
	assert_int_equal(cairo_surface_write_to_png(cs, png), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(cs);
	pe_site *site = pe_site_new_default();
	assert_non_null(site);
	site->logo = strdup(png);
	assert_int_equal(truncate(png, 20), 0);
	pe_topic *t = topic("logo", 2, 2);
	const char *names[] = { "letter", "wallet-card" };
	for (size_t k = 0; k < 2; k++) {
		pe_error err = { { 0 } };
		pe_template *tpl = pe_template_find(names[k], &err);
		assert_non_null(tpl);
		pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = k == 0,
		                       .lang = "en", .tpl = tpl, .site = site, .card = f->card };
		pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
		if (dl) {
			pe_dlist_destroy(dl);
			fail_msg("%s: made without the logo", names[k]);
		}
		if (!strstr(err.msg, "logo.png: truncated PNG"))
			fail_msg("%s: %s", names[k], err.msg);
		pe_template_destroy(tpl);
	}
	pe_topic_destroy(t);
	pe_site_destroy(site);
	unlink(png);
	rmdir(dir);
}

static void every_template_passes_check(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("all", 4, 2);
	const char *names[] = { "letter", "a4", "large-print", "bilingual" };
	for (size_t i = 0; i < 4; i++) {
		pe_dlist *dl = make(f, names[i], &t, 1, NULL);
		assert_true(dl->n_pages >= 1);
		pe_dlist_destroy(dl);
	}
	pe_topic_destroy(t);
}

static void large_print_is_large(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("lp", 2, 2);
	pe_dlist *dl = make(f, "large-print", &t, 1, NULL);
	const pe_op *o = page_find_text(&dl->pages[0], "Drink");
	assert_non_null(o);
	assert_true(o->u.text.size >= 18);
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

static void bilingual_has_two_columns(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("bi", 2, 1);
	pe_dlist *dl = make(f, "bilingual", &t, 1, NULL);
	const pe_page *pg = &dl->pages[0];
	assert_true(pg->width > pg->height);
	bool left = false, right = false;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *o = &pg->ops[i];
		if (o->kind == PE_OP_TEXT && strstr(o->u.text.utf8, "Drink")) {
			left |= o->x < pg->width / 2;
			right |= o->x > pg->width / 2;
		}
	}
	assert_true(left && right);
	/* One outline entry per section, not one per section and language. */
	int marks = 0;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			marks += dl->pages[p].ops[i].kind == PE_OP_MARK;
	assert_int_equal(marks, 1 + 2);
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

/* A section holding only the given blocks. */
static pe_topic *topic_with(pe_block *blocks, size_t n)
{
	pe_topic *t = topic("custom", 1, 0);
	pe_section *sec = &t->sections[0];
	for (size_t i = 0; i < sec->n_blocks; i++) {
		pe_block *b = &sec->blocks[i];
		for (size_t k = 0; k < b->n_items; k++) {
			free(b->items[k].text.runs[0].text);
			free(b->items[k].text.runs);
		}
		free(b->items);
		if (b->kind == PE_BLOCK_CONTACT) {
			free(b->contact.name.runs[0].text);
			free(b->contact.name.runs);
			free(b->contact.hours.runs[0].text);
			free(b->contact.hours.runs);
			free(b->contact.phone);
		}
	}
	free(sec->blocks);
	sec->blocks = blocks;
	sec->n_blocks = n;
	return t;
}

static void callouts_never_split(void **state)
{
	fx *f = *state;
	size_t n = 14;
	pe_block *blocks = calloc(n, sizeof *blocks);
	assert_non_null(blocks);
	for (size_t i = 0; i < n; i++) {
		blocks[i].kind = PE_BLOCK_CALLOUT;
		blocks[i].callout = PE_CALLOUT_WARNING;
		blocks[i].n_items = 3;
		blocks[i].items = calloc(3, sizeof *blocks[i].items);
		assert_non_null(blocks[i].items);
		for (size_t k = 0; k < 3; k++) {
			blocks[i].items[k].text = text1("Calloutline text that stays in its box", PE_RUN_PLAIN);
			blocks[i].items[k].bullet = true;
		}
	}
	pe_topic *t = topic_with(blocks, n);
	pe_dlist *dl = make(f, "letter", &t, 1, NULL);
	assert_true(dl->n_pages >= 2);
	int lines = 0;
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *o = &pg->ops[i];
			if (o->kind != PE_OP_TEXT || !strstr(o->u.text.utf8, "Calloutline"))
				continue;
			lines++;
			bool boxed = false;
			for (size_t k = 0; k < pg->n_ops; k++) {
				const pe_op *r = &pg->ops[k];
				boxed |= r->kind == PE_OP_RECT && r->h > o->h && o->x > r->x &&
				         o->y > r->y && o->y < r->y + r->h;
			}
			if (!boxed)
				fail_msg("page %zu: a callout line without its box (split callout)", p + 1);
		}
	}
	assert_int_equal(lines, (int)n * 3);
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

static size_t page_of_text(const pe_dlist *dl, const char *needle)
{
	for (size_t p = 0; p < dl->n_pages; p++)
		if (page_find_text(&dl->pages[p], needle))
			return p;
	fail_msg("no text '%s'", needle);
	return 0;
}

/* A heading and a short lead-in paragraph are kept with the block they
 * introduce: infusion-reactions left "How serious is a reaction?" and
 * "Reactions can be mild, moderate or severe." at the bottom of a page
 * and the severity scale on the next. The filler before them grows one
 * paragraph at a time, so they reach the bottom of page 1 in some run. */
static void lead_in_kept_with_next(void **state)
{
	fx *f = *state;
	const char *leads[] = { "Reactions can be mild or severe.", "Tell your nurse if you have any of these, even at night or at the weekend, and even when you think they are not serious:" };
	for (size_t l = 0; l < 2; l++)
		for (size_t m = 4; m <= 16; m++) {
			pe_topic *t = topic("lead", 2, m);
			pe_section *sec = &t->sections[1];
			free(sec->blocks[0].text.runs[0].text);
			sec->blocks[0].text.runs[0].text = strdup(leads[l]);
			make_callout(&sec->blocks[1], 6);
			pe_dlist *dl = make(f, "letter", &t, 1, NULL);
			size_t lead_p = page_of_text(dl, leads[l][0] == 'R' ? "Reactions can" : "Tell your");
			size_t head_p = page_of_text(dl, "Section heading 2");
			size_t box_p = page_of_text(dl, "Calloutline");
			if (lead_p != box_p || head_p != box_p)
				fail_msg("%zu filler paragraphs: heading on page %zu, lead-in on page %zu, "
				         "the block it introduces on page %zu",
				         m, head_p + 1, lead_p + 1, box_p + 1);
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
}

/* A timeline of n events "Step 1".. with the same text, every `step`
 * hours from 2 days before, each lasting `span` hours (0: a moment);
 * care and side effects take turns. */
static pe_block timeline(size_t n, const char *text, double step, double span)
{
	pe_block b = { .kind = PE_BLOCK_TIMELINE, .n_items = n };
	b.items = calloc(n, sizeof *b.items);
	assert_non_null(b.items);
	for (size_t i = 0; i < n; i++) {
		char label[32];
		snprintf(label, sizeof label, "Step %zu", i + 1);
		b.items[i].label = text1(label, PE_RUN_PLAIN);
		b.items[i].text = text1(text, PE_RUN_PLAIN);
		b.items[i].at = (double)i * step - 48;
		b.items[i].until = b.items[i].at + span;
		b.items[i].event = i % 2 ? PE_EVENT_EFFECT : PE_EVENT_CARE;
	}
	return b;
}

static void tall_block_is_cut_not_lost(void **state)
{
	fx *f = *state;
	/* A timeline of 40 events in large print is taller than a page and
	 * allows no break: it must be cut between events, lose nothing and
	 * stay inside the printable area (make() runs the check). */
	size_t n = 40;
	pe_block *b = calloc(1, sizeof *b);
	assert_non_null(b);
	*b = timeline(n, "Something happens", 24, 0);
	pe_topic *t = topic_with(b, 1);
	pe_dlist *dl = make(f, "large-print", &t, 1, NULL);
	assert_true(dl->n_pages >= 2);
	int happens = 0;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			if (dl->pages[p].ops[i].kind == PE_OP_TEXT &&
			    strstr(dl->pages[p].ops[i].u.text.utf8, "happens"))
				happens++;
	assert_true(happens >= (int)n);
	/* The connector runs under the event circles on every page, also
	 * where its carried-over part continues on a new page (it was
	 * appended after that page's circles and drawn over them). */
	int connectors = 0;
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *line = &pg->ops[i];
			if (!is_vertical_line(line))
				continue;
			connectors++;
			double lx = line->u.path.segs[0].x[0];
			for (size_t k = 0; k < i; k++) {
				const pe_op *o = &pg->ops[k];
				if (o->kind != PE_OP_PATH || is_vertical_line(o))
					continue;
				double x0, y0, x1, y1;
				pe_op_bounds(o, &x0, &y0, &x1, &y1);
				if (lx > x0 && lx < x1 && y1 > line->y && y0 < line->y + line->h)
					fail_msg("page %zu: the timeline connector (op %zu) is drawn over a "
					         "circle (op %zu)", p + 1, i, k);
			}
		}
	}
	assert_true(connectors >= 2);   /* one part per page */
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
}

/* ---- "when to get help": the tier box on page 1 or 2 -------------------- */

/* The page (0-based) whose text holds the whole tier, title, signs and
 * notes in that order and nothing between them, or -1 (not found, or
 * split across pages). */
static int tier_page(const pe_dlist *dl, const pe_tier *tier)
{
	char want[4096] = "";
	words_append(want, &tier->title);
	for (size_t i = 0; i < tier->n_signs; i++)
		words_append(want, &tier->signs[i].text);
	for (size_t i = 0; i < tier->n_paras; i++)
		words_append(want, &tier->paras[i].text);
	char *w = squeeze(want);
	int found = -1;
	for (size_t p = 0; p < dl->n_pages && found < 0; p++) {
		char *words = page_words(&dl->pages[p]);
		char *sq = squeeze(words);
		if (strstr(sq, w))
			found = (int)p;
		free(sq);
		free(words);
	}
	free(w);
	return found;
}

/* The page (0-based) that starts a tier split between its signs: its
 * title and first 2 signs there, its last 2 signs and notes on the next
 * page; or -1. */
static int tier_split_page(const pe_dlist *dl, const pe_tier *tier)
{
	if (tier->n_signs < 4)
		return -1;
	char head[4096] = "", tail[4096] = "";
	words_append(head, &tier->title);
	words_append(head, &tier->signs[0].text);
	words_append(head, &tier->signs[1].text);
	words_append(tail, &tier->signs[tier->n_signs - 2].text);
	words_append(tail, &tier->signs[tier->n_signs - 1].text);
	for (size_t i = 0; i < tier->n_paras; i++)
		words_append(tail, &tier->paras[i].text);
	char *h = squeeze(head), *t = squeeze(tail);
	int found = -1;
	for (size_t p = 0; p + 1 < dl->n_pages && found < 0; p++) {
		char *w0 = page_words(&dl->pages[p]), *w1 = page_words(&dl->pages[p + 1]);
		char *s0 = squeeze(w0), *s1 = squeeze(w1);
		if (strstr(s0, h) && strstr(s1, t))
			found = (int)p;
		free(w0);
		free(w1);
		free(s0);
		free(s1);
	}
	free(h);
	free(t);
	return found;
}

/* Every tier of t's gethelp starts on page 1 or 2 of dl: whole, or split
 * between its signs (2 at least each side; test_pagination checks the
 * repeated title). */
static void assert_tiers_early(const pe_dlist *dl, const pe_topic *t, const char *what)
{
	const pe_block *b = pe_topic_gethelp(t, NULL);
	if (!b)
		return;
	for (size_t i = 0; i < b->n_tiers; i++) {
		int p = tier_page(dl, &b->tiers[i]);
		if (p < 0)
			p = tier_split_page(dl, &b->tiers[i]);
		if (p < 0 || p > 1)
			fail_msg("%s: the %s tier of %s is %s", what,
			         pe_tier_level_name(b->tiers[i].level), t->id,
			         p < 0 ? "split across pages (or missing)" : "after page 2");
	}
}

/* A topic whose gethelp section comes last, after pages of text: the
 * handout still puts the box right under the title, whole tiers only. */
static void gethelp_box_comes_first(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_topic *gh = pe_topic_load("tests/fixtures/content/gethelp.xml", "en", f->schema, &err);
	if (!gh)
		fail_msg("%s", err.msg);
	pe_topic *t = topic("long", 6, 4);
	/* move the fixture's gethelp section to the end of the long topic */
	pe_section *grown = realloc(t->sections, (t->n_sections + 1) * sizeof *grown);
	assert_non_null(grown);
	t->sections = grown;
	t->sections[t->n_sections++] = gh->sections[0];
	memmove(gh->sections, gh->sections + 1, (gh->n_sections - 1) * sizeof *gh->sections);
	gh->n_sections--;
	static const char *const tpls[] = { "letter", "a4", "large-print", "bilingual" };
	for (size_t k = 0; k < 4; k++) {
		pe_dlist *dl = make_lang(f, tpls[k], t, "en", t, "en");
		assert_true(dl->n_pages > 2);
		assert_tiers_early(dl, t, tpls[k]);
		/* and the box is still there once: not drawn twice */
		const pe_tier *e = &pe_topic_gethelp(t, NULL)->tiers[0];
		char *title = pe_text_plain(&e->signs[0].text);
		int seen = 0;
		for (size_t p = 0; p < dl->n_pages; p++)
			for (size_t i = 0; i < dl->pages[p].n_ops; i++)
				seen += dl->pages[p].ops[i].kind == PE_OP_TEXT &&
				        strcmp(dl->pages[p].ops[i].u.text.utf8, title) == 0;
		assert_int_equal(seen, strcmp(tpls[k], "bilingual") == 0 ? 2 : 1);
		free(title);
		pe_dlist_destroy(dl);
	}
	/* the pe_topic owns the moved section now; the sample keeps the rest */
	pe_topic_destroy(t);
	pe_topic_destroy(gh);
}

/* Every staged topic in every language and template (letter, a4, large
 * print, bilingual with English): each tier of its gethelp box is whole on
 * page 1 or 2. */
static void gethelp_box_early_everywhere(void **state)
{
	fx *f = *state;
	const char *data = getenv("PE_DATADIR");
	char dir[PATH_MAX], sub[PATH_MAX + 64];
	if (!data || !*data) {
		print_message("PE_DATADIR not set: no staged content\n");
		skip();
	}
	snprintf(dir, sizeof dir, "%s/content", data);
	pe_error err = { { 0 } };
	snprintf(sub, sizeof sub, "%s/en", dir);
	pe_library *en = pe_library_load(sub, "en", f->schema, &err);
	if (!en)
		fail_msg("%s", err.msg);
	static const char *const tpls[] = { "letter", "a4", "large-print" };
	size_t boxes = 0;
	for (size_t li = 0; li < pe_i18n_count(); li++) {
		const char *lang = pe_i18n_code(li);
		snprintf(sub, sizeof sub, "%s/%s", dir, lang);
		pe_library *lib = strcmp(lang, "en") == 0 ? en : pe_library_load(sub, lang, f->schema, &err);
		if (!lib)
			fail_msg("%s", err.msg);
		for (size_t ti = 0; ti < pe_library_count(lib); ti++) {
			const pe_topic *t = pe_library_topic(lib, ti);
			boxes += pe_topic_gethelp(t, NULL) != NULL;
			for (size_t k = 0; k < 3; k++) {
				char what[128];
				snprintf(what, sizeof what, "%s %s", lang, tpls[k]);
				pe_dlist *dl = make_lang(f, tpls[k], t, lang, NULL, NULL);
				assert_tiers_early(dl, t, what);
				pe_dlist_destroy(dl);
			}
			const pe_topic *t_en = pe_library_find(en, t->id);
			const char *other = strcmp(lang, "en") == 0 ? NULL : lang;
			if (t_en && other) {
				char what[128];
				snprintf(what, sizeof what, "en+%s bilingual", lang);
				pe_dlist *dl = make_lang(f, "bilingual", t_en, "en", t, lang);
				assert_tiers_early(dl, t_en, what);
				assert_tiers_early(dl, t, what);
				pe_dlist_destroy(dl);
			}
		}
		if (lib != en)
			pe_library_destroy(lib);
	}
	pe_library_destroy(en);
	print_message("%zu topic(s) x language(s) with a gethelp box checked\n", boxes);
}

/* The page a text starting with s is first on, or -1. */
static int page_of(const pe_dlist *dl, const char *s)
{
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++)
			if (dl->pages[p].ops[i].kind == PE_OP_TEXT &&
			    strncmp(dl->pages[p].ops[i].u.text.utf8, s, strlen(s)) == 0)
				return (int)p;
	return -1;
}

static void tall_timeline_keeps_its_chart(void **state)
{
	fx *f = *state;
	/* A charted timeline taller than a page (large print, 12 events of
	 * 3 lines) after 0-7 paragraphs: wherever the page ends, its chart
	 * (first bar label to legend) stays on one page. It used to be cut
	 * between the bars and the axis, the legend alone atop the next page. */
	for (size_t fill = 0; fill <= 7; fill++) {
		size_t n = 12;
		pe_block *blocks = calloc(fill + 1, sizeof *blocks);
		assert_non_null(blocks);
		for (size_t i = 0; i < fill; i++)
			blocks[i] = paragraph(lorem);
		blocks[fill] = timeline(n, lorem, 12, 12);
		pe_topic *t = topic_with(blocks, fill + 1);
		pe_dlist *dl = make(f, "large-print", &t, 1, NULL);
		/* the chart's first row is numbered "1", above the legend on
		 * its page (the events under the chart are numbered too, and
		 * may come first when the chart floats to the next page) */
		int legend = page_of(dl, "What you do"), bars = -1;
		if (legend >= 0) {
			const pe_page *pg = &dl->pages[legend];
			double ly = 0;
			for (size_t i = 0; i < pg->n_ops; i++)
				if (pg->ops[i].kind == PE_OP_TEXT && strcmp(pg->ops[i].u.text.utf8, "What you do") == 0)
					ly = pg->ops[i].y;
			for (size_t i = 0; i < pg->n_ops; i++)
				if (pg->ops[i].kind == PE_OP_TEXT && strcmp(pg->ops[i].u.text.utf8, "1") == 0 &&
				    pg->ops[i].y < ly)
					bars = legend;
		}
		if (bars < 0 || legend < 0 || bars != legend)
			fail_msg("%zu paragraphs: the chart's first bar is not on page %d with its legend",
			         fill, legend + 1);
		pe_dlist_destroy(dl);
		pe_topic_destroy(t);
	}
}

static void qr_has_quiet_zone(void **state)
{
	(void)state;
	int px = 0;
	unsigned char *g = pe_handout_qr(PE_HELPLINE_TEL, &px);
	assert_non_null(g);
	assert_int_equal(px, 29);
	int dark = 0;
	for (int y = 0; y < px; y++)
		for (int x = 0; x < px; x++) {
			bool border = x < 4 || y < 4 || x >= px - 4 || y >= px - 4;
			if (border)
				assert_int_equal(g[y * px + x], 255);
			dark += g[y * px + x] == 0;
		}
	/* Finder patterns alone are 3 x 33 dark modules. */
	assert_true(dark > 99);
	/* Top-left finder: a dark 7x7 ring starting at the quiet zone. */
	assert_int_equal(g[4 * px + 4], 0);
	assert_int_equal(g[4 * px + 10], 0);
	assert_int_equal(g[5 * px + 5], 255);
	free(g);
}

/* The title and the first section's list items in Arabic ("After the
 * IV infusion"; "fever or chills"); returns the list. */
static pe_block *arabic_title_and_list(pe_topic *t)
{
	free(t->title);
	t->title = strdup("\u0628\u0639\u062f \u0627\u0644\u062d\u0642\u0646 \u0627\u0644\u0648\u0631\u064a\u062f\u064a");
	pe_block *lst = &t->sections[0].blocks[1];
	assert_int_equal(lst->kind, PE_BLOCK_LIST);
	for (size_t i = 0; i < lst->n_items; i++) {
		free(lst->items[i].text.runs[0].text);
		free(lst->items[i].text.runs);
		lst->items[i].text = text1("\u062d\u0645\u0649 \u0623\u0648 \u0642\u0634\u0639\u0631\u064a\u0631\u0629",
		                           PE_RUN_PLAIN);
	}
	return lst;
}

/* An Arabic handout is the English one mirrored: the title ends at the
 * right margin, each list bullet stands right of its text, the helpline
 * number reads 1-800-227-2345 in one op. Asserted on the display list's
 * geometry (the bundled fonts may have no Arabic glyphs). */
static void arabic_handout_is_mirrored(void **state)
{
	fx *f = *state;
	pe_topic *t = topic("ar", 1, 1);
	pe_block *lst = arabic_title_and_list(t);
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	double right = tpl->width - tpl->margin_left, left = tpl->margin_right;
	pe_dlist *dl = make_lang(f, "letter", t, "ar", NULL, NULL);
	const pe_page *pg = &dl->pages[0];
	const pe_op *title = page_find_text(pg, "\u0627\u0644\u0648\u0631\u064a\u062f\u064a");
	assert_non_null(title);
	if (fabs(title->x + title->w - right) > 1)
		fail_msg("title ends at %.1f, the right margin is at %.1f", title->x + title->w, right);
	size_t items = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT || !strstr(op->u.text.utf8, "\u0642\u0634\u0639\u0631\u064a\u0631\u0629"))
			continue;
		items++;
		/* the bullet: a small path on the text's first line */
		const pe_op *dot = NULL;
		for (size_t j = 0; j < pg->n_ops; j++) {
			const pe_op *d = &pg->ops[j];
			if (d->kind == PE_OP_PATH && d->w < op->h && d->y < op->y && d->y > op->y - op->h)
				dot = d;
		}
		assert_non_null(dot);
		if (!(dot->x > op->x + op->w))
			fail_msg("bullet at x %.1f, its text %.1f-%.1f", dot->x, op->x, op->x + op->w);
	}
	assert_int_equal(items, lst->n_items);
	/* the phone number in order, and everything inside the margins */
	assert_true(doc_has_text(dl, PE_HELPLINE_DISPLAY));
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && pg->ops[i].x < left - 1)
			fail_msg("\"%s\" at x %.1f, left of the margin", pg->ops[i].u.text.utf8, pg->ops[i].x);
	pe_dlist_destroy(dl);
	/* the layout is left to right again for the next job */
	assert_false(pe_layout_rtl(f->layout));
	pe_template_destroy(tpl);
	pe_topic_destroy(t);
}

/* The bullet (a small path on the text's first line) of a list item's
 * first line, or NULL. */
static const pe_op *bullet_of(const pe_page *pg, const pe_op *op)
{
	const pe_op *dot = NULL;
	for (size_t j = 0; j < pg->n_ops; j++) {
		const pe_op *d = &pg->ops[j];
		if (d->kind == PE_OP_PATH && d->w < op->h && d->y < op->y && d->y > op->y - op->h &&
		    fabs(d->x + d->w / 2 - (op->x + op->w / 2)) < op->w / 2 + 3 * op->h)
			dot = d;
	}
	return dot;
}

/* A bilingual handout in English and Arabic: the Arabic column is laid
 * out right to left inside its own column (its title ends at the column's
 * right edge, each bullet right of its text, the phone number in order),
 * the English column stays left to right, and the columns do not swap.
 * It used to be left to right throughout. */
static void bilingual_arabic_column_is_rtl(void **state)
{
	fx *f = *state;
	const char *ar_word = "\u0642\u0634\u0639\u0631\u064a\u0631\u0629";
	pe_topic *en = topic("bi-ar", 1, 1);
	pe_topic *ar = topic("bi-ar", 1, 1);
	pe_block *lst = arabic_title_and_list(ar);
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("bilingual", &err);
	assert_non_null(tpl);
	double x0, y0, x1, y1;
	pe_template_area(tpl, &x0, &y0, &x1, &y1);
	double mid = (x0 + x1) / 2;
	pe_dlist *dl = make_lang(f, "bilingual", en, "en", ar, "ar");
	const pe_page *pg = &dl->pages[0];
	/* English: the title starts at the left margin, bullets left of text. */
	const pe_op *title_en = page_find_text(pg, "IVIG");
	assert_non_null(title_en);
	if (fabs(title_en->x - x0) > 1)
		fail_msg("English title starts at %.1f, the left margin is at %.1f", title_en->x, x0);
	/* Arabic: the title ends at the right margin. */
	const pe_op *title_ar = page_find_text(pg, "\u0627\u0644\u0648\u0631\u064a\u062f\u064a");
	assert_non_null(title_ar);
	if (fabs(title_ar->x + title_ar->w - x1) > 1)
		fail_msg("Arabic title ends at %.1f, the right margin is at %.1f", title_ar->x + title_ar->w, x1);
	size_t items_en = 0, items_ar = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT)
			continue;
		bool is_ar = strstr(op->u.text.utf8, ar_word) != NULL;
		bool is_en = strstr(op->u.text.utf8, "Fever of") != NULL;
		if (is_ar || is_en) {
			const pe_op *dot = bullet_of(pg, op);
			assert_non_null(dot);
			if (is_ar && !(dot->x > op->x + op->w && dot->x > mid))
				fail_msg("Arabic bullet at x %.1f, its text %.1f-%.1f", dot->x, op->x, op->x + op->w);
			if (is_en && !(dot->x + dot->w < op->x && dot->x < mid))
				fail_msg("English bullet at x %.1f, its text %.1f-%.1f", dot->x, op->x, op->x + op->w);
			items_ar += is_ar;
			items_en += is_en;
		}
		/* every op in its own column */
		if (is_ar && op->x < mid)
			fail_msg("Arabic text at x %.1f, left of the middle %.1f", op->x, mid);
		if (is_en && op->x + op->w > mid)
			fail_msg("English text ends at x %.1f, right of the middle %.1f", op->x + op->w, mid);
	}
	assert_int_equal(items_ar, lst->n_items);
	assert_true(items_en >= 1);
	/* the phone number in order, in both columns */
	size_t phones = 0;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++) {
			const pe_op *op = &dl->pages[p].ops[i];
			phones += op->kind == PE_OP_TEXT && strstr(op->u.text.utf8, PE_HELPLINE_DISPLAY) &&
			          op->x >= x0 - 1 && op->x + op->w <= x1 + 1;
		}
	assert_true(phones >= 2);
	pe_dlist_destroy(dl);
	assert_false(pe_layout_rtl(f->layout));
	pe_template_destroy(tpl);
	pe_topic_destroy(en);
	pe_topic_destroy(ar);
}

static void refuses_bad_requests(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	pe_handout_req req = { .lang = "en", .tpl = tpl };
	assert_null(pe_handout_layout(f->layout, &req, &err));
	assert_non_null(strstr(err.msg, "no topic"));
	pe_template_destroy(tpl);
	tpl = pe_template_find("bilingual", &err);
	pe_topic *t = topic("x", 1, 1);
	pe_handout_req bi = { .topics = (const pe_topic *const *)&t, .n_topics = 1, .lang = "en",
	                      .tpl = tpl };
	assert_null(pe_handout_layout(f->layout, &bi, &err));
	assert_non_null(strstr(err.msg, "second language"));
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paginates_long_topic),
		cmocka_unit_test(marks_for_outline),
		cmocka_unit_test(qr_beside_helpline),
		cmocka_unit_test(care_team_blank_or_phones),
		cmocka_unit_test(logo_in_first_page_header),
		cmocka_unit_test(logo_cut_short_is_an_error),
		cmocka_unit_test(every_template_passes_check),
		cmocka_unit_test(large_print_is_large),
		cmocka_unit_test(tall_timeline_keeps_its_chart),
		cmocka_unit_test(bilingual_has_two_columns),
		cmocka_unit_test(gethelp_box_comes_first),
		cmocka_unit_test(gethelp_box_early_everywhere),
		cmocka_unit_test(callouts_never_split),
		cmocka_unit_test(lead_in_kept_with_next),
		cmocka_unit_test(tall_block_is_cut_not_lost),
		cmocka_unit_test(qr_has_quiet_zone),
		cmocka_unit_test(refuses_bad_requests),
		cmocka_unit_test(arabic_handout_is_mirrored),
		cmocka_unit_test(bilingual_arabic_column_is_rtl),
	};
	return cmocka_run_group_tests(tests, handout_setup, handout_teardown);
}
