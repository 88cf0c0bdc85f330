/* SPDX-License-Identifier: MIT */
/*
 * test_pagination.c - the pagination of the whole handout set (issue 11,
 * "no holes" and "emergency early"): every staged topic in English and
 * Spanish, in the letter, A4, large-print and bilingual templates, laid
 * out to a display list (no rendering) and judged page by page:
 *
 *  - every page but the last is at least 75% full: the lowest drawn op
 *    of the body against the body's box (between header and footer);
 *  - a list, steps or checklist split across pages leaves at least 2
 *    items on each side;
 *  - every section heading has 2 lines at least of what follows under it;
 *  - no emergency callout starts on one page and ends on the next; a
 *    tier of the "when to get help" box does only between its signs, 2
 *    at least on each side, the next page repeating its title
 *    "(continued)";
 *  - bilingual: each section's heading starts at the same height in both
 *    columns, and its first block the same distance under it;
 *  - the last page never holds the sources alone, and they keep a space
 *    over them.
 *
 * It prints the page count of every handout (the table in the issue's
 * note). Needs PE_DATADIR (the staged content); skipped without it.
 */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout_fixture.h"
#include "i18n.h"

#define MIN_FILL 0.75

/* Pages allowed to stay under MIN_FILL, each with its reason: the block
 * that starts the next page must stay whole and did not fit. A page is
 * named by what the body of the NEXT page starts with, so the list does
 * not go stale when something above moves a page; next "(sources)"
 * names a last page that holds the sources alone. Keep it short: each
 * one is a hole a reader sees. */
static const struct hole {
	const char *topic, *lang, *tpl;
	const char *next;   /* the next page's first body text starts so */
	const char *why;
} holes[] = {
	/* With a site file, whose footer (the clinic's phones on every page)
	 * takes 2 lines of each page, in Spanish large print. */
	{ "infusion-reactions", "es", "large-print (site)", "¿Qué es una reacción",
	  "the severity scale (290 pt with its heading and lead-in) never splits: page 4 was "
	  "52% full; balancing fills it and leaves page 2 72% (a phone box and the care box, "
	  "which never split), or fills both only by splitting the 911 signs across pages 1 "
	  "and 2, which it never chooses" },
	{ "helpline", "es", "large-print (site)", "Preguntas sobre su propia",
	  "page 3 was full to its last line and the sources went alone to page 4; they never "
	  "take a page of their own, so page 3's last section (a callout that never splits) goes "
	  "down with them, and page 2 ends in a list that keeps 2 items on each side" },
	{ "helpline", "es", "large-print-a4 (site)", "Cómo le pueden ayudar",
	  "the header's 2 rows (the clinic's name over the title) leave 3 full pages and the "
	  "second of the 2 sources; the sources never take a page of their own, so the last "
	  "section (a callout that never splits) goes down with them, and page 2 ends before a "
	  "list that keeps 2 items on each side" },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The first text of the body of pg (topmost, then leftmost), or "". */
static const char *body_start(const pe_page *pg, double top, double bottom)
{
	const pe_op *best = NULL;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT || op->y < top || op->y > bottom)
			continue;
		if (!best || op->y < best->y - 0.5 || (op->y < best->y + 0.5 && op->x < best->x))
			best = op;
	}
	return best ? best->u.text.utf8 : "";
}

static const struct hole *allowed_hole(const char *topic, const char *lang, const char *tpl,
                                       const char *next)
{
	for (size_t i = 0; holes[i].topic; i++)
		if (strcmp(holes[i].topic, topic) == 0 && strcmp(holes[i].lang, lang) == 0 &&
		    strcmp(holes[i].tpl, tpl) == 0 &&
		    strncmp(next, holes[i].next, strlen(holes[i].next)) == 0)
			return &holes[i];
	return NULL;
}

/* The squeezed words of every page of dl (free with free_pages). */
static char **page_texts(const pe_dlist *dl)
{
	char **v = calloc(dl->n_pages, sizeof *v);
	assert_non_null(v);
	for (size_t p = 0; p < dl->n_pages; p++) {
		char *w = page_words(&dl->pages[p]);
		v[p] = squeeze(w);
		free(w);
	}
	return v;
}

static void free_pages(char **v, size_t n)
{
	for (size_t p = 0; p < n; p++)
		free(v[p]);
	free(v);
}

/* The first page from `from` on whose words hold t, or -1. */
static int find_from(char **pages, size_t n, size_t from, const pe_text *t)
{
	char buf[4096] = "";
	words_append(buf, t);
	char *w = squeeze(buf);
	int found = -1;
	for (size_t p = from; p < n && found < 0 && *w; p++)
		if (strstr(pages[p], w))
			found = (int)p;
	free(w);
	return found;
}

static int failures;

#define FAULT(...) do { print_message(__VA_ARGS__); print_message("\n"); failures++; } while (0)

/* How full the body of pg is: down to the lowest thing drawn in it. */
static double page_fill(const pe_page *pg, double top, double bottom)
{
	double low = top;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT || op->kind == PE_OP_LINK)
			continue;
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		/* the body only: not the header above it or the footer below,
		 * nor the rule between a bilingual page's columns, which runs
		 * from the body's top to its bottom on every page (it made
		 * every bilingual page look full) */
		if (y0 < top - 1 || y1 > bottom + 1 ||
		    (op->kind == PE_OP_RECT && y0 <= top + 1 && y1 >= bottom - 1))
			continue;
		low = fmax(low, y1);
	}
	return (low - top) / (bottom - top);
}

/* Every page but the last at least MIN_FILL full; how many pages are
 * named exceptions (holes[]). */
