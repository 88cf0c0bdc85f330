/* SPDX-License-Identifier: MIT */
/*
 * handout_priv.h - what the files of the handout composition share:
 * handout.c (the units and shared helpers: calls none of the others),
 * handout_end.c (care-team box, sources), handout_header.c (header and
 * footer), wallet.c (wallet card), and on top handout_layout.c
 * (pe_handout_layout, pe_handout_write), which alone calls them all.
 *
 * Internal to core; handout.h is the API. The composition turns topics,
 * a template and a site into columns (layout.h) and hands them to the
 * paginator (paginate.h); it never measures text itself or paints.
 */
#ifndef PE_HANDOUT_PRIV_H
#define PE_HANDOUT_PRIV_H

#include "handout.h"
#include "paginate.h"

#define EPS PE_PAGINATE_EPS

/* One handout being composed. The pager's page tags are topic indices
 * (into req->topics) and its body lies between header and footer. */
typedef struct pe_flow {
	pe_layout *layout;
	const pe_handout_req *req;
	const pe_template *tpl;
	pe_style st;
	pe_error *err;
	double x0, x1, top, bottom;          /* printable area */
	pe_pager pager;
	bool care_at_end;                    /* this topic's care-team box ends it */
	bool heading_icons;                  /* this topic's headings all have icons */
	bool end_alone;                      /* its end (sources) went alone to its
	                                        last page */
} pe_flow;

/* The columns of one unit, one per language: n is 1 for a handout and 2
 * for a bilingual one; x/w give the column of each. */
typedef struct pe_cols_geom {
	size_t n;
	double x[2], w[2];
	const pe_topic *t[2];
	const char *lang[2];
} pe_cols_geom;

/* Set err to "out of memory"; returns false. */
bool pe_flow_oom(pe_flow *f);
/* Bilingual: the layout's direction for a column in lang, set before the
 * column is laid out (a right-to-left language's column is then built
 * mirrored, as a whole right-to-left handout is). Nothing otherwise: the
 * handout's own direction stays. */
void pe_flow_dir(pe_flow *f, const char *lang);
/* pe_pager_place, each bilingual column in a right-to-left language first
 * mirrored within its own column (g->x[i] .. g->x[i] + g->w[i]), so its
 * text is right-aligned and its bullets and icons on its right while the
 * other column stays left to right. Every column is placed once. */
bool pe_flow_place(pe_flow *f, const pe_cols_geom *g, pe_column *cols, double gap_after);
/* The template's leading and link colour with this face, size and colour. */
pe_text_style pe_flow_text_style(const pe_flow *f, pe_face face, double size, pe_color color);

/* A QR code of uri at (x, y), size points square, with its label under it
 * in small type; returns the height used (*ok false, err set, on failure). */
double pe_flow_add_qr(pe_flow *f, pe_page *pg, const char *uri, const char *label, double x,
                      double y, double size, double label_w, bool *ok);

/* Lay out one content block into a column of the given width at x. A
 * phone card gets its QR code beside it. */
bool pe_flow_block_column(pe_flow *f, pe_column *c, const pe_block *b, const char *lang,
                          double x, double width);
/* Whether a block is a short paragraph that introduces next (it goes to
 * the next page with it rather than stay behind); first: right under the
 * section's heading. */
bool pe_flow_lead_in(const pe_column *c, const pe_block *b, const pe_block *next, bool first);
/* Whether a lead-in (pe_flow_lead_in) may stay behind at the bottom of a
 * page after all, when taking it along would leave that page under 75%
 * full: two lines (its heading keeps two under it) that end a sentence
 * (".", not a colon that points at what follows). */
bool pe_flow_lead_may_stay(const pe_column *c, const pe_block *b);
/* A section heading; mark: its outline entry (NULL: none from this column). */
bool pe_flow_heading_column(pe_flow *f, pe_column *c, const pe_section *sec, double x,
                            double width, const char *mark);
/* Title, summary, the disclaimer and an accent bar; lang_label names the
 * language over a bilingual column (else NULL). */
bool pe_flow_title_column(pe_flow *f, pe_column *c, const pe_topic *t, double x, double width,
                          const char *mark, const char *lang_label, const char *lang);

/* A labelled blank line a nurse can write on ("Phone: ________") at
 * (x, y); the writing line starts at line_x when the label leaves room
 * for min_rule. Returns the height used. */
double pe_flow_blank_line(pe_flow *f, pe_page *pg, const char *label, double x, double y,
                          double width, double line_x, double size, double min_rule);
/* Where the writing lines of a group of labels start. */
double pe_flow_lines_x(pe_flow *f, const char *const *labels, size_t n, double x, double size);
/* The site logo's size in pixels (false with err set when it no longer reads). */
bool pe_flow_logo_size(pe_flow *f, double *w, double *h);

/* handout_end.c */
/* The care-team box (phones from the site file, or blank lines to fill
 * in) in a column of the given width at x; it goes under the title. */
bool pe_flow_care_box(pe_flow *f, pe_column *c, const char *lang, double x, double width);
/* The care-team box after the topic's first section ("when to get
 * help") when it did not fit under the title (f->care_at_end); then it
 * no longer ends the topic. */
bool pe_flow_care_late(pe_flow *f, const pe_cols_geom *g);
/* The end of a topic into out[0..g->n): its sources, which may break
 * between two sources (side_by_side is ignored). */
bool pe_flow_end_units(pe_flow *f, const pe_cols_geom *g, pe_column *out, bool side_by_side);

/* handout_header.c */
double pe_flow_header_height(const pe_flow *f);
double pe_flow_footer_height(const pe_flow *f);
/* Header and footer on every page of f->pager.dl. */
bool pe_flow_decorate(pe_flow *f);

/* wallet.c: both sides of the wallet card, each a new page. */
bool pe_wallet_layout(pe_flow *f, const char *lang);

#endif
