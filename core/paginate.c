/* SPDX-License-Identifier: MIT */
/*
 * paginate.c - the paginator (see paginate.h).
 *
 * Every block is laid out once on a scratch page at y = 0 (a column),
 * then copied onto real pages here: whole when it fits, else cut at one
 * of the break points layout allows (never a lone line, never inside an
 * item, step, callout, card, timeline chart or event, or scale). A block
 * taller than a page whose next break fits a fresh page goes there rather
 * than being cut early; only one with no such break is cut elsewhere:
 * between its ops, where nothing but a line is cut.
 *
 * Engine code: it knows display lists, heights and break offsets, never
 * what a topic, a template or a language is; it never measures text
 * (layout does) or paints (pdf.c does).
 */
#include "paginate.h"

#include "alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS PE_PAGINATE_EPS
/* (copy_piece) */
#define CUT_SLACK 0.5

/* (the handout's message: the paginator has no other user that reports) */
static bool oom(pe_pager *p)
{
	pe_error_set(p->err, NULL, 0, "handout: out of memory");
	return false;
}

/* ---- columns ----------------------------------------------------------- */

pe_page *pe_column_init(pe_column *c, double w, double h)
{
	memset(c, 0, sizeof *c);
	if (!(c->d = pe_dlist_create()))
		return NULL;
	pe_page *pg = pe_dlist_add_page(c->d, w, h);
	if (!pg) {   /* (callers that fail here need not free the column) */
		pe_dlist_destroy(c->d);
		c->d = NULL;
	}
	return pg;
}

pe_page *pe_column_page(pe_column *c)
{
	return &c->d->pages[0];
}

/* Forget the copy index (copy_piece makes it again on first use). */
static void drop_index(pe_column *c)
{
	free(c->top_pmax);
	c->top_pmax = c->top_smin = NULL;
	c->n_index = 0;
	free(c->clip);
	c->clip = NULL;
	c->n_clip = 0;
}

void pe_column_finish(pe_column *c)
{
	for (size_t i = 0; c->cont && i < c->n_breaks; i++)
		pe_column_finish(&c->cont[i]);
	free(c->cont);
	c->cont = NULL;
	pe_dlist_destroy(c->d);
	c->d = NULL;
	free(c->breaks);
	c->breaks = NULL;
	c->n_breaks = 0;
	drop_index(c);
}

void pe_columns_finish(pe_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pe_column_finish(&cols[i]);
}

bool pe_column_append(pe_column *dst, pe_column *src, double dy)
{
	size_t n = dst->n_breaks + src->n_breaks;
	if (!pe_page_copy_ops(pe_column_page(dst), &src->d->pages[0], -1e9, 1e9, 0, dy))
		return false;
	if (src->n_breaks) {
		pe_column *cont = NULL;
		if (dst->cont || src->cont) {
			if (!(cont = calloc(n, sizeof *cont)))
				return false;
			if (dst->cont)
				memcpy(cont, dst->cont, dst->n_breaks * sizeof *cont);
			if (src->cont)
				memcpy(cont + dst->n_breaks, src->cont, src->n_breaks * sizeof *cont);
		}
		double *br = realloc(dst->breaks, n * sizeof *br);
		if (!br) {
			free(cont);
			return false;
		}
		dst->breaks = br;
		for (size_t i = 0; i < src->n_breaks; i++)
			br[dst->n_breaks + i] = src->breaks[i] + dy;
		/* (src's continuations are dst's now) */
		free(dst->cont);
		dst->cont = cont;
		free(src->cont);
		src->cont = NULL;
	}
	dst->n_breaks = n;
	dst->h = dy + src->h;
	drop_index(dst);   /* (none yet, or stale now) */
	return true;
}

/* ---- pages ------------------------------------------------------------- */

static bool copy_piece(pe_pager *p, pe_column *c, double from, double to, double y);

