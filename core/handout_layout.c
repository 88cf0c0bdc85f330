/* SPDX-License-Identifier: MIT */
/*
 * handout_layout.c - pe_handout_layout and pe_handout_write (handout.h):
 * each topic in turn, title, then its sections in handout order (the
 * "when to get help" section first), a heading only where the start of
 * what follows fits under it, and the end of the topic (handout_end.c);
 * header and footer last, when the page count is known; the wallet card
 * instead (wallet.c) for its template. The units come from handout.c and
 * go onto pages through the paginator (paginate.h).
 *
 * The top of the handout composition: nothing else in core calls into it
 * but the public API. It never measures text itself or paints.
 */
#include "alloc.h"
#include "cairo_pdf.h"
#include "handout_priv.h"
#include "validate.h"

#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf.h"

/* "A" or, bilingual, "A / B" (the same text once when both say it). */
static void append_both(GString *out, const char *a, const char *b)
{
	g_string_append(out, a ? a : "");
	if (b && a && strcmp(a, b) != 0)
		g_string_append_printf(out, " / %s", b);
}


/* ---- topics ------------------------------------------------------------ */

void pe_flow_dir(pe_flow *f, const char *lang)
{
	if (f->tpl->kind == PE_TEMPLATE_BILINGUAL)
		pe_layout_set_rtl(f->layout, pe_lang_rtl(lang));
}

static void mirror_column(pe_column *c, double x0, double x1)
{
	if (!c->d)
		return;
	pe_page_mirror_span(pe_column_page(c), x0, x1);
	for (size_t k = 0; c->cont && k < c->n_breaks; k++)
		mirror_column(&c->cont[k], x0, x1);
}

/* Bilingual: each column in a right-to-left language mirrored within
 * itself (before it goes on a page). */
static void mirror_columns(const pe_cols_geom *g, pe_column *cols)
{
	for (size_t i = 0; g->n > 1 && i < g->n; i++)
		if (pe_lang_rtl(g->lang[i]))
			mirror_column(&cols[i], g->x[i], g->x[i] + g->w[i]);
}

/* Whether a bilingual unit has a right-to-left column: its pictures do
 * not float (the floated part goes on the page without the column's own
 * mirroring, pe_flow_place). */
static bool rtl_column(const pe_cols_geom *g)
{
	for (size_t i = 0; g->n > 1 && i < g->n; i++)
		if (pe_lang_rtl(g->lang[i]))
			return true;
	return false;
}

bool pe_flow_place(pe_flow *f, const pe_cols_geom *g, pe_column *cols, double gap_after)
{
	mirror_columns(g, cols);
	return pe_pager_place(&f->pager, cols, g->n, gap_after);
}

static bool empty_column(pe_flow *f, pe_column *c)
{
	if (!pe_column_init(c, f->tpl->width, f->tpl->height))
		return pe_flow_oom(f);
	c->h = 0;
	return true;
}

/* Section s in handout order: the section holding the topic's "when to
 * get help" block comes first, right under the title (content puts it
 * first anyway; this keeps it on page 1 or 2 whatever a file does), the
 * others keep their order. NULL past the end. */
static const pe_section *section_at(const pe_topic *t, size_t s)
{
	if (s >= t->n_sections)
		return NULL;
	size_t gh;
	if (!pe_topic_gethelp(t, &gh) || s > gh)
		return &t->sections[s];
	return &t->sections[s == 0 ? gh : s - 1];
}

/* Whether the start of block k of section s (b, a column per language)
 * fits on this page under `above`: the start of it, or for a lead-in
 * (pe_flow_lead_in) all of it and the start of the block it introduces,
 * lead_gap under it. *need: how much room it lacks (0 when it fits).
 * *laid false (err set) when out of memory. */
static bool start_fits(pe_flow *f, const pe_cols_geom *g, size_t s, size_t k, pe_column *b,
                       bool lead, double above, double lead_gap, double *need, bool *laid)
{
	size_t n = g->n;
	double room = f->pager.limit - (f->pager.y + above);
	*laid = true;
	*need = 0;
	if (!lead) {
		bool fits = pe_pager_start_fits(&f->pager, b, n, room);
		if (!fits)
			*need = pe_pager_start_height(b, n) - room;
		return fits;
	}
	double lead_h = 0;
	for (size_t i = 0; i < n; i++)
		lead_h = fmax(lead_h, b[i].h);
	pe_column nx[2] = { 0 };
	for (size_t i = 0; *laid && i < n; i++) {
		const pe_section *sec = section_at(g->t[i], s);
		pe_flow_dir(f, g->lang[i]);
		*laid = sec && k + 1 < sec->n_blocks
		        ? pe_flow_block_column(f, &nx[i], &sec->blocks[k + 1], g->lang[i], g->x[i], g->w[i])
		        : empty_column(f, &nx[i]);
	}
	bool fits = *laid && lead_h <= room + EPS &&
	            pe_pager_start_fits(&f->pager, nx, n, room - lead_h - lead_gap);
	if (*laid && !fits)
		*need = lead_h + lead_gap + pe_pager_start_height(nx, n) - room;
	pe_columns_finish(nx, n);
	return fits;
}