static size_t check_fill(const pe_dlist *dl, double top, double bottom, const char *id,
                         const char *lang, const char *tpl)
{
	size_t allowed = 0;
	for (size_t p = 0; p + 1 < dl->n_pages; p++) {
		double fill = page_fill(&dl->pages[p], top, bottom);
		if (fill >= MIN_FILL)
			continue;
		const char *next = body_start(&dl->pages[p + 1], top, bottom);
		const struct hole *h = allowed_hole(id, lang, tpl, next);
		if (h && ++allowed)
			print_message("(allowed: %s %s %s page %zu is %.0f%% full: %s)\n", id, lang, tpl,
			              p + 1, 100 * fill, h->why);
		else
			FAULT("%s %s %s: page %zu of %zu is %.0f%% full (the next starts \"%s\")", id,
			      lang, tpl, p + 1, dl->n_pages, 100 * fill, next);
	}
	return allowed;
}

static const char *kind_name(pe_block_kind k)
{
	switch (k) {
	case PE_BLOCK_LIST:
		return "list";
	case PE_BLOCK_STEPS:
		return "steps";
	case PE_BLOCK_CHECKLIST:
		return "checklist";
	case PE_BLOCK_CALLOUT:
		return "callout";
	default:
		return "block";
	}
}

/* The page on which an item begins when it is cut between two pages
 * (its first words end page p, the rest begin page p + 1), each side a
 * line long at least (40 letters); else -1. */
static int find_split(char **pages, size_t n, size_t from, const pe_text *t)
{
	char buf[4096] = "";
	words_append(buf, t);
	char *w = squeeze(buf);
	size_t len = strlen(w);
	int found = -1;
	for (size_t p = from; p + 1 < n && found < 0; p++)
		for (size_t cut = 40; cut + 40 <= len && found < 0; cut++) {
			char c = w[cut];
			w[cut] = '\0';
			bool head = strstr(pages[p], w) != NULL;
			w[cut] = c;
			if (head && strstr(pages[p + 1], w + cut))
				found = (int)p;
		}
	free(w);
	return found;
}

/* The space over the sources' heading ("Sources", "Sources:" run in) in
 * lang: at least 0.4 of a body line to what is drawn above it in its
 * column, however the spaces above were shrunk (they give half at most;
 * the sources once took their own shrink on top, leaving 2.6 pt). */
static void check_sources_gap(const pe_dlist *dl, double top, double body, const char *lang,
                              bool bi, const char *id, const char *tpl)
{
	const char *head = pe_i18n_trc(lang, NC_("handout/sources", "Sources"), "Sources");
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *h = &pg->ops[i];
			if (h->kind != PE_OP_TEXT || h->u.text.face != PE_FACE_BOLD ||
			    strncmp(h->u.text.utf8, head, strlen(head)) != 0)
				continue;
			bool right = bi && h->x > pg->width / 2;
			double htop = h->y - h->u.text.ascent, above = top;
			for (size_t k = 0; k < pg->n_ops; k++) {
				const pe_op *o = &pg->ops[k];
				if (o->kind == PE_OP_MARK || o->kind == PE_OP_HIT || o->kind == PE_OP_LINK ||
				    (bi && (o->x > pg->width / 2) != right))
					continue;
				double x0, y0, x1, y1;
				pe_op_bounds(o, &x0, &y0, &x1, &y1);
				if (y0 >= top - 1 && y1 <= htop + 0.01 && y1 > above &&
				    !(o->kind == PE_OP_RECT && y1 - y0 > (htop - top) * 0.9))
					above = y1;
			}
			if (above > top && htop - above < 0.4 * body)
				FAULT("%s %s %s: page %zu: %.1f pt over \"%s\" (at least %.1f)", id, lang,
				      tpl, p + 1, htop - above, head, 0.4 * body);
		}
	}
}

/* The sources never take a page of their own: the last page holds
 * something in body type (the sources are in small type). */
static size_t check_end(const pe_dlist *dl, double top, double bottom, double body,
                        const char *id, const char *lang, const char *tpl)
{
	const pe_page *pg = &dl->pages[dl->n_pages - 1];
	double most = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && pg->ops[i].y > top && pg->ops[i].y < bottom)
			most = fmax(most, pg->ops[i].u.text.size);
	if (dl->n_pages <= 1 || most >= body - 0.01)
		return 0;
	const struct hole *h = allowed_hole(id, lang, tpl, "(sources)");
	if (h)
		print_message("(allowed: %s %s %s: the last page holds the sources alone: %s)\n", id,
		              lang, tpl, h->why);
	else
		FAULT("%s %s %s: the last page (%zu) holds the sources alone", id, lang, tpl,
		      dl->n_pages);
	return h != NULL;
}

/* The header of every page above the body names the topic when the
 * template's header carries the title (tpl_title): a page that came loose
 * says what it is about, in Spanish large print too, beside the clinic's
 * name or in place of the product's. */
static void check_running_title(const pe_dlist *dl, double top, const pe_topic *t,
                                bool tpl_title, const char *lang, const char *what)
{
	if (!tpl_title)
		return;
	char *want = squeeze(t->title);
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		GString *head = g_string_new(NULL);
		for (size_t i = 0; i < pg->n_ops; i++)
			if (pg->ops[i].kind == PE_OP_TEXT && pg->ops[i].y < top)
				g_string_append(head, pg->ops[i].u.text.utf8);
		char *got = squeeze(head->str);
		/* (page 1 opens with the title itself, large, under the band: a
		 * logo may leave the band no room for it there) */
		if (!strstr(got, want) && p > 0)
			FAULT("%s %s %s: the header of page %zu does not name the topic (\"%s\")", t->id,
			      lang, what, p + 1, head->str);
		free(got);
		g_string_free(head, TRUE);
	}
	free(want);
}