bool pe_pager_new_page(pe_pager *p)
{
	if (!pe_dlist_add_page(p->dl, p->page_width, p->page_height))
		return oom(p);
	p->page = p->dl->n_pages - 1;
	if (p->dl->n_pages > p->cap_pages) {
		size_t cap = p->cap_pages ? p->cap_pages * 2 : 8;
		size_t *pt = realloc(p->page_tag, cap * sizeof *pt);
		if (!pt)
			return oom(p);
		p->page_tag = pt;
		p->cap_pages = cap;
	}
	p->page_tag[p->page] = p->tag;
	p->limit = p->body_bottom - (p->shave && p->page < p->n_shave ? p->shave[p->page] : 0);
	p->y = p->low = p->body_top;
	p->fresh = true;
	p->n_glue = 0;
	if (p->flt.d) {
		/* a floated picture heads the page */
		pe_column c = p->flt;
		memset(&p->flt, 0, sizeof p->flt);
		bool ok = copy_piece(p, &c, 0, c.h, p->y);
		p->low = p->y + c.h;
		p->y += c.h;
		p->fresh = false;
		pe_column_finish(&c);
		if (!ok || !pe_pager_space(p, p->flt_gap))
			return false;
	}
	return true;
}

bool pe_pager_space(pe_pager *p, double size)
{
	if (size > EPS) {
		if (!pe_grow((void **)&p->glue, &p->cap_glue, p->n_glue + 1, sizeof *p->glue))
			return oom(p);
		p->glue[p->n_glue++] = (pe_glue){ p->y, size, size / 2 };
	}
	p->y += size;
	return true;
}

double pe_pager_slack(const pe_pager *p)
{
	double s = 0;
	for (size_t i = 0; i < p->n_glue; i++)
		s += p->glue[i].size - p->glue[i].min;
	return s;
}

/* How far what starts at y moves up when each space gives f of what it
 * may (ops under the middle of a space are under it). */
static double moved(const pe_pager *p, double y, double f)
{
	double d = 0;
	for (size_t i = 0; i < p->n_glue; i++)
		if (y >= p->glue[i].at + p->glue[i].size / 2)
			d += f * (p->glue[i].size - p->glue[i].min);
	return d;
}

void pe_pager_squeeze(pe_pager *p, double amount)
{
	double slack = pe_pager_slack(p);
	if (amount <= EPS || slack <= EPS)
		return;
	double f = fmin(1, amount / slack);
	pe_page *pg = pe_pager_page(p);
	for (size_t i = 0; i < pg->n_ops; i++) {
		double d = moved(p, pg->ops[i].y, f);
		if (d > 0)
			pe_op_move(&pg->ops[i], -d);
	}
	p->low -= moved(p, p->low, f);
	p->y -= moved(p, p->y, f);
	double d = 0;
	for (size_t i = 0; i < p->n_glue; i++) {
		pe_glue *g = &p->glue[i];
		g->at -= d;
		double give = f * (g->size - g->min);
		g->size -= give;
		d += give;
	}
}

double pe_pager_start_height(const pe_column *cols, size_t n)
{
	double h = 0;
	for (size_t i = 0; i < n; i++)
		h = fmax(h, cols[i].n_breaks && cols[i].breaks[0] < cols[i].h ? cols[i].breaks[0]
		                                                                : cols[i].h);
	return h;
}

void pe_pager_finish(pe_pager *p)
{
	pe_column_finish(&p->flt);
	free(p->page_tag);
	p->page_tag = NULL;
	free(p->glue);
	p->glue = NULL;
	p->n_glue = p->cap_glue = 0;
	p->cap_pages = 0;
}

pe_page *pe_pager_page(pe_pager *p)
{
	return &p->dl->pages[p->page];
}

/* A vertical line (MOVE + LINE at one x): the connector of a timeline. */
static bool vertical_line(const pe_op *op)
{
	return op->kind == PE_OP_PATH && op->u.path.n_segs == 2 &&
	       op->u.path.segs[0].verb == PE_PATH_MOVE && op->u.path.segs[1].verb == PE_PATH_LINE &&
	       fabs(op->u.path.segs[0].x[0] - op->u.path.segs[1].x[0]) < EPS;
}

/* Ops that can be cut at a page break without harm: plain rectangles and
 * vertical lines (a long background band or connector). */
static bool clippable(const pe_op *op)
{
	return (op->kind == PE_OP_RECT && op->u.rect.radius <= 0) || vertical_line(op);
}