static bool layout_topic(pe_flow *f, const pe_cols_geom *g)
{
	pe_column a[2] = { 0 }, b[2] = { 0 };
	bool ok = false;
	size_t n = g->n;

	if (!f->pager.fresh && !pe_pager_new_page(&f->pager))
		return false;
	f->pager.page_tag[f->pager.page] = f->pager.tag;
	f->end_alone = false;

	/* The outline names both languages of a bilingual handout. */
	GString *mark = g_string_new(NULL);
	append_both(mark, g->t[0]->title, n > 1 ? g->t[1]->title : NULL);
	for (size_t i = 0; i < n; i++) {
		pe_flow_dir(f, g->lang[i]);
		if (!pe_flow_title_column(f, &a[i], g->t[i], g->x[i], g->w[i], i == 0 ? mark->str : NULL,
		                  n > 1 ? pe_i18n_native_name(g->lang[i]) : NULL, g->lang[i])) {
			g_string_free(mark, TRUE);
			goto out;
		}
	}
	g_string_free(mark, TRUE);
	if (!pe_flow_place(f, g, a, f->st.section_gap))
		goto out;
	pe_columns_finish(a, n);

	size_t n_sec = g->t[0]->n_sections;
	for (size_t i = 1; i < n; i++)
		n_sec = n_sec > g->t[i]->n_sections ? n_sec : g->t[i]->n_sections;
	for (size_t s = 0; s < n_sec; s++) {
		/* (handout_end.c) the care-team box when it did not fit under the title */
		if (s == 1 && !pe_flow_care_late(f, g))
			goto out;
		/* Heading and first block of the section, in every column. */
		size_t n_blocks = 0;
		char *names[2] = { NULL, NULL };
		for (size_t i = 0; i < n; i++)
			if (s < g->t[i]->n_sections &&
			    !(names[i] = pe_text_plain(&section_at(g->t[i], s)->heading))) {
				free(names[0]);
				goto out_oom;
			}
		GString *smark = g_string_new(NULL);
		if (names[0])
			append_both(smark, names[0], names[1]);
		else if (names[1])
			g_string_append(smark, names[1]);
		free(names[0]);
		free(names[1]);
		for (size_t i = 0; i < n; i++) {
			const pe_section *sec = section_at(g->t[i], s);
			pe_flow_dir(f, g->lang[i]);
			if (sec ? !pe_flow_heading_column(f, &a[i], sec, g->x[i], g->w[i],
			                          i == 0 || (i == 1 && !a[0].d->pages[0].n_ops) ? smark->str : NULL)
			        : !empty_column(f, &a[i])) {
				g_string_free(smark, TRUE);
				goto out;
			}
			if (sec && sec->n_blocks > n_blocks)
				n_blocks = sec->n_blocks;
		}
		g_string_free(smark, TRUE);
		double head_h = 0;
		for (size_t i = 0; i < n; i++)
			head_h = fmax(head_h, a[i].h);
		for (size_t k = 0; k < n_blocks; k++) {
			bool lead = false;
			for (size_t i = 0; i < n; i++) {
				const pe_section *sec = section_at(g->t[i], s);
				bool has = sec && k < sec->n_blocks;
				pe_flow_dir(f, g->lang[i]);
				if (has ? !pe_flow_block_column(f, &b[i], &sec->blocks[k], g->lang[i], g->x[i], g->w[i])
				        : !empty_column(f, &b[i]))
					goto out;
				lead |= has && k + 1 < sec->n_blocks &&
				        pe_flow_lead_in(&b[i], &sec->blocks[k], &sec->blocks[k + 1], k == 0);
			}
			/* What must fit under the heading (or alone, further down):
			 * the start of this block, or all of a lead-in and the start
			 * of the block it introduces. */
			double gap = f->st.body_size * 0.35;
			/* The first section follows the title, which was placed
			 * with a section gap after it already: no second gap
			 * (the "when to get help" box needs that room on page 1). */
			double sec_gap = s == 0 ? 0 : f->st.section_gap;
			/* (the space above a section may shrink: it goes on the
			 * page first, and is dropped with the page's other spaces
			 * when the section starts on the next page) */
			if (k == 0 && !f->pager.fresh && !pe_pager_space(&f->pager, sec_gap))
				goto out;
			double above = k == 0 ? head_h + gap : 0;
			/* The spaces on this page may give up half of themselves (a
			 * typesetter's shrinkable glue) rather than let the block
			 * turn the page: what is on the page moves up, the block
			 * comes that much closer to it. A lead-in's own space to
			 * its block shrinks when that block is placed. */
			double slack = f->pager.fresh ? 0 : pe_pager_slack(&f->pager);
			double lead_slack = lead ? 0.5 * f->st.block_gap : 0;
			bool laid;
			double need;
			bool fits = start_fits(f, g, s, k, b, lead, above, f->st.block_gap, &need, &laid);
			if (laid && !fits && slack > EPS && need <= slack + lead_slack + EPS) {
				double need2;
				fits = start_fits(f, g, s, k, b, lead, above - slack,
				                  f->st.block_gap - lead_slack, &need2, &laid);
				if (fits)
					pe_pager_squeeze(&f->pager, fmin(need + EPS, slack));
			}
			if (!laid)
				goto out;
			/* A lead-in that ends its sentence stays rather than leave
			 * a hole where it fits (the block it introduces turns the page). */
			if (lead && !fits && n == 1 && pe_pager_fill(&f->pager) < PE_PAGINATE_MIN_FILL &&
			    pe_flow_lead_may_stay(&b[0], &section_at(g->t[0], s)->blocks[k]) &&
			    pe_pager_start_fits(&f->pager, b, n, f->pager.limit - (f->pager.y + above))) {
				lead = false;
				fits = true;
			}
			/* A picture that does not fit may float to the top of the
			 * next page, the text after it in its block filling this one. */
			if (!fits && !lead && !rtl_column(g) &&
			    !pe_pager_float(&f->pager, b, n, f->pager.limit - (f->pager.y + above), 0, &fits))
				goto out;
			/* A phone card further down a section may wait whole for
			 * the top of the next page, the sections after it filling
			 * this one (it repeats a number the text has given); a
			 * section's space parts it from what follows there. */
			if (!fits && !lead && k > 0 &&
			    pe_pager_box_waits(&f->pager, b, n, f->pager.limit - f->pager.y)) {
				mirror_columns(g, b);
				if (!pe_pager_float_box(&f->pager, b, n, f->st.section_gap))
					goto out;
				pe_columns_finish(b, n);
				continue;
			}
			if (k == 0) {
				/* Never a heading at the bottom of a page: it goes
				 * only where the start of its first block fits too
				 * (its first block after a short lead-in). */
				if (!f->pager.fresh && !fits && !pe_pager_new_page(&f->pager))
					goto out;
				/* One row: in each column the heading and its first
				 * block, so both languages start the row together and
				 * the shorter side's gap comes after its text, not
				 * between its heading and text (bilingual). */
				for (size_t i = 0; i < n; i++)
					if (!pe_column_append(&a[i], &b[i], a[i].h + gap))
						goto out_oom;
				if (!pe_flow_place(f, g, a, f->st.block_gap))
					goto out;
				pe_columns_finish(a, n);
				pe_columns_finish(b, n);
				continue;
			} else if (lead && !f->pager.fresh && !fits && !pe_pager_new_page(&f->pager)) {
				goto out;
			}
			if (!pe_flow_place(f, g, b, f->st.block_gap))
				goto out;
			pe_columns_finish(b, n);
		}
		pe_columns_finish(a, n);
		/* a floated picture stays in its own section (a box may go on) */
		if (!f->pager.flt_box && !pe_pager_flush_float(&f->pager))
			goto out;
	}
	/* a box still waiting goes before the end of the topic */
	if (!pe_pager_flush_float(&f->pager))
		goto out;

	if (f->tpl->care_team || (f->tpl->footer & PE_EL_SOURCES)) {
		/* The care-team box and the sources end the topic as one unit:
		 * stacked when that fits on the page; else side by side (the
		 * sources in a narrow column beside a narrower box) when that
		 * fits; else stacked on the next page. Never the sources alone
		 * on a last page. */
		/* (less what is pending already beyond a block's space: a
		 * phone card that waited to the end left a section's space) */
		double extra = f->tpl->care_team ? f->st.section_gap - f->st.block_gap : f->st.block_gap;
		double pending = f->pager.y - f->pager.low;
		if (!f->pager.fresh && pending > f->st.block_gap + EPS)
			extra = fmax(0, extra - (pending - f->st.block_gap));
		if (!pe_pager_space(&f->pager, extra))
			goto out;
		/* (the sources squeeze the page's spaces themselves to stay) */
		if (!pe_flow_end_units(f, g, a, false))
			goto out;
		double avail = f->pager.limit - f->pager.y;
		double h = 0;
		for (size_t i = 0; i < n; i++)
			h = fmax(h, a[i].h);
		if (h > avail + EPS && !f->pager.fresh && f->tpl->care_team &&
		    (f->tpl->footer & PE_EL_SOURCES)) {
			pe_column sbs[2] = { 0 };
			if (!pe_flow_end_units(f, g, sbs, true)) {
				pe_columns_finish(sbs, 2);
				goto out;
			}
			double h2 = 0;
			for (size_t i = 0; i < n; i++)
				h2 = fmax(h2, sbs[i].h);
			if (h2 <= avail + EPS && h2 < h) {
				pe_columns_finish(a, n);
				memcpy(a, sbs, sizeof sbs);
			} else {
				pe_columns_finish(sbs, 2);
			}
		}
		size_t page = f->pager.page;
		if (!pe_flow_place(f, g, a, f->st.block_gap))
			goto out;
		/* (any of it on a page after: that page holds nothing else) */
		f->end_alone = f->pager.page > page;
		pe_columns_finish(a, n);
	}
	ok = true;
	goto out;
out_oom:
	pe_flow_oom(f);
out:
	/* the header and footer left to right (a bilingual page is not
	 * mirrored whole) */
	if (n > 1)
		pe_layout_set_rtl(f->layout, false);
	pe_columns_finish(a, 2);
	pe_columns_finish(b, 2);
	return ok;
}

