/*
 * handout.c - compose topics into paged handouts (see handout.h).
 *
 * Every block is laid out once by layout.c on a scratch page at y = 0,
 * then copied onto real pages by the paginator: whole when it fits, else
 * cut at one of the break points layout allows (never a lone line, never
 * inside an item, step, callout, card, timeline chart or event, or
 * scale). A block taller than a page whose next break fits a fresh page
 * goes there rather than being cut early; only one with no such break is
 * cut elsewhere: between its ops, where nothing but a line is cut. A heading
 * only goes where the start of what follows fits under it. Header and
 * footer are added last, when the page count is known.
 *
 * This module must never measure text itself (layout does), paint (pdf.c
 * does) or read files (the caller loads topics, template and site; only
 * the logo's PNG header is read, for its size, through pngfile.h). Words printed here that
 * are not content go through pe_i18n_tr() in the handout's language, so a
 * Spanish handout can be made from an English UI.
 */
#include "handout.h"
#include "shapes.h"

#include <glib.h>
#include <math.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf.h"
#include "pngfile.h"
#include "validate.h"

#define EPS 0.01

/* One column of a unit: content laid out on its own scratch page. */
typedef struct column {
	pe_dlist *d;        /* owns the scratch page */
	double h;
	double *breaks;     /* owned (malloc'd) or NULL; increasing */
	size_t n_breaks;
	/* For copy_piece on long columns, made on first use: prefix maxima
	 * and suffix minima of the ops' top edges, so each page copies only
	 * its own stretch of ops instead of looking at every op again
	 * (16,000 list items took 5.4 s that way). */
	double *top_pmax, *top_smin;
	size_t n_index;
	size_t *clip;       /* indices of the clippable ops (n_clip of them) */
	size_t n_clip;
} column;

typedef struct flow {
	pe_layout *layout;
	const pe_handout_req *req;
	const pe_template *tpl;
	pe_style st;
	pe_dlist *dl;
	pe_error *err;
	double x0, x1, top, bottom;          /* printable area */
	double body_top, body_bottom;        /* between header and footer */
	double y;
	size_t page;                         /* current page index in dl */
	bool fresh;                          /* nothing placed on it yet */
	size_t *page_topic;                  /* topic index of each page */
	size_t cap_pages;
	size_t topic;                        /* topic being laid out */
} flow;

static bool oom(flow *f)
{
	pe_error_set(f->err, NULL, 0, "handout: out of memory");
	return false;
}

/* key is an NC_() key: every UI string has a context (po-qa checks). */
static const char *tr(const char *lang, const char *key)
{
	return pe_i18n_tr_key(lang, key);
}

/* ---- columns ----------------------------------------------------------- */

static pe_page *col_new(column *c, double w, double h)
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

static pe_page *col_page(column *c)
{
	return &c->d->pages[0];
}

static void col_free(column *c)
{
	pe_dlist_destroy(c->d);
	c->d = NULL;
	free(c->breaks);
	c->breaks = NULL;
	c->n_breaks = 0;
	free(c->top_pmax);
	c->top_pmax = c->top_smin = NULL;
	c->n_index = 0;
	free(c->clip);
	c->clip = NULL;
	c->n_clip = 0;
}

/* ---- pages ------------------------------------------------------------- */

static bool new_page(flow *f)
{
	if (!pe_dlist_add_page(f->dl, f->tpl->width, f->tpl->height))
		return oom(f);
	f->page = f->dl->n_pages - 1;
	if (f->dl->n_pages > f->cap_pages) {
		size_t cap = f->cap_pages ? f->cap_pages * 2 : 8;
		size_t *pt = realloc(f->page_topic, cap * sizeof *pt);
		if (!pt)
			return oom(f);
		f->page_topic = pt;
		f->cap_pages = cap;
	}
	f->page_topic[f->page] = f->topic;
	f->y = f->body_top;
	f->fresh = true;
	return true;
}