/* Limit a clippable op (already on the page) to [lo, hi] in y. */
static void clip_op(pe_op *op, double lo, double hi)
{
	if (op->kind == PE_OP_RECT) {
		double y0 = fmax(op->y, lo), y1 = fmin(op->y + op->h, hi);
		op->y = y0;
		op->h = fmax(0, y1 - y0);
		return;
	}
	for (int k = 0; k < 2; k++)
		op->u.path.segs[k].y[0] = fmin(fmax(op->u.path.segs[k].y[0], lo), hi);
	op->y = fmin(op->u.path.segs[0].y[0], op->u.path.segs[1].y[0]);
	op->h = fabs(op->u.path.segs[0].y[0] - op->u.path.segs[1].y[0]);
}

static double op_top(const pe_op *op)
{
	/* the top edge pe_page_copy_ops() goes by */
	return op->kind == PE_OP_TEXT ? op->y - op->u.text.ascent : op->y;
}

/* The ops of a column whose top may lie in [lo, hi): every op before a
 * (all tops so far below lo) and from b on (all later tops at or past
 * hi) is outside. Ops are laid out top to bottom, so [a, b) is about one
 * page's worth. False when out of memory. */
static bool op_stretch(pe_column *c, double lo, double hi, size_t *a, size_t *b)
{
	const pe_page *src = pe_column_page(c);
	size_t n = src->n_ops;
	if (n < 64) {   /* not worth an index */
		*a = 0;
		*b = n;
		return true;
	}
	if (c->n_index != n) {
		double *v = realloc(c->top_pmax, 2 * n * sizeof *v);
		if (!v)
			return false;
		c->top_pmax = v;
		c->top_smin = v + n;
		size_t *clip = realloc(c->clip, n * sizeof *clip);
		if (!clip)
			return false;
		c->clip = clip;
		c->n_clip = 0;
		for (size_t i = 0; i < n; i++)
			if (clippable(&src->ops[i]))
				clip[c->n_clip++] = i;
		c->n_index = n;
		for (size_t i = 0; i < n; i++) {
			double t = op_top(&src->ops[i]);
			v[i] = i == 0 || t > v[i - 1] ? t : v[i - 1];
		}
		for (size_t i = n; i-- > 0;) {
			double t = op_top(&src->ops[i]);
			c->top_smin[i] = i == n - 1 || t < c->top_smin[i + 1] ? t : c->top_smin[i + 1];
		}
	}
	/* a: the first op whose prefix maximum reaches lo */
	size_t l = 0, h = n;
	while (l < h) {
		size_t m = l + (h - l) / 2;
		if (c->top_pmax[m] < lo)
			l = m + 1;
		else
			h = m;
	}
	*a = l;
	/* b: the first op from which every top is at or past hi */
	l = *a;
	h = n;
	while (l < h) {
		size_t m = l + (h - l) / 2;
		if (c->top_smin[m] < hi)
			l = m + 1;
		else
			h = m;
	}
	*b = l;
	return true;
}

/* Copy [from, to) of a column onto the current page at p->y. The first
 * piece takes everything above it and the last everything below, so ops
 * that reach a hair outside the laid-out box are never lost. Rectangles
 * and vertical lines that run across the cut are cut with it: each piece
 * gets its part. */