/* ---- balancing --------------------------------------------------------- */

/* At most this many layouts more of a topic (each a whole layout of it),
 * unless the request says otherwise. */
#define BALANCE_TRIES 24

/* Pages of the topic that began on page start, its last page aside, that
 * are under PE_PAGINATE_MIN_FILL full, and its last page when the end of
 * the topic (its sources) went there alone: how many, the first (*first),
 * how full the emptiest of those pages is (*least), and (hole, unless
 * NULL, one per page of the display list) which. */
static size_t count_holes(const pe_flow *f, size_t start, size_t *first, double *least,
                          bool *hole)
{
	const pe_pager *p = &f->pager;
	size_t n = 0;
	*first = SIZE_MAX;
	*least = 1;
	for (size_t k = start; k <= p->page; k++) {
		bool is = f->end_alone && k == p->page;
		if (k < p->page) {
			double fill = pe_pager_drawn_fill(p, k);
			*least = fmin(*least, fill);
			is = fill < PE_PAGINATE_MIN_FILL - 1e-9;
		}
		if (is && !n++)
			*first = k;
		if (hole)
			hole[k] = is;
	}
	return n;
}

/* Lay out the topic that began on page start again, from a fresh page. */
static bool relayout(pe_flow *f, const pe_cols_geom *g, size_t start, size_t continued)
{
	pe_dlist_truncate(f->pager.dl, start);
	f->pager.continued = continued;
	if (!pe_pager_new_page(&f->pager))
		return false;
	return layout_topic(f, g);
}

