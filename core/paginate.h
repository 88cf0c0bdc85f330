/* SPDX-License-Identifier: MIT */
/*
 * paginate.h - the paginator: units of side-by-side columns placed on
 * pages, split only at the breaks layout allows.
 *
 * Internal to core (the handout composition: handout.c, wallet.c). A
 * column is content laid out on its own scratch page at y = 0 with its
 * height and break offsets (pe_layout_block_breaks); the pager copies
 * columns onto the pages of a display list, cutting them across pages.
 * It knows nothing of topics, templates or languages: each page only
 * carries a caller's tag (the handout's topic index). It never measures
 * text or paints.
 */
#ifndef PE_PAGINATE_H
#define PE_PAGINATE_H

#include <stdbool.h>
#include <stddef.h>

#include "dlist.h"
#include "error.h"

/* The tolerance, in points, of every fit and break decision. */
#define PE_PAGINATE_EPS 0.01
/* A page is left at least this full (of its body) before a picture at
 * the top of a block is floated to the next page (pe_pager_float). */
#define PE_PAGINATE_MIN_FILL 0.75

/* One column of a unit: content laid out on its own scratch page. */
typedef struct pe_column {
	pe_dlist *d;        /* owns the scratch page */
	double h;
	double *breaks;     /* owned (malloc'd) or NULL; increasing */
	size_t n_breaks;
	/* For copying pieces of long columns, made on first use: prefix
	 * maxima and suffix minima of the ops' top edges, so each page copies
	 * only its own stretch of ops instead of looking at every op again
	 * (16,000 list items took 5.4 s that way). */
	double *top_pmax, *top_smin;
	size_t n_index;
	size_t *clip;       /* indices of the clippable ops (n_clip of them) */
	size_t n_clip;
	/* NULL, or one per break: what a page that starts at that break puts
	 * first (a get-help tier's title strip, "(continued)"); a zeroed
	 * column where nothing goes. Owned. */
	struct pe_column *cont;
	/* The height of a picture at its top that may float ahead of the
	 * rest (the timeline's chart over its events): the caller's word,
	 * 0 when none. A break lies there. */
	double figure;
	/* A box read on its own (a phone card): when it does not fit, it may
	 * wait whole for the top of the next page while what follows it, the
	 * next sections too, fills this one (pe_pager_box_waits,
	 * pe_pager_float_box). The caller's word. */
	bool box;
} pe_column;

/* A space between units on the current page, from at, size high; it may
 * shrink to min (half of what it was) when that keeps a unit on the
 * page (pe_pager_squeeze). */
typedef struct pe_glue {
	double at, size, min;
} pe_glue;

/* Where the next unit goes. The caller fills dl, err, the page size and
 * the body (between header and footer), then calls pe_pager_new_page(). */
typedef struct pe_pager {
	pe_dlist *dl;                        /* the pages (not owned) */
	pe_error *err;
	double page_width, page_height;      /* of every new page */
	double body_top, body_bottom;        /* where units go on a page */
	/* Pages that end higher than body_bottom, so that what would end them
	 * goes on to the next page: shave[k] points less for page k (index in
	 * dl; none past n_shave). Not owned; NULL: none. */
	const double *shave;
	size_t n_shave;
	double limit;                        /* where units end on the current page:
	                                        body_bottom less its shave */
	double y;                            /* next free y on the current page */
	double low;                          /* the end of what is on it (y less
	                                        the gap after the last unit) */
	size_t page;                         /* current page index in dl */
	bool fresh;                          /* nothing placed on it yet */
	size_t *page_tag;                    /* the tag of each page (owned) */
	size_t cap_pages;
	size_t tag;                          /* given to each new page */
	/* A floated picture waiting for the top of the next page (flt.d
	 * NULL: none), and the space under it there. */
	pe_column flt;
	double flt_gap;
	bool flt_box;                        /* it is a whole box (pe_column.box) */
	size_t continued;                    /* pieces placed under a repeated title
	                                        ("(continued)": a tier split) */
	pe_glue *glue;                       /* the spaces on the current page (owned) */
	size_t n_glue, cap_glue;
} pe_pager;

/* Start an empty column (zeroed) with one scratch page of w x h; NULL when
 * out of memory (the column then needs no pe_column_finish). */