/* Lists split with 2 items at least on each side; emergency lists whole. */
static void check_splits(char **pages, size_t n, const pe_topic *t, const char *lang,
                         const char *tpl)
{
	for (size_t s = 0; s < t->n_sections; s++)
		for (size_t k = 0; k < t->sections[s].n_blocks; k++) {
			const pe_block *b = &t->sections[s].blocks[k];
			if (b->kind == PE_BLOCK_GETHELP) {
				/* a tier whole on one page, or split once between its
				 * signs, 2 at least on each side, the next page starting
				 * with its title again, "(continued)" */
				const char *more = pe_i18n_trc(lang, NC_("handout/tier", "(continued)"),
				                               "(continued)");
				for (size_t i = 0; i < b->n_tiers; i++) {
					const pe_tier *tier = &b->tiers[i];
					int p0 = find_from(pages, n, 0, &tier->title), p1 = p0;
					size_t before = 0;
					for (size_t j = 0; p0 >= 0 && j < tier->n_signs; j++) {
						p1 = find_from(pages, n, (size_t)p1, &tier->signs[j].text);
						before += p1 == p0;
					}
					bool ok = p0 >= 0 && p1 == p0;
					if (p0 >= 0 && p1 == p0 + 1 && before >= 2 && tier->n_signs - before >= 2) {
						char buf[4096] = "";
						words_append(buf, &tier->title);
						words_append_plain(buf, more);
						char *w = squeeze(buf);
						ok = strstr(pages[p1], w) != NULL;
						free(w);
					}
					if (!ok)
						FAULT("%s %s %s: the %s tier starts on page %d and ends on %d "
						      "(%zu of %zu signs on the first)",
						      t->id, lang, tpl, pe_tier_level_name(tier->level), p0 + 1,
						      p1 + 1, before, tier->n_signs);
				}
				continue;
			}
			bool emergency = b->kind == PE_BLOCK_CALLOUT && b->callout == PE_CALLOUT_EMERGENCY;
			bool listy = b->kind == PE_BLOCK_LIST || b->kind == PE_BLOCK_STEPS ||
			             b->kind == PE_BLOCK_CHECKLIST || b->kind == PE_BLOCK_CALLOUT;
			if (!listy || b->n_items == 0)
				continue;
			int *page = calloc(b->n_items, sizeof *page);
			assert_non_null(page);
			int at = b->kind == PE_BLOCK_CALLOUT || b->kind == PE_BLOCK_CHECKLIST
			         ? find_from(pages, n, 0, &b->title) : -1;
			int from = at >= 0 ? at : 0;
			size_t inside = 0;   /* items split between their lines */
			for (size_t i = 0; i < b->n_items; i++) {
				page[i] = find_from(pages, n, (size_t)from, &b->items[i].text);
				if (page[i] < 0 && (page[i] = find_split(pages, n, (size_t)from,
				                                         &b->items[i].text)) >= 0) {
					inside++;
					if (b->kind != PE_BLOCK_LIST || b->n_items >= 4)
						FAULT("%s %s %s: item %zu of %zu of a %s is cut between pages %d "
						      "and %d", t->id, lang, tpl, i + 1, b->n_items,
						      kind_name(b->kind), page[i] + 1, page[i] + 2);
				}
				if (page[i] < 0)
					FAULT("%s %s %s: item %zu of %zu of a %s is not on any page", t->id,
					      lang, tpl, i + 1, b->n_items, kind_name(b->kind));
				else
					from = page[i];
			}
			if (emergency && ((at >= 0 && page[b->n_items - 1] != at) ||
			                  page[0] != page[b->n_items - 1]))
				FAULT("%s %s %s: an emergency box starts on page %d and ends on %d",
				      t->id, lang, tpl, (at >= 0 ? at : page[0]) + 1,
				      page[b->n_items - 1] + 1);
			/* runs of items on one page: each at least 2 long when split
			 * between items (a short list may split inside an item) */
			for (size_t i = 0; !inside && i < b->n_items;) {
				size_t j = i;
				while (j < b->n_items && page[j] == page[i])
					j++;
				bool split = i > 0 || j < b->n_items;
				if (split && page[i] >= 0 && j - i < 2)
					FAULT("%s %s %s: a list split leaves %zu item(s) alone on page %d",
					      t->id, lang, tpl, j - i, page[i] + 1);
				i = j;
			}
			free(page);
		}
}

/* Every section heading of t has 2 lines at least of what follows under
 * it on its page (in its column: the half of the page it is in for a
 * bilingual handout). A line is a baseline of text smaller than the
 * heading. */