static bool copy_piece(pe_pager *p, pe_column *c, double from, double to, double y)
{
	double lo = from <= EPS ? -1e9 : from;
	double hi = to >= c->h - EPS ? 1e9 : to;
	/* Which piece an op goes with: its top, a hair (CUT_SLACK) above
	 * the cut counting as under it. A first line's glyphs may reach a
	 * few hundredths of a point above its line box (a bold run's ascent
	 * is more than the leading leaves it), and a break lies at the line
	 * box: that line went with the piece above and ended its page. */
	double mlo = lo > -1e9 ? lo - CUT_SLACK : lo, mhi = hi < 1e9 ? hi - CUT_SLACK : hi;
	double dy = y - from;
	const pe_page *src = pe_column_page(c);
	pe_page *dst = pe_pager_page(p);
	size_t first = dst->n_ops;
	size_t a, b;
	if (!op_stretch(c, mlo, mhi, &a, &b))
		return oom(p);
	pe_page stretch = *src;   /* the same ops, a view of [a, b) */
	stretch.ops = b > a ? src->ops + a : NULL;   /* an empty column has no ops array */
	stretch.n_ops = b - a;
	if (!pe_page_copy_ops(dst, &stretch, mlo, mhi, 0, dy))
		return oom(p);
	size_t own_end = dst->n_ops;
	/* Parts of ops that started in an earlier piece (only clippable ops
	 * qualify: on a long column, look at those alone). */
	bool indexed = c->n_index == src->n_ops && src->n_ops >= 64;
	size_t n_look = indexed ? c->n_clip : src->n_ops;
	for (size_t j = 0; lo > -1e9 && j < n_look; j++) {
		const pe_op *op = &src->ops[indexed ? c->clip[j] : j];
		/* (a hair's overhang past a break is not worth a new piece) */
		if (!clippable(op) || op->y >= mlo || op->y + op->h <= lo + 0.5)
			continue;
		pe_column tmp;
		pe_page *one = pe_column_init(&tmp, src->width, src->height);
		pe_page single = { .width = src->width, .height = src->height,
		                   .ops = (pe_op *)op, .n_ops = 1, .cap_ops = 1 };
		bool ok = one && pe_page_copy_ops(one, &single, -1e9, 1e9, 0, 0);
		if (ok) {
			clip_op(&one->ops[0], lo, hi);
			ok = pe_page_copy_ops(dst, one, -1e9, 1e9, 0, dy);
		}
		pe_column_finish(&tmp);
		if (!ok)
			return oom(p);
	}
	/* Those parts were drawn first in the block (a timeline's connector
	 * goes under its numbered circles): move them before this piece's own
	 * ops, or the connector is painted over the circles on the new page. */
	if (dst->n_ops > own_end && own_end > first) {
		size_t n_own = own_end - first, n_carried = dst->n_ops - own_end;
		pe_op *tmp = malloc(n_own * sizeof *tmp);
		if (!tmp)
			return oom(p);
		memcpy(tmp, &dst->ops[first], n_own * sizeof *tmp);
		memmove(&dst->ops[first], &dst->ops[own_end], n_carried * sizeof *tmp);
		memcpy(&dst->ops[first + n_carried], tmp, n_own * sizeof *tmp);
		free(tmp);
	}
	/* Parts that run on into the next piece stop at this one's end. */
	if (hi < 1e9)
		for (size_t i = first; i < dst->n_ops; i++)
			if (clippable(&dst->ops[i]) && dst->ops[i].y + dst->ops[i].h > hi + dy)
				clip_op(&dst->ops[i], -1e9, hi + dy);
	return true;
}

/* A cut for a block that allows none but is taller than a page (a long
 * timeline in large print, say): the lowest y in (from, limit] where a
 * new op starts and no op straddles, so nothing is cut in half. Lines
 * and plain rectangles are cut with the page (copy_piece), and ops taller
 * than the page cannot be kept whole anyway: neither blocks a cut.
 * Returns -1 when there is no such y. */
static double safe_cut(const pe_column *c, double from, double limit, double page_h)
{
	const pe_page *pg = &c->d->pages[0];
	double best = -1;
	for (size_t i = 0; i < pg->n_ops; i++) {
		double x0, t, x1, b;
		pe_op_bounds(&pg->ops[i], &x0, &t, &x1, &b);
		if (pg->ops[i].kind == PE_OP_TEXT)
			t = pg->ops[i].y - pg->ops[i].u.text.ascent;   /* what copy_ops uses */
		if (t <= from + EPS || t > limit || t <= best)
			continue;
		bool clear = true;
		for (size_t k = 0; clear && k < pg->n_ops; k++) {
			const pe_op *o = &pg->ops[k];
			if (o->kind == PE_OP_MARK || o->kind == PE_OP_HIT || clippable(o))
				continue;
			double ox0, ot, ox1, ob;
			pe_op_bounds(o, &ox0, &ot, &ox1, &ob);
			if (ob - ot > page_h)
				continue;
			if (ot < t - EPS && ob > t + EPS)
				clear = false;
		}
		if (clear)
			best = t;
	}
	return best;
}