pe_page *pe_column_init(pe_column *c, double w, double h);
pe_page *pe_column_page(pe_column *c);
/* Free what a column owns; a zeroed column is fine. */
void pe_column_finish(pe_column *c);
void pe_columns_finish(pe_column *cols, size_t n);
/* Put src under what dst holds, moved down by dy: its ops and its breaks
 * (none between the two: they go together), and what goes over a piece
 * that starts at one of them (taken from src); dst's height becomes
 * dy + src's. False when out of memory (dst then keeps its ops, and may
 * hold some of src's). */
bool pe_column_append(pe_column *dst, pe_column *src, double dy);
/* Make dst (uninitialised) the piece [from, to) of src, at y = 0, with
 * src's breaks inside it, cut as the pager cuts pieces. src must have no
 * continuations. False (err set) when out of memory. */
bool pe_column_slice(pe_column *dst, pe_column *src, double from, double to, pe_error *err);

/* Add a page, tagged p->tag, and go to its body top. False (err set)
 * when out of memory. */
bool pe_pager_new_page(pe_pager *p);
pe_page *pe_pager_page(pe_pager *p);
/* Place a unit of n (1 or 2) side-by-side columns at p->y, splitting
 * across pages at allowed breaks, and advance p->y past it plus
 * gap_after. False with err set when out of memory or unplaceable. */
bool pe_pager_place(pe_pager *p, pe_column *cols, size_t n, double gap_after);
/* Whether the start of a unit fits in avail: all of it, up to a break,
 * or (for a block taller than a page) up to a safe cut. */
bool pe_pager_start_fits(const pe_pager *p, const pe_column *cols, size_t n, double avail);
/* A picture floats, as a typesetter floats a figure: when the start of
 * a unit of n (1 or 2) columns, each with a picture at its top
 * (figure > 0, no continuations), does not fit in avail, the page would
 * stay under PE_PAGINATE_MIN_FILL full, and what follows the pictures
 * does start there, the pictures are cut off the columns and wait, side
 * by side, for the top of the next page (pe_pager_new_page puts them
 * there, gap_after under them) while the columns, now the rest, fill
 * this one. *floated says whether they did (the caller then places the
 * columns). One float waits at a time; the caller places it with
 * pe_pager_flush_float before anything of another section. False (err
 * set) when out of memory. */
bool pe_pager_float(pe_pager *p, pe_column *cols, size_t n, double avail, double gap_after,
                    bool *floated);
/* Whether a unit of boxes (every column c->box or empty, n of them: a
 * phone card, in each language of a bilingual handout) waits whole for
 * the top of the next page: it does not start in avail, the page is
 * under PE_PAGINATE_MIN_FILL full, nothing else waits, and it fits a
 * page. */
bool pe_pager_box_waits(const pe_pager *p, const pe_column *cols, size_t n, double avail);
/* Make such a unit wait (pe_pager_new_page puts it first, gap_after
 * under it): the columns side by side in one, and each left empty (h 0:
 * the caller places nothing). It may wait past the end of its section:
 * pe_pager_flush_float when the caller is done with what may go before
 * it. False (err set) when out of memory. */
bool pe_pager_float_box(pe_pager *p, pe_column *cols, size_t n, double gap_after);
/* Leave a space of size under what is on the current page (p->y moves
 * down); one that may shrink. False (err set) when out of memory. */
bool pe_pager_space(pe_pager *p, double size);
/* How much the spaces on the current page may still shrink, together. */
double pe_pager_slack(const pe_pager *p);
/* Shrink the spaces on the current page by amount together (at most
 * pe_pager_slack), each in proportion to what it may give: what is under
 * a space moves up with it, and p->y and p->low with the last. A
 * typesetter's shrinkable glue, used rather than let a unit turn the
 * page. */
void pe_pager_squeeze(pe_pager *p, double amount);
/* What a unit needs on a page before anything of it can go there: the
 * height of its start (to its first break, or all of it), the tallest
 * column's. */
double pe_pager_start_height(const pe_column *cols, size_t n);
/* How full the current page's body is: 0 to 1. */
double pe_pager_fill(const pe_pager *p);
/* How full page k's body is as drawn: down to the lowest thing drawn in
 * the body (what a reader sees; pe_pager_fill counts the space a unit
 * keeps under its last line too). */
double pe_pager_drawn_fill(const pe_pager *p, size_t k);
/* Place the waiting picture, if any, at p->y (or on the next page). */
bool pe_pager_flush_float(pe_pager *p);
/* Free the page tags (the pages belong to dl) and a waiting picture. */
void pe_pager_finish(pe_pager *p);

#endif