static void check_headings(const pe_dlist *dl, double bottom, const pe_topic *t, bool bi,
                           const char *lang, const char *tpl)
{
	for (size_t s = 0; s < t->n_sections; s++) {
		char *name = pe_text_plain(&t->sections[s].heading);
		assert_non_null(name);
		bool found = false;
		for (size_t p = 0; p < dl->n_pages && !found; p++) {
			const pe_page *pg = &dl->pages[p];
			for (size_t i = 0; i < pg->n_ops && !found; i++) {
				const pe_op *h = &pg->ops[i];
				if (h->kind != PE_OP_TEXT || h->u.text.face != PE_FACE_BOLD ||
				    strlen(h->u.text.utf8) < 4 ||
				    strncmp(name, h->u.text.utf8, strlen(h->u.text.utf8)) != 0)
					continue;
				found = true;
				bool right = bi && h->x > pg->width / 2;
				double lines[2];
				size_t n = 0;
				for (size_t k = 0; k < pg->n_ops && n < 2; k++) {
					const pe_op *o = &pg->ops[k];
					if (o->kind != PE_OP_TEXT || o->y <= h->y + 1 || o->y > bottom ||
					    o->u.text.size >= h->u.text.size - 0.01 ||
					    (bi && (o->x > pg->width / 2) != right))
						continue;
					bool seen = false;
					for (size_t m = 0; m < n; m++)
						seen |= fabs(lines[m] - o->y) < 0.5;
					if (!seen)
						lines[n++] = o->y;
				}
				if (n < 2)
					FAULT("%s %s %s: the heading \"%s\" ends page %zu with %zu line(s) under it",
					      t->id, lang, tpl, name, p + 1, n);
			}
		}
		free(name);
	}
}

/* The heading of a section in one column of a bilingual page (right: the
 * right half): its first line's op and its last line's baseline. */
static const pe_op *find_heading(const pe_dlist *dl, const char *name, bool right, size_t *page,
                                 double *last)
{
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *h = &pg->ops[i];
			if (h->kind != PE_OP_TEXT || h->u.text.face != PE_FACE_BOLD ||
			    strlen(h->u.text.utf8) < 4 || (h->x > pg->width / 2) != right ||
			    strncmp(name, h->u.text.utf8, strlen(h->u.text.utf8)) != 0)
				continue;
			/* its further lines: bold, the same size, each under the last */
			double y = h->y;
			for (bool more = true; more;) {
				more = false;
				for (size_t k = 0; k < pg->n_ops; k++) {
					const pe_op *o = &pg->ops[k];
					if (o->kind == PE_OP_TEXT && o->u.text.face == PE_FACE_BOLD &&
					    fabs(o->u.text.size - h->u.text.size) < 0.01 &&
					    (o->x > pg->width / 2) == right && o->y > y + 0.5 &&
					    o->y <= y + 1.6 * h->u.text.size && strstr(name, o->u.text.utf8)) {
						y = o->y;
						more = true;
					}
				}
			}
			*page = p;
			*last = y;
			return h;
		}
	}
	return NULL;
}

/* Bilingual: the columns stay in step, a row per heading and its first
 * block. Both languages start each section's heading at the same height,
 * and the first block at the same distance under its own heading's last
 * line: when one heading takes more lines, the shorter side's gap comes
 * after its block, not between its heading and its text. */
static void check_rows(const pe_dlist *dl, const pe_topic *t, const pe_topic *t2,
                       const char *lang, const char *tpl)
{
	size_t n = t->n_sections < t2->n_sections ? t->n_sections : t2->n_sections;
	for (size_t s = 0; s < n; s++) {
		const pe_topic *tt[2] = { t, t2 };
		const pe_op *h[2];
		size_t page[2];
		double last[2], under[2];
		char *name[2];
		for (int c = 0; c < 2; c++) {
			name[c] = pe_text_plain(&tt[c]->sections[s].heading);
			assert_non_null(name[c]);
			h[c] = find_heading(dl, name[c], c == 1, &page[c], &last[c]);
			under[c] = INFINITY;
			if (!h[c])
				continue;
			/* the top of what comes first under the heading in its column */
			const pe_page *pg = &dl->pages[page[c]];
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *o = &pg->ops[i];
				if (o->kind == PE_OP_MARK || o->kind == PE_OP_HIT || o->kind == PE_OP_LINK ||
				    (o->x > pg->width / 2) != (c == 1))
					continue;
				double x0, y0, x1, y1;
				pe_op_bounds(o, &x0, &y0, &x1, &y1);
				if (y0 > last[c] + 0.1 && y0 < under[c])
					under[c] = y0;
			}
		}
		if (!h[0] || !h[1])
			FAULT("%s %s %s: section %zu heading \"%s\" not found", t->id, lang, tpl, s + 1,
			      name[h[0] ? 1 : 0]);
		else if (page[0] != page[1] || fabs(h[0]->y - h[1]->y) > 0.5)
			FAULT("%s %s %s: the headings \"%s\" and \"%s\" start apart (page %zu y %.1f, "
			      "page %zu y %.1f)", t->id, lang, tpl, name[0], name[1], page[0] + 1, h[0]->y,
			      page[1] + 1, h[1]->y);
		else if (fabs((under[0] - last[0]) - (under[1] - last[1])) > 0.5)
			FAULT("%s %s %s: under \"%s\" the text starts %.1f pt below the heading, under "
			      "\"%s\" %.1f pt",
			      t->id, lang, tpl, name[0], under[0] - last[0], name[1], under[1] - last[1]);
		free(name[0]);
		free(name[1]);
	}
}

/* A handout laid out and checked (pe_handout_check: nothing outside the
 * page, no type under the template's minimum), and its body's top and
 * bottom; site may be NULL. */
static pe_dlist *lay_tries(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                           const pe_topic *second, const char *second_lang, const pe_site *site,
                           size_t tries, pe_handout_stats *stats, double *top, double *bottom)
{
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find(tpl_name, &err);
	assert_non_null(tpl);
	pe_handout_req req = { .topics = &t, .n_topics = 1, .lang = lang, .tpl = tpl,
	                       .second = &second, .second_lang = second_lang, .site = site,
	                       .balance_tries = tries, .stats = stats };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl || !pe_handout_check(dl, tpl, &err))
		fail_msg("%s %s %s: %s", t->id, lang, tpl_name, err.msg);
	assert_true(pe_handout_body(f->layout, &req, top, bottom));
	pe_template_destroy(tpl);
	return dl;
}