/* How many of the column's breaks b have b - from <= room (breaks
 * increase, so those are the first ones: a binary search, as a long list
 * has thousands). */
static size_t breaks_within(const pe_column *c, double from, double room)
{
	size_t l = 0, h = c->n_breaks;
	while (l < h) {
		size_t m = l + (h - l) / 2;
		if (c->breaks[m] - from <= room)
			l = m + 1;
		else
			h = m;
	}
	return l;
}

/* Whether every column not yet cut (cut < 0) has a break after from
 * within a page's height (from org: see pe_pager_place). */
static bool breaks_reach(const pe_column *cols, size_t n, const double *from, const double *org,
                         const double *cut, double page_h)
{
	for (size_t i = 0; i < n; i++) {
		if (cut[i] >= 0)
			continue;
		size_t k = breaks_within(&cols[i], org[i], page_h + EPS);
		bool found = k > 0 && cols[i].breaks[k - 1] > from[i] + EPS &&
		             cols[i].breaks[k - 1] - org[i] <= page_h + EPS;
		if (!found)
			return false;
	}
	return true;
}

/* What a piece of c that starts at from puts over itself (the column of
 * c->cont for the break at from), or NULL. */
static const pe_column *cont_at(const pe_column *c, double from)
{
	if (!c->cont || from <= EPS)
		return NULL;
	size_t k = breaks_within(c, 0, from + EPS);
	if (k == 0 || fabs(c->breaks[k - 1] - from) > EPS || !c->cont[k - 1].d)
		return NULL;
	return &c->cont[k - 1];
}

/* Copy the piece [from, to) of a column at p->y, under what goes over it
 * when it starts at a break (cont_at). */
static bool copy_led(pe_pager *p, pe_column *c, double from, double to)
{
	const pe_column *lead = cont_at(c, from);
	p->continued += lead != NULL;
	if (lead && !pe_page_copy_ops(pe_pager_page(p), &lead->d->pages[0], -1e9, 1e9, 0, p->y))
		return oom(p);
	return copy_piece(p, c, from, to, p->y + (lead ? lead->h : 0));
}

/* Place a unit of n side-by-side columns at p->y, splitting across pages
 * at allowed breaks, and advance p->y past it plus gap_after. A piece
 * that starts at a break with something to put over it (pe_column.cont)
 * is that much taller: org is where it would start without it. */