static pe_page *cur(flow *f)
{
	return &f->dl->pages[f->page];
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
static bool op_stretch(column *c, double lo, double hi, size_t *a, size_t *b)
{
	const pe_page *src = col_page(c);
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

/* Copy [from, to) of a column onto the current page at f->y. The first
 * piece takes everything above it and the last everything below, so ops
 * that reach a hair outside the laid-out box are never lost. Rectangles
 * and vertical lines that run across the cut are cut with it: each piece
 * gets its part. */
static bool copy_piece(flow *f, column *c, double from, double to, double y)
{
	double lo = from <= EPS ? -1e9 : from;
	double hi = to >= c->h - EPS ? 1e9 : to;
	double dy = y - from;
	const pe_page *src = col_page(c);
	pe_page *dst = cur(f);
	size_t first = dst->n_ops;
	size_t a, b;
	if (!op_stretch(c, lo, hi, &a, &b))
		return oom(f);
	pe_page stretch = *src;   /* the same ops, a view of [a, b) */
	stretch.ops = src->ops + a;
	stretch.n_ops = b - a;
	if (!pe_page_copy_ops(dst, &stretch, lo, hi, 0, dy))
		return oom(f);
	size_t own_end = dst->n_ops;
	/* Parts of ops that started in an earlier piece (only clippable ops
	 * qualify: on a long column, look at those alone). */
	bool indexed = c->n_index == src->n_ops && src->n_ops >= 64;
	size_t n_look = indexed ? c->n_clip : src->n_ops;
	for (size_t j = 0; lo > -1e9 && j < n_look; j++) {
		const pe_op *op = &src->ops[indexed ? c->clip[j] : j];
		/* (a hair's overhang past a break is not worth a new piece) */
		if (!clippable(op) || op->y >= lo || op->y + op->h <= lo + 0.5)
			continue;
		column tmp;
		pe_page *one = col_new(&tmp, src->width, src->height);
		pe_page single = { .width = src->width, .height = src->height,
		                   .ops = (pe_op *)op, .n_ops = 1, .cap_ops = 1 };
		bool ok = one && pe_page_copy_ops(one, &single, -1e9, 1e9, 0, 0);
		if (ok) {
			clip_op(&one->ops[0], lo, hi);
			ok = pe_page_copy_ops(dst, one, -1e9, 1e9, 0, dy);
		}
		col_free(&tmp);
		if (!ok)
			return oom(f);
	}
	/* Those parts were drawn first in the block (a timeline's connector
	 * goes under its numbered circles): move them before this piece's own
	 * ops, or the connector is painted over the circles on the new page. */
	if (dst->n_ops > own_end && own_end > first) {
		size_t n_own = own_end - first, n_carried = dst->n_ops - own_end;
		pe_op *tmp = malloc(n_own * sizeof *tmp);
		if (!tmp)
			return oom(f);
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
static double safe_cut(const column *c, double from, double limit, double page_h)
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
static size_t breaks_within(const column *c, double from, double room)
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
 * within a page's height. */
static bool breaks_reach(const column *cols, size_t n, const double *from, const double *cut,
                         double page_h)
{
	for (size_t i = 0; i < n; i++) {
		if (cut[i] >= 0)
			continue;
		size_t k = breaks_within(&cols[i], from[i], page_h + EPS);
		bool found = k > 0 && cols[i].breaks[k - 1] > from[i] + EPS &&
		             cols[i].breaks[k - 1] - from[i] <= page_h + EPS;
		if (!found)
			return false;
	}
	return true;
}

/* Place a unit of n side-by-side columns at f->y, splitting across pages
 * at allowed breaks, and advance f->y past it plus gap_after. */
static bool place(flow *f, column *cols, size_t n, double gap_after)
{
	double from[2] = { 0, 0 };
	for (int guard = 0; guard < 1000; guard++) {
		double avail = f->body_bottom - f->y;
		double rem_max = 0;
		for (size_t i = 0; i < n; i++)
			rem_max = fmax(rem_max, cols[i].h - from[i]);
		if (rem_max <= avail + EPS) {
			for (size_t i = 0; i < n; i++)
				if (!copy_piece(f, &cols[i], from[i], cols[i].h, f->y))
					return false;
			f->y += rem_max + gap_after;
			f->fresh = false;
			return true;
		}
		double cut[2] = { 0, 0 };
		bool can = true, progress = false;
		for (size_t i = 0; i < n; i++) {
			double rem = cols[i].h - from[i];
			if (rem <= avail + EPS) {
				cut[i] = cols[i].h;
				progress |= rem > EPS;
				continue;
			}
			/* the last break that fits */
			double best = -1;
			size_t k = breaks_within(&cols[i], from[i], avail + EPS);
			if (k > 0 && cols[i].breaks[k - 1] > from[i] + EPS &&
			    cols[i].breaks[k - 1] - from[i] <= avail + EPS)
				best = cols[i].breaks[k - 1];
			if (best < 0) {
				can = false;
				cut[i] = -1;
			} else {
				cut[i] = best;
				progress = true;
			}
		}
		double page_h = f->body_bottom - f->body_top;
		if (!can || !progress) {
			/* A block that fits on a fresh page goes there whole; one
			 * taller than a page goes to a fresh page when that page
			 * reaches its next break, so it turns the page at a break
			 * (after a timeline's chart) rather than being cut here. */
			if (!f->fresh && (rem_max <= page_h + EPS || breaks_reach(cols, n, from, cut, page_h))) {
				if (!new_page(f))
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
				cut[i] = safe_cut(&cols[i], from[i], from[i] + avail, page_h);
				if (cut[i] > from[i])
					continue;
				if (!f->fresh) {
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
			if (cut[i] > from[i] && !copy_piece(f, &cols[i], from[i], cut[i], f->y))
				return false;
		for (size_t i = 0; i < n; i++)
			from[i] = cut[i];
		if (!new_page(f))
			return false;
	}
	pe_error_set(f->err, NULL, 0, "handout: a block could not be placed on any page");
	return false;
}

/* Whether the start of a unit fits in avail: all of it, up to a break,
 * or (for a block taller than a page) up to a safe cut. */
static bool start_fits(const flow *f, const column *cols, size_t n, double avail)
{
	double page_h = f->body_bottom - f->body_top;
	for (size_t i = 0; i < n; i++) {
		const column *c = &cols[i];
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

/* ---- styles ------------------------------------------------------------ */

static pe_text_style text_style(const flow *f, pe_face face, double size, pe_color color)
{
	pe_text_style ts = { .face = face, .size = size, .leading = f->st.leading,
	                     .color = color, .link_color = f->st.link };
	return ts;
}

/* ---- QR code ----------------------------------------------------------- */

unsigned char *pe_handout_qr(const char *text, int *px)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return NULL;
	const int quiet = 4;   /* the quiet zone scanners need around the code */
	int n = qr->width + 2 * quiet;
	unsigned char *gray = malloc((size_t)n * (size_t)n);
	if (gray) {
		memset(gray, 255, (size_t)n * (size_t)n);
		for (int y = 0; y < qr->width; y++)
			for (int x = 0; x < qr->width; x++)
				if (qr->data[y * qr->width + x] & 1)
					gray[(y + quiet) * n + x + quiet] = 0;
		*px = n;
	}
	QRcode_free(qr);
	return gray;
}

/* A QR code of uri at (x, y), size points square, with its label under it
 * in small type; returns the height used. */
static double add_qr(flow *f, pe_page *pg, const char *uri, const char *label, double x,
                     double y, double size, double label_w, bool *ok)
{
	int px = 0;
	unsigned char *gray = pe_handout_qr(uri, &px);
	if (!gray) {
		*ok = oom(f);
		return 0;
	}
	*ok = pe_page_add_gray(pg, x, y, size, size, gray, px, px) &&
	      pe_page_add_link(pg, x, y, size, size, uri);
	free(gray);
	if (!*ok) {
		oom(f);
		return 0;
	}
	pe_text_style ts = text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.text);
	ts.leading = 1.2;
	double h = pe_layout_plain(f->layout, pg, label, &ts, x, y + size + 2, label_w, NULL);
	return size + 2 + h;
}

/* ---- units ------------------------------------------------------------- */

static double qr_size(const flow *f)
{
	/* About 2 cm: scans from arm's length with any phone camera. */
	return fmax(56, f->st.body_size * 4.4);
}

/* Lay out one content block into a column of the given width at x. A
 * phone card gets its QR code beside it. */
static bool block_column(flow *f, column *c, const pe_block *b, const char *lang, double x,
                         double width)
{
	pe_page *pg = col_new(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return oom(f);
	/* pictures label their axes in the column's language (the words
	 * go in the style: the shared layout keeps no language) */
	pe_handout_picture_words(&f->st, lang);
	bool with_qr = f->tpl->qr && b->kind == PE_BLOCK_CONTACT && b->contact.phone &&
	               strpbrk(b->contact.phone, "0123456789");
	if (!with_qr) {
		c->h = pe_layout_block(f->layout, pg, b, &f->st, x, 0, width);
		c->n_breaks = pe_layout_block_breaks_all(f->layout, b, &f->st, width, &c->breaks);
		return true;
	}
	double q = qr_size(f), gap = f->st.body_size;
	double qcol = fmax(q, f->st.small_size * 9);   /* label: 2-3 short lines */
	double card_w = width - qcol - gap;
	double h = pe_layout_block(f->layout, pg, b, &f->st, x, 0, card_w);
	char uri[64];
	pe_phone_tel_uri(b->contact.phone, strlen(b->contact.phone), uri, sizeof uri);
	const char *label;
	if (strcmp(uri, PE_HELPLINE_TEL) == 0)
		/* TRANSLATORS: label under the QR code that dials the helpline. */
		label = tr(lang, NC_("handout/qr", "Scan to call the cancer helpline"));
	else
		/* TRANSLATORS: label under a QR code that dials a phone number. */
		label = tr(lang, NC_("handout/qr", "Scan to call"));
	bool ok;
	double qh = add_qr(f, pg, uri, label, x + width - qcol, 0, q, qcol, &ok);
	if (!ok)
		return false;
	c->h = fmax(h, qh);
	c->n_breaks = 0;   /* a card and its code stay together */
	return true;
}

/* A short paragraph that introduces the block after it ("Reactions can
 * be mild, moderate or severe." over the severity scale): at most two
 * lines, or ending in a colon. It goes to the next page with that block
 * rather than stay behind at the bottom of a page. */
static bool lead_in(const column *c, const pe_block *b)
{
	if (b->kind != PE_BLOCK_PARAGRAPH)
		return false;
	char *plain = pe_text_plain(&b->text);
	if (plain) {
		size_t len = strlen(plain);
		while (len > 0 && strchr(" \t\n", plain[len - 1]))
			len--;
		bool colon = len > 0 && plain[len - 1] == ':';
		free(plain);
		if (colon)
			return true;
	}
	const pe_page *pg = &c->d->pages[0];
	double lines[3];
	size_t n_lines = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		if (pg->ops[i].kind != PE_OP_TEXT)
			continue;
		bool seen = false;
		for (size_t k = 0; k < n_lines; k++)
			seen |= fabs(lines[k] - pg->ops[i].y) < EPS;
		if (seen)
			continue;
		if (n_lines == 2)
			return false;
		lines[n_lines++] = pg->ops[i].y;
	}
	return n_lines > 0;
}

/* mark: the outline entry for the section (NULL: none from this column;
 * bilingual, the first column's names both languages). */
static bool heading_column(flow *f, column *c, const pe_section *sec, double x, double width,
                           const char *mark)
{
	pe_page *pg = col_new(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return oom(f);
	if (mark && !pe_page_add_mark(pg, 0, mark, 1))
		return oom(f);
	c->h = pe_layout_heading(f->layout, pg, sec, &f->st, x, 0, width);
	return true;
}

/* The line under every handout's title and on the kiosk home screen:
 * what this paper is and is not, and what to do when the team cannot be
 * reached. */
const char *pe_handout_disclaimer(const char *lang)
{
	/* TRANSLATORS: under the title of every handout and on the kiosk home
	   screen. Plain words: the handout is general information; the
	   patient's own care team knows best; when they cannot be reached
	   and the patient feels very sick, go to the emergency room. */
	return tr(lang, NC_("handout/disclaimer", "This is general information. It does not "
	                    "replace your care team's advice. If you cannot reach your team and "
	                    "you feel very sick, go to the emergency room."));
}

/* Title, summary, the general-information line and a short accent bar
 * under them. */
static bool title_column(flow *f, column *c, const pe_topic *t, double x, double width,
                         const char *mark, const char *lang_label, const char *lang)
{
	pe_page *pg = col_new(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return oom(f);
	if (mark && !pe_page_add_mark(pg, 0, mark, 0))
		return oom(f);
	double y = 0;
	if (lang_label) {
		/* Bilingual: name the language over each column. */
		pe_text_style ls = text_style(f, PE_FACE_BOLD, f->st.small_size * 1.1, f->st.accent);
		y += pe_layout_plain(f->layout, pg, lang_label, &ls, x, y, width, NULL);
		y += f->st.small_size * 0.3;
	}
	pe_text_style ts = text_style(f, PE_FACE_BOLD, f->st.title_size, f->st.heading);
	ts.leading = 1.15;
	y += pe_layout_plain(f->layout, pg, t->title, &ts, x, y, width, NULL);
	y += f->st.title_size * 0.3;
	pe_text_style ss = text_style(f, PE_FACE_REGULAR, f->st.body_size * 1.08, f->st.text);
	y += pe_layout_plain(f->layout, pg, t->summary, &ss, x, y, width, NULL);
	y += f->st.body_size * 0.35;
	pe_text_style ds = text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.muted);
	y += pe_layout_plain(f->layout, pg, pe_handout_disclaimer(lang), &ds, x, y, width, NULL);
	y += f->st.body_size * 0.6;
	double bar = fmax(2, f->st.body_size * 0.2);
	if (!pe_page_add_rect(pg, x, y, fmin(width, f->st.body_size * 5), bar, f->st.accent,
	                      PE_NO_COLOR, 0, bar / 2))
		return oom(f);
	c->h = y + bar;
	return true;
}

/* "Revised June 4, 2024" in the handout's language. */
static void revised_text(const char *lang, const pe_topic *t, char *buf, size_t size)
{
	char date[128];
	if (!t->revised || !pe_i18n_format_date(lang, t->revised, date, sizeof date))
		snprintf(date, sizeof date, "%s", t->revised ? t->revised : "");
	/* TRANSLATORS: footer of a handout; %s is a date like "June 4, 2024". */
	snprintf(buf, size, tr(lang, NC_("handout/footer", "Revised %s")), date);
}

/* Sources in small type: "Title. Publisher, June 4, 2024." */
static bool sources_column(flow *f, column *c, const pe_topic *t, const char *lang, double x,
                           double width)
{
	pe_page *pg = col_new(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return oom(f);
	pe_text_style hs = text_style(f, PE_FACE_BOLD, f->st.small_size, f->st.text);
	/* TRANSLATORS: heading of the list of documents a handout is based on. */
	double y = pe_layout_plain(f->layout, pg, tr(lang, NC_("handout/sources", "Sources")), &hs, x, 0, width, NULL);
	pe_text_style ts = text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.text);
	ts.leading = fmin(f->st.leading, 1.3);
	for (size_t i = 0; i < t->n_sources; i++) {
		const pe_source *s = &t->sources[i];
		char date[128], acc[128], when[192] = "";
		if (!s->date || !pe_i18n_format_date(lang, s->date, date, sizeof date))
			snprintf(date, sizeof date, "%s", s->date ? s->date : "");
		if (s->accessed) {
			/* A source with no date of its own: the day we got it, never
			 * printed as if it were the publication date. */
			if (!pe_i18n_format_date(lang, s->accessed, acc, sizeof acc))
				snprintf(acc, sizeof acc, "%s", s->accessed);
			const char *fmt =
				/* TRANSLATORS: in a handout's list of sources, for a
				   document that shows no date of its own; %s is the day
				   the clinic received it, like "November 21, 2026". */
				pe_i18n_trc(lang, NC_("source", "accessed %s"), "accessed %s");
			snprintf(when, sizeof when, fmt, acc);
		}
		char *line = s->accessed && s->date
		                     ? g_strdup_printf("%s. %s, %s; %s.", s->cite, s->publisher, date, when)
		             : s->accessed ? g_strdup_printf("%s. %s, %s.", s->cite, s->publisher, when)
		                           : g_strdup_printf("%s. %s, %s.", s->cite, s->publisher, date);
		if (!line)
			return oom(f);
		y += pe_layout_plain(f->layout, pg, line, &ts, x, y, width, NULL);
		g_free(line);
	}
	c->h = y;
	c->n_breaks = 0;
	return true;
}

/* A labelled blank line a nurse can write on: "Phone: ________". The
 * writing lines of one group start at line_x (labels end before it), so
 * they line up; a label too long for that goes on its own line. */
static double blank_line(flow *f, pe_page *pg, const char *label, double x, double y,
                         double width, double line_x, double size, double min_rule)
{
	pe_text_style ts = text_style(f, PE_FACE_REGULAR, size, f->st.text);
	double lw = pe_layout_width(f->layout, label, PE_FACE_REGULAR, size);
	double line_h = size * ts.leading;
	double h = pe_layout_plain(f->layout, pg, label, &ts, x, y, width, NULL);
	double own = x + lw + size * 0.4;
	double lx = fmax(line_x, own);
	double rule_y = y + size * 1.3;   /* on the baseline, a little under */
	min_rule = fmin(min_rule, width * 0.35);
	if (x + width - lx < min_rule)
		lx = own;   /* give up lining up before giving up the line */
	if (x + width - lx < min_rule || h > line_h + EPS) {
		lx = x;
		rule_y = y + h + size * 1.3;
		h += line_h;
	}
	if (!pe_page_add_rect(pg, lx, rule_y, x + width - lx, fmax(0.5, size / 20), f->st.muted,
	                      PE_NO_COLOR, 0, 0))
		oom(f);
	return h + size * 0.35;
}

/* Where the writing lines of a group of labels start. */
static double lines_x(flow *f, const char *const *labels, size_t n, double x, double size)
{
	double w = 0;
	for (size_t i = 0; i < n; i++)
		w = fmax(w, pe_layout_width(f->layout, labels[i], PE_FACE_REGULAR, size));
	return x + w + size * 0.5;
}

/* The logo's size in pixels, from its PNG header (pngfile.h; the site
 * loader checked the whole file). A logo that no longer reads (changed on
 * disk since) is an error naming it, never a handout without it. */
static bool logo_size(flow *f, double *w, double *h)
{
	unsigned pw, ph;
	if (!pe_png_header(f->req->site->logo, &pw, &ph, NULL, f->err))
		return false;
	*w = pw;
	*h = ph;
	return true;
}

/* The care-team box: the clinic's phones as tel: links, or blank lines to
 * fill in when the site file gives none. */
static bool care_column(flow *f, column *c, const char *lang, double x, double width,
                        double min_h)
{
	const pe_site *site = f->req->site;
	column inner;
	pe_page *pg = col_new(&inner, f->tpl->width, f->tpl->height);
	if (!pg)
		return oom(f);
	double pad = f->st.body_size * 0.9;
	double logo_w = 0, logo_h = 0;
	if (site && site->logo && !logo_size(f, &logo_w, &logo_h)) {
		col_free(&inner);
		return false;
	}
	if (site && site->logo) {
		double scale = fmin(f->st.body_size * 6 / logo_w, f->st.body_size * 3.5 / logo_h);
		logo_w *= scale;
		logo_h *= scale;
	} else {
		logo_w = logo_h = 0;
	}
	double ix = x + pad, iw = width - 2 * pad - (logo_w > 0 ? logo_w + pad : 0);
	double y = pad;
	pe_text_style hs = text_style(f, PE_FACE_BOLD, f->st.body_size * 1.1, f->st.heading);
	/* TRANSLATORS: title of the box with the clinic's phone numbers. */
	y += pe_layout_plain(f->layout, pg, tr(lang, NC_("handout/contact", "Your care team")), &hs, ix, y, iw, NULL);
	y += f->st.body_size * 0.25;
	pe_text_style ts = text_style(f, PE_FACE_REGULAR, f->st.body_size, f->st.text);
	if (site && site->phone) {
		if (site->clinic_name)
			y += pe_layout_plain(f->layout, pg, site->clinic_name, &ts, ix, y, iw, NULL);
		struct { const char *label; const char *phone; } rows[] = {
			/* TRANSLATORS: before the clinic's phone number. */
			{ tr(lang, NC_("handout/contact", "Phone:")), site->phone },
			/* TRANSLATORS: before the clinic's after-hours phone number. */
			{ tr(lang, NC_("handout/contact", "After hours:")), site->after_hours_phone },
		};
		for (size_t i = 0; i < 2; i++) {
			if (!rows[i].phone)
				continue;
			char *label = g_strdup_printf("%s ", rows[i].label);
			pe_run runs[2] = { { label, PE_RUN_PLAIN }, { (char *)rows[i].phone, PE_RUN_PHONE } };
			pe_text t = { runs, 2 };
			y += pe_layout_text(f->layout, pg, &t, &ts, ix, y, iw, NULL);
			g_free(label);
		}
	} else {
		if (site && site->clinic_name)
			y += pe_layout_plain(f->layout, pg, site->clinic_name, &ts, ix, y, iw, NULL);
		const char *labels[] = {
			/* TRANSLATORS: a blank line follows where a nurse writes the number. */
			tr(lang, NC_("handout/contact", "Your care team's phone:")),
			/* TRANSLATORS: a blank line follows where a nurse writes the number. */
			tr(lang, NC_("handout/contact", "After hours:")),
			/* TRANSLATORS: a blank line follows for the nurse's or doctor's name. */
			tr(lang, NC_("handout/contact", "Your nurse or doctor:")),
		};
		double body = f->st.body_size;
		double gap = body * 1.5, cw = (iw - gap) / 2;
		double w1 = pe_layout_width(f->layout, labels[1], PE_FACE_REGULAR, body);
		double w2 = pe_layout_width(f->layout, labels[2], PE_FACE_REGULAR, body);
		/* Two on a row need at least an inch each to write in. */
		if (iw >= 420 && w1 + body * 0.4 + 72 <= cw && w2 + body * 0.4 + 72 <= cw) {
			/* Wide enough: both phones on one row, so the box stays
			 * small enough to share the last page with the content. */
			y += blank_line(f, pg, labels[0], ix, y, iw, 0, body, 144);
			double h1 = blank_line(f, pg, labels[1], ix, y, cw, 0, body, 72);
			double h2 = blank_line(f, pg, labels[2], ix + cw + gap, y, cw, 0, body, 72);
			y += fmax(h1, h2);
		} else {
			double lx = lines_x(f, labels, 3, ix, body);
			for (size_t i = 0; i < 3; i++)
				y += blank_line(f, pg, labels[i], ix, y, iw, lx, body, 144);
		}
	}
	double h = fmax(fmax(y + pad * 0.7, pad * 2 + logo_h), min_h);
	pe_page *out = col_new(c, f->tpl->width, f->tpl->height);
	if (!out) {
		col_free(&inner);
		return oom(f);
	}
	/* Inset by half the stroke so the border stays inside the column. */
	const double lw = 1.25;
	bool ok = pe_page_add_rect(out, x + lw / 2, lw / 2, width - lw, h - lw, f->st.info_bg,
	                           f->st.accent, lw, f->st.radius > 0 ? f->st.radius : 6) &&
	          pe_page_copy_ops(out, col_page(&inner), -1e9, 1e9, 0, 0);
	if (ok && logo_w > 0)
		ok = pe_page_add_png(out, x + width - pad - logo_w, pad, logo_w, logo_h, site->logo);
	col_free(&inner);
	if (!ok)
		return oom(f);
	c->h = h;
	c->n_breaks = 0;
	return true;
}

/* ---- topics ------------------------------------------------------------ */

typedef struct cols_geom cols_geom;
static void append_both(GString *out, const char *a, const char *b);
static bool end_units(flow *f, const cols_geom *g, column *out, bool side_by_side);

/* Lay out one unit per language for the pieces of a topic. n is 1 for a
 * handout and 2 for a bilingual one; x/w give the column of each. */
struct cols_geom {
	size_t n;
	double x[2], w[2];
	const pe_topic *t[2];
	const char *lang[2];
};

static void free_cols(column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		col_free(&cols[i]);
}

static bool empty_column(flow *f, column *c)
{
	if (!col_new(c, f->tpl->width, f->tpl->height))
		return oom(f);
	c->h = 0;
	return true;
}

/* Copy a column's ops into out at (dx, dy). */
static bool merge_column(flow *f, column *out, const column *c, double dx, double dy)
{
	if (!pe_page_copy_ops(col_page(out), &c->d->pages[0], -1e9, 1e9, dx, dy))
		return oom(f);
	return true;
}

/* The end of a topic, one column per language: the care-team box (when
 * the template has one) and the sources (when it lists them), stacked or
 * side by side, each unit unbreakable. Side by side, the sources take
 * two fifths of the width; both arrangements give every language's box
 * the height of the tallest, so bilingual boxes line up. */
static bool end_units(flow *f, const cols_geom *g, column *out, bool side_by_side)
{
	size_t n = g->n;
	column care[2] = { 0 }, src[2] = { 0 };
	bool care_on = f->tpl->care_team, src_on = f->tpl->footer & PE_EL_SOURCES;
	bool ok = false;
	double gap = side_by_side ? f->st.body_size * 1.2 : 2 * f->st.block_gap;
	double sw[2] = { 0, 0 }, cw[2];
	for (size_t i = 0; i < n; i++) {
		cw[i] = g->w[i];
		if (side_by_side) {
			sw[i] = g->w[i] * 0.4;
			cw[i] = g->w[i] - sw[i] - gap;
		}
	}
	double care_h = 0;
	for (size_t i = 0; care_on && i < n; i++) {
		if (!care_column(f, &care[i], g->lang[i], g->x[i], cw[i], 0))
			goto out;
		care_h = fmax(care_h, care[i].h);
	}
	for (size_t i = 0; src_on && i < n; i++) {
		double sx = side_by_side ? g->x[i] + cw[i] + gap : g->x[i];
		if (!sources_column(f, &src[i], g->t[i], g->lang[i], sx, side_by_side ? sw[i] : g->w[i]))
			goto out;
		if (side_by_side)
			care_h = fmax(care_h, src[i].h);
	}
	for (size_t i = 0; care_on && i < n; i++) {
		if (care[i].h >= care_h - EPS)
			continue;
		col_free(&care[i]);
		if (!care_column(f, &care[i], g->lang[i], g->x[i], cw[i], care_h))
			goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (!col_new(&out[i], f->tpl->width, f->tpl->height))
			goto oom;
		double y = 0;
		if (care_on) {
			if (!merge_column(f, &out[i], &care[i], 0, 0))
				goto out;
			y = side_by_side ? 0 : care[i].h + gap;
		}
		if (src_on) {
			if (!merge_column(f, &out[i], &src[i], 0, y))
				goto out;
			out[i].h = fmax(care_on ? care[i].h : 0, y + src[i].h);
		} else {
			out[i].h = care[i].h;
		}
		out[i].n_breaks = 0;
	}
	ok = true;
	goto out;
oom:
	oom(f);
out:
	free_cols(care, 2);
	free_cols(src, 2);
	return ok;
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

static bool layout_topic(flow *f, const cols_geom *g)
{
	column a[2] = { 0 }, b[2] = { 0 };
	bool ok = false;
	size_t n = g->n;

	if (!f->fresh && !new_page(f))
		return false;
	f->page_topic[f->page] = f->topic;

	/* The outline names both languages of a bilingual handout. */
	GString *mark = g_string_new(NULL);
	append_both(mark, g->t[0]->title, n > 1 ? g->t[1]->title : NULL);
	for (size_t i = 0; i < n; i++)
		if (!title_column(f, &a[i], g->t[i], g->x[i], g->w[i], i == 0 ? mark->str : NULL,
		                  n > 1 ? pe_i18n_native_name(g->lang[i]) : NULL, g->lang[i])) {
			g_string_free(mark, TRUE);
			goto out;
		}
	g_string_free(mark, TRUE);
	if (!place(f, a, n, f->st.section_gap))
		goto out;
	free_cols(a, n);

	size_t n_sec = g->t[0]->n_sections;
	for (size_t i = 1; i < n; i++)
		n_sec = n_sec > g->t[i]->n_sections ? n_sec : g->t[i]->n_sections;
	for (size_t s = 0; s < n_sec; s++) {
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
			if (sec ? !heading_column(f, &a[i], sec, g->x[i], g->w[i],
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
				if (has ? !block_column(f, &b[i], &sec->blocks[k], g->lang[i], g->x[i], g->w[i])
				        : !empty_column(f, &b[i]))
					goto out;
				lead |= has && k + 1 < sec->n_blocks && lead_in(&b[i], &sec->blocks[k]);
			}
			/* What must fit under the heading (or alone, further down):
			 * the start of this block, or all of a lead-in and the start
			 * of the block it introduces. */
			double gap = f->st.body_size * 0.35;
			/* The first section follows the title, which was placed
			 * with a section gap after it already: no second gap
			 * (the "when to get help" box needs that room on page 1). */
			double sec_gap = s == 0 ? 0 : f->st.section_gap;
			double above = k == 0 ? sec_gap + head_h + gap : 0;
			bool fits;
			if (!lead) {
				fits = start_fits(f, b, n, f->body_bottom - (f->y + above));
			} else {
				double lead_h = 0;
				for (size_t i = 0; i < n; i++)
					lead_h = fmax(lead_h, b[i].h);
				column nx[2] = { 0 };
				bool laid = true;
				for (size_t i = 0; laid && i < n; i++) {
					const pe_section *sec = section_at(g->t[i], s);
					laid = sec && k + 1 < sec->n_blocks
					       ? block_column(f, &nx[i], &sec->blocks[k + 1], g->lang[i], g->x[i], g->w[i])
					       : empty_column(f, &nx[i]);
				}
				fits = laid && lead_h <= f->body_bottom - (f->y + above) + EPS &&
				       start_fits(f, nx, n,
				                  f->body_bottom - (f->y + above + lead_h + f->st.block_gap));
				free_cols(nx, n);
				if (!laid)
					goto out;
			}
			if (k == 0) {
				/* Never a heading at the bottom of a page: it goes
				 * only where the start of its first block fits too
				 * (its first block after a short lead-in). */
				if (!f->fresh && !fits) {
					if (!new_page(f))
						goto out;
				} else if (!f->fresh) {
					f->y += sec_gap;
				}
				if (!place(f, a, n, gap))
					goto out;
				free_cols(a, n);
			} else if (lead && !f->fresh && !fits && !new_page(f)) {
				goto out;
			}
			if (!place(f, b, n, f->st.block_gap))
				goto out;
			free_cols(b, n);
		}
		free_cols(a, n);
	}

	if (f->tpl->care_team || (f->tpl->footer & PE_EL_SOURCES)) {
		/* The care-team box and the sources end the topic as one unit:
		 * stacked when that fits on the page; else side by side (the
		 * sources in a narrow column beside a narrower box) when that
		 * fits; else stacked on the next page. Never the sources alone
		 * on a last page. */
		f->y += f->tpl->care_team ? f->st.section_gap - f->st.block_gap : f->st.block_gap;
		double avail = f->body_bottom - f->y;
		if (!end_units(f, g, a, false))
			goto out;
		double h = 0;
		for (size_t i = 0; i < n; i++)
			h = fmax(h, a[i].h);
		if (h > avail + EPS && !f->fresh && f->tpl->care_team &&
		    (f->tpl->footer & PE_EL_SOURCES)) {
			column sbs[2] = { 0 };
			if (!end_units(f, g, sbs, true)) {
				free_cols(sbs, 2);
				goto out;
			}
			double h2 = 0;
			for (size_t i = 0; i < n; i++)
				h2 = fmax(h2, sbs[i].h);
			if (h2 <= avail + EPS && h2 < h) {
				free_cols(a, n);
				memcpy(a, sbs, sizeof sbs);
			} else {
				free_cols(sbs, 2);
			}
		}
		if (!place(f, a, n, f->st.block_gap))
			goto out;
		free_cols(a, n);
	}
	ok = true;
	goto out;
out_oom:
	oom(f);
out:
	free_cols(a, 2);
	free_cols(b, 2);
	return ok;
}

/* ---- header and footer ------------------------------------------------- */

static double header_height(const flow *f)
{
	return f->tpl->header ? f->st.small_size * 2.6 : 0;
}

static double footer_height(const flow *f)
{
	return f->tpl->footer & (PE_EL_PAGE | PE_EL_REVISED | PE_EL_CLINIC) ?
	       f->st.small_size * 2.2 : 0;
}

/* Right-aligned single line; skipped when it would run into left_end. */
static bool text_right(flow *f, pe_page *pg, const char *s, pe_face face, double size,
                       pe_color color, double right, double baseline, double left_end)
{
	double w = pe_layout_width(f->layout, s, face, size);
	if (right - w < left_end)
		return true;
	pe_text_style ts = text_style(f, face, size, color);
	ts.leading = 1.0;
	/* pe_layout_plain puts the first line's top at y; find the top that
	 * gives this baseline by laying out on a scratch page. */
	column c;
	pe_page *scratch = col_new(&c, pg->width, pg->height);
	if (!scratch)
		return oom(f);
	pe_layout_plain(f->layout, scratch, s, &ts, right - w - 1, 0, w + 2, NULL);
	double base0 = 0;
	for (size_t i = 0; i < scratch->n_ops; i++)
		if (scratch->ops[i].kind == PE_OP_TEXT) {
			base0 = scratch->ops[i].y;
			break;
		}
	bool ok = pe_page_copy_ops(pg, scratch, -1e9, 1e9, 0, baseline - base0);
	col_free(&c);
	return ok ? true : oom(f);
}

static double text_left(flow *f, pe_page *pg, const char *s, pe_face face, double size,
                        pe_color color, double x, double baseline, double max_w)
{
	pe_text_style ts = text_style(f, face, size, color);
	ts.leading = 1.0;
	double w = pe_layout_width(f->layout, s, face, size);
	if (w > max_w)
		return x;   /* does not fit on one line: leave it out */
	column c;
	pe_page *scratch = col_new(&c, pg->width, pg->height);
	if (!scratch) {
		col_free(&c);
		pe_page_fail(pg);   /* the words are missing: the handout fails */
		oom(f);
		return x;
	}
	pe_layout_plain(f->layout, scratch, s, &ts, x, 0, w + 2, NULL);
	double base0 = 0;
	for (size_t i = 0; i < scratch->n_ops; i++)
		if (scratch->ops[i].kind == PE_OP_TEXT) {
			base0 = scratch->ops[i].y;
			break;
		}
	pe_page_copy_ops(pg, scratch, -1e9, 1e9, 0, baseline - base0);
	col_free(&c);
	return x + w;
}

static const char *product_name(const flow *f, const char *lang)
{
	if (f->req->site && f->req->site->clinic_name)
		return f->req->site->clinic_name;
	/* TRANSLATORS: shown in the handout header when no clinic name is set. */
	return tr(lang, NC_("handout/header", "Patient education"));
}

static bool decorate(flow *f)
{
	const char *lang = f->req->lang;
	size_t total = f->dl->n_pages;
	double small = f->st.small_size;
	for (size_t p = 0; p < total; p++) {
		pe_page *pg = &f->dl->pages[p];
		const pe_topic *t = f->req->n_topics ? f->req->topics[f->page_topic[p]] : NULL;
		if (f->tpl->header) {
			double hh = header_height(f);
			if (!pe_page_add_rect(pg, f->x0, f->top, f->x1 - f->x0, hh, f->tpl->band,
			                      PE_NO_COLOR, 0, small * 0.5))
				return oom(f);
			double pad = small * 0.9;
			double base = f->top + hh / 2 + small * 0.36;
			double left_end = f->x0 + pad, name_x = f->x0 + pad;
			/* The clinic's logo opens the first page, top left, where a
			 * letterhead has it (the care-team box repeats it at the end). */
			const pe_site *site = f->req->site;
			double lw, lh;
			if (p == 0 && site && site->logo) {
				if (!logo_size(f, &lw, &lh))
					return false;
				double want_h = hh - small * 0.5;
				double scale = fmin(want_h / lh, (f->x1 - f->x0) * 0.25 / lw);
				if (!pe_page_add_png(pg, f->x0 + pad * 0.6, f->top + (hh - lh * scale) / 2,
				                     lw * scale, lh * scale, site->logo))
					return oom(f);
				name_x = left_end = f->x0 + pad * 0.6 + lw * scale + pad * 0.8;
			}
			if (f->tpl->header & PE_EL_CLINIC)
				left_end = text_left(f, pg, product_name(f, lang), PE_FACE_BOLD, small * 1.1,
				                     f->tpl->band_text, name_x, base, f->x1 - pad - name_x);
			const char *title = (f->tpl->header & PE_EL_TITLE) && t ? t->title : NULL;
			if (title && !(f->tpl->header & PE_EL_CLINIC))
				text_left(f, pg, title, PE_FACE_BOLD, small, f->tpl->band_text, name_x, base,
				          f->x1 - pad - name_x);
			else if (title && !text_right(f, pg, title, PE_FACE_REGULAR, small, f->tpl->band_text,
			                              f->x1 - pad, base, left_end + small * 2))
				return false;
		}
		if (footer_height(f) > 0) {
			double rule_y = f->bottom - footer_height(f) + small * 0.4;
			if (!pe_page_add_rect(pg, f->x0, rule_y, f->x1 - f->x0, 0.6, f->st.muted,
			                      PE_NO_COLOR, 0, 0))
				return oom(f);
			double base = f->bottom - small * 0.35;
			double left_end = f->x0;
			if ((f->tpl->footer & PE_EL_REVISED) && t) {
				char rev[512];
				revised_text(lang, t, rev, sizeof rev);
				double max_w = (f->x1 - f->x0) / 2;
				if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
					/* Both languages when they fit, else the first. */
					char rev2[256];
					revised_text(f->req->second_lang, f->req->second[f->page_topic[p]], rev2,
					             sizeof rev2);
					char *both = g_strdup_printf("%s  |  %s", rev, rev2);
					if (strcmp(rev, rev2) != 0 && strlen(both) < sizeof rev &&
					    pe_layout_width(f->layout, both, PE_FACE_REGULAR, small) <= max_w)
						memcpy(rev, both, strlen(both) + 1);
					g_free(both);
				}
				left_end = text_left(f, pg, rev, PE_FACE_REGULAR, small, f->st.muted, f->x0, base,
				                     max_w);
			}
			if (f->tpl->footer & PE_EL_CLINIC) {
				const char *name = product_name(f, lang);
				double w = pe_layout_width(f->layout, name, PE_FACE_REGULAR, small);
				double cx = (f->x0 + f->x1 - w) / 2;
				if (cx > left_end + small)
					left_end = text_left(f, pg, name, PE_FACE_REGULAR, small, f->st.muted, cx,
					                     base, w + 1);
			}
			if (f->tpl->footer & PE_EL_PAGE) {
				char num[256];
				/* TRANSLATORS: page footer, "Page 1 of 2". */
				snprintf(num, sizeof num, tr(lang, NC_("handout/footer", "Page %d of %d")), (int)p + 1, (int)total);
				if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
					char num2[128];
					snprintf(num2, sizeof num2, tr(f->req->second_lang, NC_("handout/footer", "Page %d of %d")),
					         (int)p + 1, (int)total);
					if (strcmp(num, num2) != 0) {
						size_t len = strlen(num);
						snprintf(num + len, sizeof num - len, "  |  %s", num2);
					}
				}
				if (!text_right(f, pg, num, PE_FACE_REGULAR, small, f->st.muted, f->x1, base,
				                left_end + small))
					return false;
			}
		}
		/* Bilingual: a thin rule between the two languages. */
		if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
			double mid = (f->x0 + f->x1) / 2;
			if (!pe_page_add_rect(pg, mid - 0.25, f->body_top, 0.5, f->body_bottom - f->body_top,
			                      f->st.muted, PE_NO_COLOR, 0, 0))
				return oom(f);
		}
	}
	return true;
}

/* ---- wallet card ------------------------------------------------------- */

static double plain_at(flow *f, pe_page *pg, const char *s, pe_face face, double size,
                       pe_color color, double x, double y, double width)
{
	pe_text_style ts = text_style(f, face, size, color);
	ts.leading = f->tpl->leading;
	return pe_layout_plain(f->layout, pg, s, &ts, x, y, width, NULL);
}

/* The wallet card's medical words: the emergency tier of the card topic's
 * <gethelp> (content/wallet-card.xml, kind="card"), in the card's
 * language. NULL with err set when the card has none. */
static const pe_tier *card_tier(flow *f)
{
	const pe_topic *card = f->req->card;
	if (!card) {
		pe_error_set(f->err, NULL, 0, "handout: the wallet card needs its words "
		             "(the topic of kind=\"card\", content/wallet-card.xml)");
		return NULL;
	}
	const pe_block *b = pe_topic_gethelp(card, NULL);
	if (b && b->n_tiers > 0 && b->tiers[0].level == PE_TIER_EMERGENCY)
		return &b->tiers[0];
	pe_error_set(f->err, card->path, b ? b->line : 0, "the wallet card needs a <gethelp> "
	             "with a <tier level=\"emergency\"> (its red band and 911 signs)");
	return NULL;
}

static double text_at(flow *f, pe_page *pg, const pe_text *t, pe_face face, double size,
                      pe_color color, double x, double y, double width)
{
	pe_text_style ts = text_style(f, face, size, color);
	ts.leading = f->tpl->leading;
	ts.link_color = color;
	return pe_layout_text(f->layout, pg, t, &ts, x, y, width, NULL);
}

/* Front: the red band (the tier's title), the signs as bullets and the
 * tier's notes ("Tell them ..."), all from the card topic; then the
 * blanks to fill in. No medical words of its own. */
static bool wallet_front(flow *f, const char *lang)
{
	const pe_tier *tier = card_tier(f);
	if (!tier || !new_page(f))
		return false;
	pe_page *pg = cur(f);
	double x0 = f->x0, w = f->x1 - f->x0, pad = 4;
	double body = f->st.body_size;
	char *head = pe_text_plain(&tier->title);
	if (!head)
		return oom(f);
	column probe;
	pe_page *sp = col_new(&probe, pg->width, pg->height);
	if (!sp) {
		free(head);
		return oom(f);
	}
	double hh = text_at(f, sp, &tier->title, PE_FACE_BOLD, f->st.title_size, f->tpl->band_text,
	                    0, 0, w - 2 * pad);
	col_free(&probe);
	double band_h = hh + 2 * pad - 1;
	bool ok = pe_page_add_mark(pg, f->top, head, 0) &&
	          pe_page_add_rect(pg, x0, f->top, w, band_h, f->tpl->band, PE_NO_COLOR, 0, 3);
	free(head);
	if (!ok)
		return oom(f);
	text_at(f, pg, &tier->title, PE_FACE_BOLD, f->st.title_size, f->tpl->band_text, x0 + pad,
	        f->top + pad - 0.5, w - 2 * pad);
	double y = f->top + band_h + pad;
	double indent = body * 1.1;
	for (size_t i = 0; i < tier->n_signs; i++) {
		double line = body * f->tpl->leading;
		double r = body * 0.17;
		if (!pe_shape_circle(pg, x0 + r + body * 0.25, y + line / 2, r, f->tpl->band,
		                     PE_NO_COLOR, 0))
			return oom(f);
		y += text_at(f, pg, &tier->signs[i].text, PE_FACE_REGULAR, body, f->st.text,
		             x0 + indent, y, w - indent);
	}
	for (size_t i = 0; i < tier->n_paras; i++) {
		y += body * 0.3;
		y += text_at(f, pg, &tier->paras[i].text, PE_FACE_BOLD, body, f->st.text, x0, y, w);
	}
	y += body * 0.5;
	const char *labels[] = {
		/* TRANSLATORS: wallet card, blank line for the patient's name. */
		tr(lang, NC_("wallet-card/front", "My name:")),
		/* TRANSLATORS: wallet card, blank line for the drug or treatment. */
		tr(lang, NC_("wallet-card/front", "My treatment:")),
	};
	double lx = lines_x(f, labels, 2, x0, body);
	for (size_t i = 0; i < 2 && y + body * 2 < f->bottom; i++)
		y += blank_line(f, pg, labels[i], x0, y, w, lx, body, body * 5);
	return true;
}

/* A phone row of the wallet card: the number as a tel: link, or a blank
 * line to write it on. */
static double wallet_row(flow *f, pe_page *pg, const char *label, const char *phone,
                         double x, double y, double w, double line_x)
{
	double body = f->st.body_size;
	if (!phone)
		return blank_line(f, pg, label, x, y, w, line_x, body, body * 5);
	char *l = g_strdup_printf("%s ", label);
	pe_run runs[2] = { { l, PE_RUN_PLAIN }, { (char *)phone, PE_RUN_PHONE } };
	pe_text t = { runs, 2 };
	pe_text_style ts = text_style(f, PE_FACE_REGULAR, body, f->st.text);
	ts.leading = f->tpl->leading;
	double h = pe_layout_text(f->layout, pg, &t, &ts, x, y, w, NULL);
	g_free(l);
	return h + body * 0.2;
}

static bool wallet_back(flow *f, const char *lang)
{
	if (!new_page(f))
		return false;
	pe_page *pg = cur(f);
	const pe_site *site = f->req->site;
	double x0 = f->x0, w = f->x1 - f->x0, body = f->st.body_size;
	double q = 54;   /* about 19 mm: scans from a hand's length */
	double lw = w - q - 5;
	/* TRANSLATORS: wallet card, back side title. */
	const char *title = tr(lang, NC_("wallet-card/back", "My care team"));
	if (!pe_page_add_mark(pg, f->top, title, 0))
		return oom(f);
	double y = f->top;
	y += plain_at(f, pg, title, PE_FACE_BOLD, f->st.title_size, f->st.heading, x0, y, lw);
	y += body * 0.2;
	const char *labels[] = {
		/* TRANSLATORS: wallet card, blank line for the clinic's name. */
		tr(lang, NC_("wallet-card/back", "Clinic:")),
		/* TRANSLATORS: wallet card, before the clinic's phone number. */
		tr(lang, NC_("wallet-card/back", "Phone:")),
		/* TRANSLATORS: wallet card, before the clinic's after-hours number. */
		tr(lang, NC_("wallet-card/back", "After hours:")),
	};
	double lx = lines_x(f, labels, 3, x0, body);
	if (site && site->clinic_name)
		y += plain_at(f, pg, site->clinic_name, PE_FACE_BOLD, body, f->st.text, x0, y, lw);
	else
		y += wallet_row(f, pg, labels[0], NULL, x0, y, lw, lx);
	y += wallet_row(f, pg, labels[1], site ? site->phone : NULL, x0, y, lw, lx);
	if (!site || site->after_hours_phone || !site->phone)
		y += wallet_row(f, pg, labels[2], site ? site->after_hours_phone : NULL, x0, y, lw, lx);
	y += body * 0.3;
	/* TRANSLATORS: wallet card, before the national helpline number. */
	y += plain_at(f, pg, tr(lang, NC_("wallet-card/back", "Cancer helpline, any time, day or night:")), PE_FACE_REGULAR,
	              body, f->st.text, x0, y, lw);
	pe_run run = { (char *)PE_HELPLINE_DISPLAY, PE_RUN_PHONE };
	pe_text t = { &run, 1 };
	pe_text_style ts = text_style(f, PE_FACE_BOLD, f->st.title_size * 1.15, f->st.heading);
	ts.leading = f->tpl->leading;
	y += pe_layout_text(f->layout, pg, &t, &ts, x0, y, lw, NULL);
	bool ok;
	double qh = add_qr(f, pg, PE_HELPLINE_TEL, tr(lang, NC_("wallet-card/back", "Scan to call the cancer helpline")),
	                   f->x1 - q, f->top, q, q, &ok);
	if (!ok)
		return false;
	/* The clinic's logo in the corner under the code, when there is room. */
	double logo_w, logo_h;
	if (site && site->logo) {
		if (!logo_size(f, &logo_w, &logo_h))
			return false;
		double room = f->bottom - (f->top + qh + 4);
		double scale = fmin(q / logo_w, fmin(room, 22) / logo_h);
		if (scale > 0 && logo_h * scale >= 8 &&
		    !pe_page_add_png(pg, f->x1 - logo_w * scale, f->bottom - logo_h * scale,
		                     logo_w * scale, logo_h * scale, site->logo))
			return oom(f);
	}
	/* For whoever finds the card in an emergency, at the bottom. */
	/* TRANSLATORS: wallet card, bottom line on the back. */
	const char *show = tr(lang, NC_("wallet-card/back", "Show this card to any doctor or nurse who treats you."));
	column probe;
	pe_page *sp = col_new(&probe, pg->width, pg->height);
	if (!sp)
		return oom(f);
	double sh = plain_at(f, sp, show, PE_FACE_ITALIC, f->st.small_size, f->st.muted, x0, 0, lw);
	for (size_t i = 0; i < sp->n_ops; i++) {   /* ink can hang below the line box */
		double ox0, oy0, ox1, oy1;
		pe_op_bounds(&sp->ops[i], &ox0, &oy0, &ox1, &oy1);
		sh = fmax(sh, oy1);
	}
	col_free(&probe);
	if (y + body * 0.4 + sh <= f->bottom)
		plain_at(f, pg, show, PE_FACE_ITALIC, f->st.small_size, f->st.muted, x0, f->bottom - sh, lw);
	return true;
}

/* ---- entry points ------------------------------------------------------ */

/* "A" or, bilingual, "A / B" (the same text once when both say it). */
static void append_both(GString *out, const char *a, const char *b)
{
	g_string_append(out, a ? a : "");
	if (b && a && strcmp(a, b) != 0)
		g_string_append_printf(out, " / %s", b);
}

/* PDF Title and Subject, which viewers show in the window title and the
 * document list: every topic of a pack ("A; B"), both languages of a
 * bilingual handout ("A / B"); the wallet card's Subject says what is on
 * it rather than repeating its title. */
static bool set_meta(flow *f)
{
	const pe_handout_req *req = f->req;
	const char *lang = req->lang;
	bool bi = f->tpl->kind == PE_TEMPLATE_BILINGUAL;
	GString *title = g_string_new(NULL), *subject = g_string_new(NULL);
	if (f->tpl->kind == PE_TEMPLATE_WALLET) {
		/* TRANSLATORS: PDF title of the wallet card (shown by PDF viewers). */
		g_string_append(title, tr(lang, NC_("wallet-card/pdf-title", "Emergency wallet card")));
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
	bool ok = pe_dlist_set_meta(f->dl, title->str, subject->str, lang);
	g_string_free(title, TRUE);
	g_string_free(subject, TRUE);
	return ok;
}

void pe_handout_picture_words(pe_style *st, const char *lang)
{
	for (int i = 0; i < PE_PICTURE_WORDS; i++) {
		const char *key = pe_layout_picture_word_key(i);
		const char *eot = strchr(key, '\004');
		st->words[i] = lang ? pe_i18n_tr_key(lang, key) : pe_i18n_pgettext(key, eot ? eot + 1 : key);
	}
}

/* Nothing was lost on the way: every allocation of layout and of the
 * display list succeeded (they mark failures instead of stopping), and no
 * text was refused. Otherwise the handout is not complete: an error. */
static bool complete(flow *f)
{
	const char *why = pe_layout_error(f->layout);
	if (why) {
		pe_error_set(f->err, NULL, 0, "%s", why);
		return false;
	}
	for (size_t p = 0; p < f->dl->n_pages; p++)
		if (f->dl->pages[p].failed) {
			pe_error_set(f->err, NULL, 0, "handout: out of memory laying out page %zu", p + 1);
			return false;
		}
	return true;
}

pe_dlist *pe_handout_layout(pe_layout *layout, const pe_handout_req *req, pe_error *err)
{
	const pe_template *tpl = req->tpl;
	flow f = { .layout = layout, .req = req, .tpl = tpl, .err = err };
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
	pe_template_style(tpl, &f.st);
	pe_handout_picture_words(&f.st, req->lang);
	/* The layout's error is sticky: start clean, look once at the end. */
	pe_layout_reset_error(layout);
	pe_template_area(tpl, &f.x0, &f.top, &f.x1, &f.bottom);
	f.body_top = f.top + header_height(&f) + (tpl->header ? f.st.body_size * 1.2 : 0);
	f.body_bottom = f.bottom - footer_height(&f) - (footer_height(&f) > 0 ? f.st.body_size * 0.6 : 0);
	if (!(f.dl = pe_dlist_create())) {
		oom(&f);
		return NULL;
	}

	if (!set_meta(&f)) {
		oom(&f);
		goto fail;
	}

	if (tpl->kind == PE_TEMPLATE_WALLET) {
		f.body_top = f.top;
		f.body_bottom = f.bottom;
		if (!wallet_front(&f, req->lang) || !wallet_back(&f, req->lang))
			goto fail;
		if (!complete(&f))
			goto fail;
		free(f.page_topic);
		return f.dl;
	}

	if (!new_page(&f))
		goto fail;
	for (size_t i = 0; i < req->n_topics; i++) {
		f.topic = i;
		cols_geom g = { .n = 1, .x = { f.x0 }, .w = { f.x1 - f.x0 },
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
		if (!layout_topic(&f, &g))
			goto fail;
	}
	if (!decorate(&f))
		goto fail;
	if (!complete(&f))
		goto fail;
	free(f.page_topic);
	return f.dl;

fail:
	free(f.page_topic);
	pe_dlist_destroy(f.dl);
	return NULL;
}

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
	bool ok = pe_pdf_write(dl, pe_layout_fonts(layout), out_path, err);
	pe_dlist_destroy(dl);
	if (ok && n_pages)
		*n_pages = pages;
	return ok;
}