static pe_dlist *lay_site(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                          const pe_topic *second, const char *second_lang, const pe_site *site,
                          double *top, double *bottom)
{
	return lay_tries(f, tpl_name, t, lang, second, second_lang, site, 0, NULL, top, bottom);
}

/* The emptiest page of dl but the last, how full. */
static double least_fill(const pe_dlist *dl, double top, double bottom)
{
	double least = 1;
	for (size_t p = 0; p + 1 < dl->n_pages; p++)
		least = fmin(least, page_fill(&dl->pages[p], top, bottom));
	return least;
}

/* A handout with a named exception (dl) is the best balancing finds:
 * with no limit on its layouts, the search over where the pages before
 * each hole may end finds no layout with fewer pages under the minimum,
 * nor a fuller emptiest page (the rules it keeps: lists 2 items each
 * side, boxes and emergency lists whole, a heading with 2 lines, no more
 * pages). */
static void check_best(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                       const pe_topic *second, const char *second_lang, const pe_site *site,
                       const pe_dlist *dl, double top, double bottom, const char *what)
{
	pe_handout_stats stats = { 0 };
	double top2, bottom2;
	pe_dlist *all = lay_tries(f, tpl_name, t, lang, second, second_lang, site, 100000, &stats,
	                          &top2, &bottom2);
	double least = least_fill(dl, top, bottom), least2 = least_fill(all, top2, bottom2);
	if (stats.cut_short || all->n_pages != dl->n_pages || least2 > least + 0.005)
		FAULT("%s %s %s: not the best layout: %zu pages, the emptiest %.0f%% full; searching "
		      "every way (%zu layouts%s) gives %zu pages, %.0f%%", t->id, lang, what,
		      dl->n_pages, 100 * least, stats.relayouts,
		      stats.cut_short ? ", cut short" : "", all->n_pages, 100 * least2);
	else
		print_message("(%s %s %s: searched with no limit, %zu layouts: none better)\n",
		              t->id, lang, what, stats.relayouts);
	pe_dlist_destroy(all);
}

static pe_dlist *lay(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                     const pe_topic *second, const char *second_lang, double *top,
                     double *bottom)
{
	return lay_site(f, tpl_name, t, lang, second, second_lang, NULL, top, bottom);
}

static void whole_set(void **state)
{
	fx *f = *state;
	const char *data = getenv("PE_DATADIR");
	if (!data || !*data) {
		print_message("PE_DATADIR not set: no staged content\n");
		skip();
	}
	static const char *const langs[] = { "en", "es" };
	static const char *const tpls[] = { "letter", "a4", "large-print", "large-print-a4",
	                                     "bilingual" };
	enum { N_TPL = sizeof tpls / sizeof *tpls };
	pe_library *lib[2];
	for (size_t li = 0; li < 2; li++) {
		char sub[PATH_MAX];
		pe_error err = { { 0 } };
		snprintf(sub, sizeof sub, "%s/content/%s", data, langs[li]);
		if (!(lib[li] = pe_library_load(sub, langs[li], f->schema, &err)))
			fail_msg("%s", err.msg);
	}
	failures = 0;
	size_t handouts = 0;
	/* with and without a site file (its footer, on every page, is taller) */
	pe_site *riverside = riverside_site();
	for (int with_site = 0; with_site < 2; with_site++) {
	const pe_site *site = with_site ? riverside : NULL;
	print_message("%s\n", with_site ? "with a site file (the clinic's phones on every page):"
	                                : "without a site file:");
	print_message("%-22s %-4s %7s %4s %12s %15s %10s\n", "topic", "lang", "letter", "a4",
	              "large-print", "large-print-a4", "bilingual");
	for (size_t li = 0; li < 2; li++) {
		const char *lang = langs[li], *other = langs[1 - li];
		for (size_t ti = 0; ti < pe_library_count(lib[li]); ti++) {
			const pe_topic *t = pe_library_topic(lib[li], ti);
			if (t->kind == PE_TOPIC_CARD)
				continue;
			const pe_topic *t2 = pe_library_find(lib[1 - li], t->id);
			size_t count[N_TPL] = { 0 };
			for (size_t k = 0; k < N_TPL; k++) {
				bool bi = strcmp(tpls[k], "bilingual") == 0;
				if (bi && !t2)
					continue;
				double top, bottom;
				pe_dlist *dl = lay_site(f, tpls[k], t, lang, bi ? t2 : NULL,
				                        bi ? other : NULL, site, &top, &bottom);
				char what[48];
				snprintf(what, sizeof what, "%s%s%s%s", tpls[k], bi ? "+" : "", bi ? other : "",
				         site ? " (site)" : "");
				for (size_t p = 0; site && p < dl->n_pages; p++)
					if (!page_find_text(&dl->pages[p], "555-0100"))
						FAULT("%s %s %s: page %zu does not give the clinic's phone", t->id,
						      lang, what, p + 1);
				size_t allowed = check_fill(dl, top, bottom, t->id, lang, what);
				pe_error terr = { { 0 } };
				pe_template *tp = pe_template_find(tpls[k], &terr);
				assert_non_null(tp);
				allowed += check_end(dl, top, bottom, tp->body, t->id, lang, what);
				check_running_title(dl, top, t, tp->header & PE_EL_TITLE, lang, what);
				if (allowed)
					check_best(f, tpls[k], t, lang, bi ? t2 : NULL, bi ? other : NULL, site,
					           dl, top, bottom, what);
				check_sources_gap(dl, top, tp->body, lang, bi, t->id, what);
				if (bi)
					check_sources_gap(dl, top, tp->body, other, bi, t->id, what);
				pe_template_destroy(tp);
				char **pages = page_texts(dl);
				check_splits(pages, dl->n_pages, t, lang, what);
				check_headings(dl, bottom, t, bi, lang, what);
				if (bi)
					check_headings(dl, bottom, t2, bi, other, what);
				if (bi)
					check_splits(pages, dl->n_pages, t2, other, what);
				if (bi)
					check_rows(dl, t, t2, lang, what);
				free_pages(pages, dl->n_pages);
				count[k] = dl->n_pages;
				handouts++;
				pe_dlist_destroy(dl);
			}
			print_message("%-22s %-4s %7zu %4zu %12zu %15zu %10zu\n", t->id, lang, count[0],
			              count[1], count[2], count[3], count[4]);
		}
	}
	}
	pe_site_destroy(riverside);
	pe_library_destroy(lib[0]);
	pe_library_destroy(lib[1]);
	print_message("%zu handout(s) checked, %d fault(s)\n", handouts, failures);
	assert_true(handouts >= 16);
	assert_int_equal(failures, 0);
}