bool pe_pager_place(pe_pager *p, pe_column *cols, size_t n, double gap_after)
{
	double from[2] = { 0, 0 };
	for (int guard = 0; guard < 1000; guard++) {
		double avail = p->limit - p->y;
		double rem_max = 0, org[2] = { 0, 0 };
		for (size_t i = 0; i < n; i++) {
			const pe_column *lead = cont_at(&cols[i], from[i]);
			org[i] = from[i] - (lead ? lead->h : 0);
			rem_max = fmax(rem_max, cols[i].h - org[i]);
		}
		if (rem_max <= avail + EPS) {
			for (size_t i = 0; i < n; i++)
				if (!copy_led(p, &cols[i], from[i], cols[i].h))
					return false;
			p->low = p->y + rem_max;
			p->y += rem_max;
			p->fresh = false;
			return pe_pager_space(p, gap_after);
		}
		double cut[2] = { 0, 0 };
		bool can = true, progress = false;
		for (size_t i = 0; i < n; i++) {
			double rem = cols[i].h - org[i];
			if (rem <= avail + EPS) {
				cut[i] = cols[i].h;
				progress |= cols[i].h - from[i] > EPS;
				continue;
			}
			/* the last break that fits */
			double best = -1;
			size_t k = breaks_within(&cols[i], org[i], avail + EPS);
			if (k > 0 && cols[i].breaks[k - 1] > from[i] + EPS &&
			    cols[i].breaks[k - 1] - org[i] <= avail + EPS)
				best = cols[i].breaks[k - 1];
			if (best < 0) {
				can = false;
				cut[i] = -1;
			} else {
				cut[i] = best;
				progress = true;
			}
		}
		double page_h = p->body_bottom - p->body_top;
		if ((!can || !progress) && p->fresh && p->limit < p->body_bottom - EPS) {
			/* a shaved page that cannot take the start of its first
			 * unit gets its whole body: a shave never cuts what a
			 * whole page would not */
			p->limit = p->body_bottom;
			continue;
		}
		if (!can || !progress) {
			/* A block that fits on a fresh page goes there whole; one
			 * taller than a page goes to a fresh page when that page
			 * reaches its next break, so it turns the page at a break
			 * (after a timeline's chart) rather than being cut here. */
			if (!p->fresh && (rem_max <= page_h + EPS || breaks_reach(cols, n, from, org, cut, page_h))) {
				if (!pe_pager_new_page(p))
					return false;
				continue;
			}
			/* Taller than a whole page with no break that fits: cut
			 * between ops where nothing straddles; failing that at the
			 * first break after all (the check then reports the
			 * overflow rather than printing it silently). */
			for (size_t i = 0; i < n; i++) {
				if (cut[i] >= 0)
					continue;
				cut[i] = safe_cut(&cols[i], from[i], org[i] + avail, page_h);
				if (cut[i] > from[i])
					continue;
				if (!p->fresh) {
					cut[i] = from[i];   /* nothing of it here: next page */
					continue;
				}
				cut[i] = cols[i].h;
				/* the first break past from */
				size_t k = breaks_within(&cols[i], from[i], EPS);
				while (k < cols[i].n_breaks && !(cols[i].breaks[k] > from[i] + EPS))
					k++;
				if (k < cols[i].n_breaks)
					cut[i] = cols[i].breaks[k];
			}
		}
		for (size_t i = 0; i < n; i++)
			if (cut[i] > from[i] && !copy_led(p, &cols[i], from[i], cut[i]))
				return false;
		for (size_t i = 0; i < n; i++)
			from[i] = cut[i];
		if (!pe_pager_new_page(p))
			return false;
	}
	pe_error_set(p->err, NULL, 0, "handout: a block could not be placed on any page");
	return false;
}

bool pe_column_slice(pe_column *dst, pe_column *src, double from, double to, pe_error *err)
{
	const pe_page *sp = pe_column_page(src);
	pe_pager tmp = { .err = err };
	if (!pe_column_init(dst, sp->width, sp->height))
		return oom(&tmp);
	tmp.dl = dst->d;
	if (!copy_piece(&tmp, src, from, to, 0)) {
		pe_column_finish(dst);
		return false;
	}
	dst->h = to - from;
	size_t a = breaks_within(src, from, EPS), b = breaks_within(src, to, -EPS);
	while (a < b && src->breaks[a] <= from + EPS)
		a++;
	if (b > a) {
		if (!(dst->breaks = malloc((b - a) * sizeof *dst->breaks))) {
			pe_column_finish(dst);
			return oom(&tmp);
		}
		for (size_t i = a; i < b; i++)
			dst->breaks[dst->n_breaks++] = src->breaks[i] - from;
	}
	return true;
}

/* The columns cols[0..n) in one new column, side by side (each has its
 * own x), as tall as the tallest; false (err set) when out of memory. */
static bool side_by_side(pe_pager *p, const pe_column *cols, size_t n, pe_column *one)
{
	if (!pe_column_init(one, p->page_width, p->page_height))
		return oom(p);
	one->h = 0;
	for (size_t i = 0; i < n; i++) {
		if (!pe_page_copy_ops(pe_column_page(one), &cols[i].d->pages[0], -1e9, 1e9, 0, 0)) {
			pe_column_finish(one);
			return oom(p);
		}
		one->h = fmax(one->h, cols[i].h);
	}
	return true;
}