/* Where a page ended, as tried: what went on the pages up to it, and the
 * holes among them and how full the emptiest was. */
typedef struct page_end {
	size_t page, ops, holes;
	double fill, least;
} page_end;

/* A hole fills from the pages before it, this many at most (a page that
 * ends higher further back moves every page in between). */
#define BALANCE_WINDOW 4

/* The search of balance_topic. Indexes of cut, base, best and hole are
 * the display list's pages; the topic's are start .. pages - 1. */
typedef struct balance {
	pe_flow *f;
	const pe_cols_geom *g;
	size_t start, continued;    /* where the topic began */
	size_t pages, splits;       /* the greedy fill's: never more */
	double *cut;                /* the pages' cuts being tried (the pager's) */
	double *base;               /* the cuts a search starts from (the best's then) */
	double *best;               /* the cuts of the best layout yet */
	bool *hole;                 /* its pages under the minimum (or its last
	                               page, the sources alone there) */
	bool alone;                 /* its sources alone on its last page */
	size_t holes;               /* its holes, and how full its emptiest page is */
	double least;
	bool in_dl;                 /* it is the layout in the display list */
	size_t lo, hi;              /* the pages whose ends this search tries */
	bool filled;                /* the hole it is after (page hi + 1) is filled */
	page_end *seen;             /* page ends whose pages after were tried */
	size_t n_seen, cap_seen;
	size_t tries, most;         /* layouts taken, and the most it may */
	bool cut_short;             /* a way was left untried for want of layouts */
} balance;

/* Lay the topic out again with the cuts tried. */
static bool try_cuts(balance *b)
{
	b->tries++;
	b->in_dl = false;
	if (b->f->req->stats)
		b->f->req->stats->relayouts++;
	return relayout(b->f, b->g, b->start, b->continued);
}

/* Whether a layout beats the best yet: the sources not alone on the last
 * page when they are there (they never take a page of their own: worse
 * than any page under the minimum), else fewer holes (such pages, and the
 * sources alone), or as many and a fuller emptiest page (by half a
 * percent, so that a hair is no reason for a layout). */