/* A long (non-emergency) callout after 0-9 paragraphs: wherever the page
 * ends, it splits only between items, 2 at least on each side, and each
 * piece is a box of its own around its items (a plain rectangle cut with
 * the page). It used to go whole to the next page, leaving a hole. */
static void long_callout_splits_into_boxes(void **state)
{
	fx *f = *state;
	size_t splits = 0;
	for (size_t fill = 0; fill <= 9; fill++) {
		pe_topic *t = topic("callout", 1, fill);
		pe_section *sec = &t->sections[0];
		pe_block *grown = realloc(sec->blocks, (sec->n_blocks + 1) * sizeof *grown);
		assert_non_null(grown);
		sec->blocks = grown;
		pe_block *b = &sec->blocks[sec->n_blocks++];
		*b = (pe_block){ .kind = PE_BLOCK_CALLOUT, .callout = PE_CALLOUT_INFO, .n_items = 8 };
		b->title = text1("Before you go home", PE_RUN_PLAIN);
		b->items = calloc(8, sizeof *b->items);
		assert_non_null(b->items);
		for (size_t i = 0; i < 8; i++) {
			char s[128];
			snprintf(s, sizeof s, "c%zuw Drink 8 cups of water and rest for 2 days after it.", i);
			b->items[i].text = text1(s, PE_RUN_PLAIN);
			b->items[i].bullet = true;
		}
		double top, bottom;
		pe_dlist *dl = lay(f, "letter", t, "en", NULL, NULL, &top, &bottom);
		int page[8];
		for (size_t i = 0; i < 8; i++) {
			char mark[8];
			snprintf(mark, sizeof mark, "c%zuw", i);
			page[i] = -1;
			for (size_t p = 0; p < dl->n_pages && page[i] < 0; p++) {
				const pe_op *op = page_find_text(&dl->pages[p], mark);
				if (!op)
					continue;
				page[i] = (int)p;
				/* inside a plain box on its page */
				bool boxed = false;
				for (size_t k = 0; k < dl->pages[p].n_ops && !boxed; k++) {
					const pe_op *r = &dl->pages[p].ops[k];
					boxed = r->kind == PE_OP_RECT && r->u.rect.radius <= 0 && r->w > 100 &&
					        r->y <= op->y - op->u.text.ascent &&
					        r->y + r->h >= op->y + op->u.text.descent;
				}
				if (!boxed)
					fail_msg("fill %zu: callout item %zu outside a box on page %zu", fill, i,
					         p + 1);
			}
			assert_true(page[i] >= 0);
		}
		size_t first = 0;
		while (first < 8 && page[first] == page[0])
			first++;
		if (first < 8) {
			splits++;
			assert_true(first >= 2 && 8 - first >= 2);
			assert_int_equal(page[7], page[0] + 1);
		}
		pe_dlist_destroy(dl);
		pe_topic_destroy(t);
	}
	assert_true(splits > 0);
}

/* Pages of dl under MIN_FILL full but its last (one topic). */
static size_t holes_in(const pe_dlist *dl, double top, double bottom)
{
	size_t n = 0;
	for (size_t p = 0; p + 1 < dl->n_pages; p++)
		n += page_fill(&dl->pages[p], top, bottom) < MIN_FILL;
	return n;
}

/* A page the greedy fill leaves under 75% full (a list that never
 * splits did not fit under what it holds) fills from the page before:
 * that page ends a line or more higher and gives it its last lines.
 * Over topics of 1-12 paragraphs a section, each ending in a 3-item list
 * that cannot split, in large print: balancing leaves no more holes than the greedy fill
 * made, fixes some, and its count of what is left is what the pages
 * show. */