bool pe_pager_float(pe_pager *p, pe_column *cols, size_t n, double avail, double gap_after,
                    bool *floated)
{
	*floated = false;
	double page_h = p->body_bottom - p->body_top;
	if (n < 1 || n > 2 || p->flt.d || p->fresh || pe_pager_fill(p) >= PE_PAGINATE_MIN_FILL)
		return true;
	for (size_t i = 0; i < n; i++) {
		double fig = cols[i].figure;
		if (fig <= EPS || fig >= cols[i].h - EPS || cols[i].cont || fig > page_h + EPS)
			return true;
	}
	if (pe_pager_start_fits(p, cols, n, avail))
		return true;
	pe_column rest[2] = { 0 }, head[2] = { 0 }, one;
	size_t made = 0;
	for (; made < n; made++)
		if (!pe_column_slice(&rest[made], &cols[made], cols[made].figure, cols[made].h, p->err))
			goto fail;
	if (!pe_pager_start_fits(p, rest, n, avail)) {
		pe_columns_finish(rest, n);   /* nothing of it fits either: all goes on */
		return true;
	}
	/* the pictures side by side in one column */
	for (made = 0; made < n; made++)
		if (!pe_column_slice(&head[made], &cols[made], 0, cols[made].figure, p->err))
			break;
	bool ok = made == n && side_by_side(p, head, n, &one);
	pe_columns_finish(head, n);
	if (!ok)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		pe_column_finish(&cols[i]);
		cols[i] = rest[i];
	}
	p->flt = one;
	p->flt_gap = gap_after;
	p->flt_box = false;
	*floated = true;
	return true;
fail:
	pe_columns_finish(rest, n);
	return false;
}

bool pe_pager_box_waits(const pe_pager *p, const pe_column *cols, size_t n, double avail)
{
	double page_h = p->body_bottom - p->body_top;
	bool some = false;
	for (size_t i = 0; i < n; i++) {
		if (cols[i].h <= EPS)
			continue;
		if (!cols[i].box || cols[i].cont || cols[i].h > page_h + EPS)
			return false;
		some = true;
	}
	return some && !p->flt.d && !p->fresh && pe_pager_fill(p) < PE_PAGINATE_MIN_FILL &&
	       !pe_pager_start_fits(p, cols, n, avail);
}

bool pe_pager_float_box(pe_pager *p, pe_column *cols, size_t n, double gap_after)
{
	pe_column one;
	if (!side_by_side(p, cols, n, &one))
		return false;
	for (size_t i = 0; i < n; i++) {
		pe_column_finish(&cols[i]);
		if (!pe_column_init(&cols[i], p->page_width, p->page_height)) {
			pe_column_finish(&one);
			return oom(p);
		}
		cols[i].h = 0;
	}
	one.box = true;
	p->flt = one;
	p->flt_gap = gap_after;
	p->flt_box = true;
	return true;
}

double pe_pager_fill(const pe_pager *p)
{
	double page_h = p->body_bottom - p->body_top;
	return page_h > 0 ? (p->low - p->body_top) / page_h : 1;
}

double pe_pager_drawn_fill(const pe_pager *p, size_t k)
{
	const pe_page *pg = &p->dl->pages[k];
	double page_h = p->body_bottom - p->body_top, low = p->body_top;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT || op->kind == PE_OP_LINK)
			continue;
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (y0 >= p->body_top - 1 && y1 <= p->body_bottom + 1 && y1 > low)
			low = y1;
	}
	return page_h > 0 ? (low - p->body_top) / page_h : 1;
}

bool pe_pager_flush_float(pe_pager *p)
{
	if (!p->flt.d)
		return true;
	pe_column c = p->flt;
	memset(&p->flt, 0, sizeof p->flt);
	bool ok = pe_pager_place(p, &c, 1, p->flt_gap);
	pe_column_finish(&c);
	return ok;
}

/* Whether the start of a unit fits in avail: all of it, up to a break,
 * or (for a block taller than a page) up to a safe cut. */
bool pe_pager_start_fits(const pe_pager *p, const pe_column *cols, size_t n, double avail)
{
	double page_h = p->body_bottom - p->body_top;
	for (size_t i = 0; i < n; i++) {
		const pe_column *c = &cols[i];
		if (c->h <= avail + EPS || (c->n_breaks && c->breaks[0] <= avail + EPS))
			continue;
		/* Cut anywhere safe only when no break of it fits even a
		 * fresh page: otherwise it starts on the next page. */
		if (c->h > page_h && !(c->n_breaks && c->breaks[0] <= page_h + EPS) &&
		    safe_cut(c, 0, avail, page_h) > 0)
			continue;
		return false;
	}
	return true;
}