static bool beats(const balance *b, bool alone, size_t holes, double least)
{
	if (alone != b->alone)
		return !alone;
	return holes < b->holes || (holes == b->holes && least > b->least + 0.005);
}

/* The layout in the display list, kept as the best when it beats it.
 * Never one with more pages, nor one that splits a "when to get help"
 * tier more often than the greedy fill (a list of 911 signs split
 * across pages is worse than any hole). */
static void judge(balance *b)
{
	const pe_pager *p = &b->f->pager;
	if (p->dl->n_pages > b->pages || p->continued - b->continued > b->splits)
		return;
	size_t first;
	double least;
	size_t holes = count_holes(b->f, b->start, &first, &least, NULL);
	if (!beats(b, b->f->end_alone, holes, least))
		return;
	b->alone = b->f->end_alone;
	b->holes = holes;
	b->least = least;
	count_holes(b->f, b->start, &first, &least, b->hole);
	memcpy(b->best + b->start, b->cut + b->start, (b->pages - b->start) * sizeof *b->cut);
	b->in_dl = true;
	b->filled = first > b->hi + 1;
}

/* Whether the pages up to page k, ending as they do now, with holes and
 * least, were tried before as well or better (the pages after it come
 * out the same); noted if not. False (err set) when out of memory. */
static bool seen_end(balance *b, size_t k, size_t holes, double least, bool *seen)
{
	const pe_pager *p = &b->f->pager;
	page_end e = { .page = k, .fill = pe_pager_drawn_fill(p, k), .holes = holes, .least = least };
	for (size_t i = b->start; i <= k; i++)
		e.ops += p->dl->pages[i].n_ops;
	*seen = false;
	for (size_t i = 0; i < b->n_seen; i++) {
		page_end *s = &b->seen[i];
		if (s->page != k || s->ops != e.ops || fabs(s->fill - e.fill) > 1e-6)
			continue;
		*seen = s->holes < holes || (s->holes == holes && s->least >= least - 1e-9);
		if (!*seen)
			*s = e;
		return true;
	}
	if (!pe_grow((void **)&b->seen, &b->cap_seen, b->n_seen + 1, sizeof *b->seen))
		return pe_flow_oom(b->f);
	b->seen[b->n_seen++] = e;
	return true;
}