static void a_hole_fills_from_the_page_before(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	size_t fixed = 0, cases = 0;
	for (size_t secs = 2; secs <= 3; secs++)
		for (size_t m = 1; m <= 12; m++) {
			pe_topic *t = topic_of_long_lists("hole", secs, m);
			for (size_t ti = 0; ti < 2; ti++) {
				const char *name = ti ? "large-print-a4" : "large-print";
				pe_template *tpl = pe_template_find(name, &err);
				assert_non_null(tpl);
				pe_handout_stats stats = { 9, 9, 9, 9 };
				const pe_topic *tt = t;
				pe_handout_req req = { .topics = &tt, .n_topics = 1, .lang = "en", .tpl = tpl,
				                       .stats = &stats };
				pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
				if (!dl)
					fail_msg("%zu sections of %zu paragraphs, %s: %s", secs, m, name, err.msg);
				assert_true(pe_handout_check(dl, tpl, &err));
				double top, bottom;
				assert_true(pe_handout_body(f->layout, &req, &top, &bottom));
				size_t seen = holes_in(dl, top, bottom);
				if (stats.holes_after > stats.holes_before || seen != stats.holes_after ||
				    (stats.holes_before == 0 && stats.relayouts != 0))
					fail_msg("%zu sections of %zu paragraphs, %s: %zu hole(s) before "
					         "balancing, %zu after (%zu seen), %zu relayouts",
					         secs, m, name, stats.holes_before, stats.holes_after, seen,
					         stats.relayouts);
				fixed += stats.holes_before - stats.holes_after;
				cases += stats.holes_before > 0;
				pe_dlist_destroy(dl);
				pe_template_destroy(tpl);
			}
			pe_topic_destroy(t);
		}
	print_message("balancing: %zu case(s) with holes, %zu hole(s) filled\n", cases, fixed);
	assert_true(fixed > 0);
}

/* The page of the first text op holding needle, or -1. */
static int page_with(const pe_dlist *dl, const char *needle)
{
	for (size_t p = 0; p < dl->n_pages; p++)
		if (page_find_text(&dl->pages[p], needle))
			return (int)p;
	return -1;
}

/* A short paragraph (no colon) directly above a box, further down a
 * section, says something of its own: it stays where it fits and the box
 * (which goes whole or splits at its own breaks) moves alone. Taken for
 * a lead-in, it was dragged to the next page with the box and left a
 * hole where it would have fitted. The filler grows one paragraph at a
 * time, so the box reaches the bottom of page 1 in some run. */
static void short_paragraph_above_a_box_stays(void **state)
{
	fx *f = *state;
	static const char *const shorts[] = {
		"Shortpara Most reactions are mild and stop when the drip is slowed.",
		"Shortpara Most reactions are mild and stop when the drip is slowed down or paused "
		"for a while; your nurse watches you the whole time and knows what to do.",
	};
	size_t moved = 0;
	for (size_t si = 0; si < 2; si++)
		for (size_t m = 2; m <= 14; m++) {
			pe_topic *t = topic("drag", 1, m + 3);
			pe_section *sec = &t->sections[0];
			pe_block *end = &sec->blocks[m], *para = &sec->blocks[m + 1], *b = &sec->blocks[m + 2];
			char buf[2048];
			snprintf(buf, sizeof buf, "%s Endmark.", lorem);
			free(end->text.runs[0].text);
			end->text.runs[0].text = strdup(buf);
			free(para->text.runs[0].text);
			para->text.runs[0].text = strdup(shorts[si]);
			make_callout(b, 6);
			double top, bottom;
			pe_dlist *dl = lay(f, "letter", t, "en", NULL, NULL, &top, &bottom);
			int end_p = page_with(dl, "Endmark"), para_p = page_with(dl, "Shortpara"),
			    box_p = page_with(dl, "Calloutline");
			assert_true(end_p >= 0 && para_p >= 0 && box_p >= 0);
			if (box_p > end_p)
				moved++;
			if (para_p > end_p) {
				/* dragged: how much room was left under the text before it,
				 * and how tall is it */
				const pe_page *pg = &dl->pages[end_p];
				double low = top;
				for (size_t i = 0; i < pg->n_ops; i++) {
					double x0, y0, x1, y1;
					pe_op_bounds(&pg->ops[i], &x0, &y0, &x1, &y1);
					if (pg->ops[i].kind == PE_OP_TEXT && y1 <= bottom + 1 && y1 > low)
						low = y1;
				}
				const pe_page *pp = &dl->pages[para_p];
				double p0 = INFINITY, p1 = -INFINITY;
				for (size_t i = 0; i < pp->n_ops; i++)
					if (pp->ops[i].kind == PE_OP_TEXT &&
					    (strstr(pp->ops[i].u.text.utf8, "Shortpara") ||
					     (pp->ops[i].y > p0 && pp->ops[i].y < p0 + 40 &&
					      !strstr(pp->ops[i].u.text.utf8, "Callout")))) {
						double x0, y0, x1, y1;
						pe_op_bounds(&pp->ops[i], &x0, &y0, &x1, &y1);
						p0 = fmin(p0, y0);
						p1 = fmax(p1, y1);
					}
				if (bottom - low > (p1 - p0) + 2 * 13)
					fail_msg("%zu filler paragraphs: the short paragraph went to page %d with "
					         "the box, leaving %.0f pt under the text before it on page %d "
					         "(it needs %.0f)",
					         m, para_p + 1, bottom - low, end_p + 1, p1 - p0);
			}
			pe_dlist_destroy(dl);
			pe_topic_destroy(t);
		}
	assert_true(moved > 0);
}

/* Balancing a long topic with many holes fills them all, one after the
 * other, each from the pages before it: 40 sections of 8 paragraphs and
 * a list that never splits, in large print on A4, 91 pages with 10 holes
 * (the hill climb left 2; a search over the ends of every page of the
 * topic at once spent its layouts on the last holes). */