static int by_y_down(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The tops of the lines of page k in its last quarter, lowest first: where
 * the page may end instead (each line taken on to the next page). *n of
 * them; NULL (err set) when out of memory. */
static double *line_tops(balance *b, size_t k, size_t *n)
{
	const pe_pager *p = &b->f->pager;
	const pe_page *pg = &p->dl->pages[k];
	double h = p->body_bottom - p->body_top;
	double *v = pe_malloc((pg->n_ops + 1) * sizeof *v);
	*n = 0;
	if (!v) {
		pe_flow_oom(b->f);
		return NULL;
	}
	for (size_t i = 0; i < pg->n_ops; i++) {
		double x0, y0, x1, y1;
		if (pg->ops[i].kind != PE_OP_TEXT)
			continue;
		pe_op_bounds(&pg->ops[i], &x0, &y0, &x1, &y1);
		if (y0 > p->body_top + PE_PAGINATE_MIN_FILL * h && y1 <= p->body_bottom + 1)
			v[(*n)++] = y0;
	}
	qsort(v, *n, sizeof *v, by_y_down);
	return v;
}

/* The display list holds the topic with the cuts of the pages before page
 * k chosen and the base cuts from k on; those pages have holes holes, the
 * emptiest least full. Search the ends of page k and the pages after it,
 * depth first, a branch and bound: page k's own end first, then, for the
 * pages lo .. hi, each line of its last quarter taken on to the next
 * page, lowest first; a way on only while it may still beat the best
 * layout yet. Stops at a layout without holes, when the hole after page
 * hi is filled, or after b->most layouts. */
static bool search(balance *b, size_t k, size_t holes, double least)
{
	pe_pager *p = &b->f->pager;
	/* (the layout was judged when made: page k's own end is the layout
	 * the page before chose. More pages than the greedy fill are never
	 * kept, and ending pages higher never gives fewer.) */
	if (b->holes == 0 || b->filled || k >= p->page || k > b->hi ||
	    p->dl->n_pages > b->pages)
		return true;
	size_t n = 0;
	double *tops = k >= b->lo ? line_tops(b, k, &n) : NULL;
	if (k >= b->lo && !tops)
		return false;
	double end = INFINITY;
	bool ok = true;
	for (size_t c = 0; ok && c <= n && b->holes && !b->filled && beats(b, false, holes, least);
	     c++) {
		if (c > 0) {
			/* (a line the page has given up already) */
			if (tops[c - 1] >= end - 0.5)
				continue;
			if (b->tries >= b->most) {
				b->cut_short = true;
				break;
			}
			/* the cut a hair under the line's top: where it may break
			 * (a bold run's ink reaches a little above its line) */
			b->cut[k] = p->body_bottom - (tops[c - 1] + 0.6);
			if (!(ok = try_cuts(b)))
				break;
			judge(b);
		}
		double fill = pe_pager_drawn_fill(p, k);
		end = p->body_top + fill * (p->body_bottom - p->body_top);
		size_t h = holes + (fill < PE_PAGINATE_MIN_FILL - 1e-9);
		double l = fmin(least, fill);
		bool seen;
		if (!beats(b, false, h, l) || !(ok = seen_end(b, k, h, l, &seen)) || seen)
			continue;
		ok = search(b, k + 1, h, l);
	}
	b->cut[k] = b->base[k];
	free(tops);
	return ok;
}

/* Fewer holes by ending pages earlier. A page left under 75% full (a list
 * that keeps 2 items on each side, a box that never splits, did not fit
 * under what it holds) fills when the pages before it give it their last
 * lines, as a typesetter balances pages; so does a last page that would
 * hold the sources alone (they never take a page of their own). Hole by
 * hole, first to last, the ends of the BALANCE_WINDOW pages before it are
 * chosen together (search), keeping the layout with the sources not
 * alone, then the fewest holes, then the fullest emptiest page; never
 * one with more pages than the greedy fill, nor a "when to get help"
 * tier split more often; otherwise the topic stays as the greedy fill
 * left it.
 * cut (grown here) holds the pages' cuts; the pager points at it. */
static bool balance_topic(pe_flow *f, const pe_cols_geom *g, size_t start, size_t continued,
                          double **cut, size_t *n_cut)
{
	pe_pager *p = &f->pager;
	size_t first;
	double least;
	size_t holes = count_holes(f, start, &first, &least, NULL);
	pe_handout_stats *stats = f->req->stats;
	if (stats)
		stats->holes_before += holes;
	if (!holes)
		return true;
	size_t pages = p->dl->n_pages;
	if (*n_cut < pages) {
		double *v = pe_realloc(*cut, pages * sizeof *v);
		if (!v)
			return pe_flow_oom(f);
		for (size_t k = *n_cut; k < pages; k++)
			v[k] = 0;
		*cut = v;
		*n_cut = pages;
	}
	/* (this topic's pages uncut: the greedy fill) */
	for (size_t k = start; k < *n_cut; k++)
		(*cut)[k] = 0;
	p->shave = *cut;
	p->n_shave = *n_cut;
	balance b = { .f = f, .g = g, .start = start, .continued = continued, .pages = pages,
	              .splits = p->continued - continued, .cut = *cut, .holes = holes,
	              .alone = f->end_alone, .least = least, .in_dl = true,
	              .most = f->req->balance_tries ? f->req->balance_tries : BALANCE_TRIES };
	b.base = pe_calloc(pages, sizeof *b.base);
	b.best = pe_calloc(pages, sizeof *b.best);
	b.hole = pe_calloc(pages, sizeof *b.hole);
	bool ok = b.base && b.best && b.hole;
	if (!ok)
		pe_flow_oom(f);
	else
		count_holes(f, start, &first, &least, b.hole);
	/* The holes of the best layout in turn, first to last: each searched
	 * from the best layout as it is then. */
	for (size_t from = start; ok && b.holes && !b.cut_short;) {
		size_t h = from;
		while (h < pages && !b.hole[h])
			h++;
		if (h >= pages)
			break;
		if (h == start) {
			from = h + 1;
			continue;
		}
		b.lo = h > start + BALANCE_WINDOW ? h - BALANCE_WINDOW : start;
		b.hi = h - 1;
		b.filled = false;
		b.n_seen = 0;
		memcpy(b.base + start, b.best + start, (pages - start) * sizeof *b.base);
		memcpy(b.cut + start, b.best + start, (pages - start) * sizeof *b.cut);
		if (!b.in_dl) {
			if (b.tries >= b.most) {
				b.cut_short = true;
				break;
			}
			if (!(ok = try_cuts(&b)))
				break;
			b.in_dl = true;
		}
		size_t was = b.holes;
		double was_least = b.least;
		ok = search(&b, start, 0, 1);
		/* (not filled, and no better: the next hole) */
		if (!b.filled && b.holes == was && b.least <= was_least)
			from = h + 1;
	}
	if (ok && !b.in_dl) {
		/* (one layout more than b.most at most: the best back) */
		memcpy(b.cut + start, b.best + start, (pages - start) * sizeof *b.cut);
		ok = try_cuts(&b);
	}
	if (ok && stats) {
		stats->holes_after += b.holes;
		stats->cut_short += b.cut_short;
	}
	free(b.base);
	free(b.best);
	free(b.hole);
	free(b.seen);
	/* (pages past the topic's end are the next topic's: uncut) */
	for (size_t k = p->page + 1; ok && k < *n_cut; k++)
		(*cut)[k] = 0;
	return ok;
}

/* ---- entry points ------------------------------------------------------ */

/* PDF Title and Subject, which viewers show in the window title and the
 * document list: every topic of a pack ("A; B"), both languages of a
 * bilingual handout ("A / B"); the wallet card's Subject says what is on
 * it rather than repeating its title. */
static bool set_meta(pe_flow *f)
{
	const pe_handout_req *req = f->req;
	const char *lang = req->lang;
	bool bi = f->tpl->kind == PE_TEMPLATE_BILINGUAL;
	GString *title = g_string_new(NULL), *subject = g_string_new(NULL);
	if (f->tpl->kind == PE_TEMPLATE_WALLET) {
		/* TRANSLATORS: PDF title of the wallet card (shown by PDF viewers). */
		g_string_append(title, pe_i18n_tr_key(lang, NC_("wallet-card/pdf-title", "Emergency wallet card")));
		/* The subject is the card topic's summary: its words are content. */
		if (req->card && req->card->summary)
			g_string_append(subject, req->card->summary);
	}
	for (size_t i = 0; f->tpl->kind != PE_TEMPLATE_WALLET && i < req->n_topics; i++) {
		const pe_topic *t = req->topics[i], *t2 = bi ? req->second[i] : NULL;
		if (i > 0) {
			g_string_append(title, "; ");
			g_string_append(subject, "; ");
		}
		append_both(title, t->title, t2 ? t2->title : NULL);
		append_both(subject, t->summary, t2 ? t2->summary : NULL);
	}
	bool ok = pe_dlist_set_meta(f->pager.dl, title->str, subject->str, lang);
	g_string_free(title, TRUE);
	g_string_free(subject, TRUE);
	return ok;
}

/* Nothing was lost on the way: every allocation of layout and of the
 * display list succeeded (they mark failures instead of stopping), and no
 * text was refused. Otherwise the handout is not complete: an error. */
static bool complete(pe_flow *f)
{
	const char *why = pe_layout_error(f->layout);
	if (why) {
		pe_error_set(f->err, NULL, 0, "%s", why);
		return false;
	}
	for (size_t p = 0; p < f->pager.dl->n_pages; p++)
		if (f->pager.dl->pages[p].failed) {
			pe_error_set(f->err, NULL, 0, "handout: out of memory laying out page %zu", p + 1);
			return false;
		}
	return true;
}

/* The style, printable area and body (between header and footer) of a
 * flow whose layout, req and tpl are set. */
static void flow_geometry(pe_flow *f)
{
	const pe_template *tpl = f->tpl;
	f->pager.page_width = tpl->width;
	f->pager.page_height = tpl->height;
	pe_template_style(tpl, &f->st);
	pe_handout_picture_words(&f->st, f->req->lang);
	pe_template_area(tpl, &f->x0, &f->top, &f->x1, &f->bottom);
	double head = pe_flow_header_height(f), foot = pe_flow_footer_height(f);
	f->pager.body_top = f->top + head + (tpl->header ? f->st.body_size * 1.2 : 0);
	f->pager.body_bottom = f->bottom - foot - (foot > 0 ? f->st.body_size * 0.6 : 0);
}

bool pe_handout_body(pe_layout *layout, const pe_handout_req *req, double *top, double *bottom)
{
	if (!req->tpl || !req->lang || req->tpl->kind == PE_TEMPLATE_WALLET)
		return false;
	pe_flow f = { .layout = layout, .req = req, .tpl = req->tpl };
	flow_geometry(&f);
	*top = f.pager.body_top;
	*bottom = f.pager.body_bottom;
	return true;
}

/* A right-to-left handout's pages mirrored; the layout back to left to
 * right for the next job. */
static pe_dlist *finish_direction(pe_layout *layout, pe_dlist *dl, bool rtl)
{
	if (rtl)
		for (size_t i = 0; i < dl->n_pages; i++)
			pe_page_mirror(&dl->pages[i]);
	pe_layout_set_rtl(layout, false);
	return dl;
}

pe_dlist *pe_handout_layout(pe_layout *layout, const pe_handout_req *req, pe_error *err)
{
	const pe_template *tpl = req->tpl;
	pe_flow f = { .layout = layout, .req = req, .tpl = tpl, .err = err,
	              .pager = { .err = err } };
	if (!tpl || !req->lang) {
		pe_error_set(err, NULL, 0, "handout: no template or language given");
		return NULL;
	}
	if (tpl->kind != PE_TEMPLATE_WALLET && req->n_topics == 0) {
		pe_error_set(err, NULL, 0, "handout: no topic given");
		return NULL;
	}
	if (tpl->kind == PE_TEMPLATE_BILINGUAL && (!req->second || !req->second_lang)) {
		pe_error_set(err, NULL, 0, "handout: the bilingual template needs a second language");
		return NULL;
	}
	flow_geometry(&f);
	if (req->stats)
		*req->stats = (pe_handout_stats){ 0 };
	/* The layout's error is sticky: start clean, look once at the end. */
	pe_layout_reset_error(layout);
	/* Right to left: built as for English, text emitted mirrored, and
	 * every page mirrored at the end (layout.h). A bilingual handout is
	 * not mirrored whole (its columns would swap): a right-to-left
	 * language's column is, within itself (pe_flow_place). */
	bool rtl = pe_lang_rtl(req->lang) && tpl->kind != PE_TEMPLATE_BILINGUAL;
	pe_layout_set_rtl(layout, rtl);
	if (!(f.pager.dl = pe_dlist_create())) {
		pe_flow_oom(&f);
		return NULL;
	}

	if (!set_meta(&f)) {
		pe_flow_oom(&f);
		goto fail;
	}

	if (tpl->kind == PE_TEMPLATE_WALLET) {
		f.pager.body_top = f.top;
		f.pager.body_bottom = f.bottom;
		if (!pe_wallet_layout(&f, req->lang))
			goto fail;
		if (!complete(&f))
			goto fail;
		pe_pager_finish(&f.pager);
		return finish_direction(layout, f.pager.dl, rtl);
	}

	if (!pe_pager_new_page(&f.pager))
		goto fail;
	double *shave = NULL;
	size_t n_shave = 0;
	for (size_t i = 0; i < req->n_topics; i++) {
		f.pager.tag = i;
		pe_cols_geom g = { .n = 1, .x = { f.x0 }, .w = { f.x1 - f.x0 },
		                .t = { req->topics[i] }, .lang = { req->lang } };
		if (tpl->kind == PE_TEMPLATE_BILINGUAL) {
			double gutter = f.st.body_size * 2.4;
			double w = (f.x1 - f.x0 - gutter) / 2;
			g.n = 2;
			g.w[0] = g.w[1] = w;
			g.x[1] = f.x0 + w + gutter;
			g.t[1] = req->second[i];
			g.lang[1] = req->second_lang;
		}
		/* (layout_topic starts a fresh page; start says which) */
		if (!f.pager.fresh && !pe_pager_new_page(&f.pager))
			goto fail_shave;
		size_t start = f.pager.page, continued = f.pager.continued;
		if (!layout_topic(&f, &g) ||
		    !balance_topic(&f, &g, start, continued, &shave, &n_shave))
			goto fail_shave;
	}
	f.pager.shave = NULL;
	free(shave);
	if (!pe_flow_decorate(&f))
		goto fail;
	if (!complete(&f))
		goto fail;
	pe_pager_finish(&f.pager);
	return finish_direction(layout, f.pager.dl, rtl);

fail_shave:
	free(shave);
fail:
	pe_layout_set_rtl(layout, false);
	pe_pager_finish(&f.pager);
	pe_dlist_destroy(f.pager.dl);
	return NULL;
}


bool pe_handout_write_dlist(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                            pe_error *err)
{
	/* libharu writes WinAnsi text exactly as it always has (English and
	 * Spanish handouts are the same bytes); text it would write through
	 * its UTF-8 route comes out with a ToUnicode map poppler complains
	 * about and unshaped (Arabic unjoined), so that goes to Cairo. */
	pe_pdf_encoding enc;
	if (!pe_pdf_choose_encoding(dl, &enc, err))
		return false;
	if (enc == PE_PDF_WINANSI)
		return pe_pdf_write(dl, fonts, out_path, err);
	return pe_cairo_pdf_write(dl, fonts, out_path, err);
}

bool pe_handout_write(pe_layout *layout, const pe_handout_req *req, const char *out_path,
                      size_t *n_pages, pe_error *err)
{
	pe_dlist *dl = pe_handout_layout(layout, req, err);
	if (!dl)
		return false;
	if (!pe_handout_check(dl, req->tpl, err)) {
		pe_error_prefix(err, "layout check failed");
		pe_dlist_destroy(dl);
		return false;
	}
	size_t pages = dl->n_pages;
	bool ok = pe_handout_write_dlist(dl, pe_layout_fonts(layout), out_path, err);
	pe_dlist_destroy(dl);
	if (ok && n_pages)
		*n_pages = pages;
	return ok;
}