static void many_holes_in_a_long_topic_fill(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_topic *t = topic_of_long_lists("many", 40, 8);
	pe_template *tpl = pe_template_find("large-print-a4", &err);
	assert_non_null(tpl);
	pe_handout_stats stats = { 0 };
	const pe_topic *tt = t;
	pe_handout_req req = { .topics = &tt, .n_topics = 1, .lang = "en", .tpl = tpl,
	                       .stats = &stats };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl)
		fail_msg("%s", err.msg);
	double top, bottom;
	assert_true(pe_handout_body(f->layout, &req, &top, &bottom));
	size_t seen = holes_in(dl, top, bottom);
	print_message("%zu pages: %zu hole(s) before balancing, %zu after (%zu seen), "
	              "%zu layouts more\n", dl->n_pages, stats.holes_before, stats.holes_after, seen,
	              stats.relayouts);
	assert_true(stats.holes_before >= 10);
	assert_int_equal(seen, stats.holes_after);
	assert_int_equal(stats.holes_after, 0);
	pe_dlist_destroy(dl);
	pe_template_destroy(tpl);
	pe_topic_destroy(t);
}

/* A block of a random kind: a paragraph of 1-3 lorems or one line, a
 * list of 2-8 items (of one or 3 lines), or a callout of 2-10 items. */
static pe_block random_block(unsigned *seed)
{
	int r = rand_r(seed) % 10;
	if (r < 5) {
		char buf[4096] = "";
		int reps = 1 + rand_r(seed) % 3;
		for (int i = 0; i < reps; i++)
			strcat(buf, lorem);
		if (rand_r(seed) % 3 == 0)
			snprintf(buf, sizeof buf, "A short paragraph of a line or so.");
		return paragraph(buf);
	}
	if (r < 8) {
		size_t n = 2 + rand_r(seed) % 7;
		pe_block b = list(n);
		if (rand_r(seed) % 2)
			for (size_t i = 0; i < n; i++) {
				free(b.items[i].text.runs[0].text);
				b.items[i].text.runs[0].text =
					strdup("Call your care team if you have a fever of 100.4 F (38 C) "
					       "or higher, chills and shaking, or a rash that spreads.");
				assert_non_null(b.items[i].text.runs[0].text);
			}
		return b;
	}
	pe_block b = paragraph("x");
	make_callout(&b, 2 + (size_t)(rand_r(seed) % 9));
	return b;
}

/* Random topics (1-8 sections of 1-8 random blocks, every template, with
 * and without a site file) balance to no more holes than the greedy fill
 * left, and pass the layout check, some with a limit of 200 layouts. (A
 * review found, under AddressSanitizer, that the search went on into
 * layouts 2 pages longer than the greedy fill and wrote a page's cut past
 * the end of the cuts; it now stops at any layout longer than that.) */
static void random_topics_balance(void **state)
{
	fx *f = *state;
	pe_site *site = riverside_site();
	static const char *const tpls[] = { "letter", "a4", "large-print", "large-print-a4",
	                                    "bilingual" };
	static const struct { unsigned from, n; size_t tries; } runs[] = {
		{ 0, 40, 0 }, { 15000, 5, 200 }, { 1918, 1, 0 },
	};
	size_t fixed = 0, cases = 0;
	for (size_t r = 0; r < sizeof runs / sizeof *runs; r++)
		for (unsigned sd = runs[r].from; sd < runs[r].from + runs[r].n; sd++) {
			unsigned seed = sd * 7919 + 1;
			size_t secs = 1 + (size_t)(rand_r(&seed) % 8);
			pe_topic *t = topic("random", secs, 1);
			for (size_t s = 0; s < secs; s++) {
				pe_section *sec = &t->sections[s];
				size_t nb = 1 + (size_t)(rand_r(&seed) % 8);
				pe_block *v = calloc(sec->n_blocks + nb, sizeof *v);
				assert_non_null(v);
				memcpy(v, sec->blocks, sec->n_blocks * sizeof *v);
				for (size_t i = 0; i < nb; i++)
					v[sec->n_blocks + i] = random_block(&seed);
				free(sec->blocks);
				sec->blocks = v;
				sec->n_blocks += nb;
			}
			size_t k = (size_t)(rand_r(&seed) % 5);
			bool with_site = rand_r(&seed) % 2;
			pe_error err = { { 0 } };
			pe_template *tpl = pe_template_find(tpls[k], &err);
			assert_non_null(tpl);
			pe_handout_stats stats = { 0 };
			const pe_topic *tt = t;
			pe_handout_req req = { .topics = &tt, .n_topics = 1, .lang = "en", .tpl = tpl,
			                       .second = &tt, .second_lang = "es",
			                       .site = with_site ? site : NULL,
			                       .balance_tries = runs[r].tries, .stats = &stats };
			pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
			if (!dl || !pe_handout_check(dl, tpl, &err))
				fail_msg("seed %u, %s: %s", sd, tpls[k], err.msg);
			if (stats.holes_after > stats.holes_before)
				fail_msg("seed %u, %s: %zu hole(s) before balancing, %zu after", sd,
				         tpls[k], stats.holes_before, stats.holes_after);
			fixed += stats.holes_before - stats.holes_after;
			cases += stats.holes_before > 0;
			pe_dlist_destroy(dl);
			pe_template_destroy(tpl);
			pe_topic_destroy(t);
		}
	print_message("random topics: %zu with holes, %zu hole(s) filled\n", cases, fixed);
	pe_site_destroy(site);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_set),
		cmocka_unit_test(long_callout_splits_into_boxes),
		cmocka_unit_test(short_paragraph_above_a_box_stays),
		cmocka_unit_test(a_hole_fills_from_the_page_before),
		cmocka_unit_test(many_holes_in_a_long_topic_fill),
		cmocka_unit_test(random_topics_balance),
	};
	return cmocka_run_group_tests(tests, handout_setup, handout_teardown);
}
