/* SPDX-License-Identifier: MIT */
/*
 * handout.h - compose topics into paged handouts (display lists for the
 * PDF painter), and check the result.
 *
 * Composition only: header band, title and summary, sections with
 * headings kept with what follows, blocks split only where layout allows
 * (pe_layout_block_breaks), QR codes beside phone cards, the care-team
 * box, sources, and a footer on every page ("Page 1 of 2", revised date)
 * in the handout's language, which may differ from the UI language. The
 * wallet card is a fixed two-sided composition. Nothing here writes
 * files: pdf.h paints the result.
 */
#ifndef PE_HANDOUT_H
#define PE_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "dlist.h"
#include "doc.h"
#include "error.h"
#include "layout.h"
#include "site.h"
#include "template.h"

/* The national cancer helpline printed on every wallet card and encoded
 * in its QR code (American Cancer Society, any time, day or night). */
#define PE_HELPLINE_DISPLAY "1-800-227-2345"
#define PE_HELPLINE_TEL "tel:18002272345"
/* The id of the card topic the handout command hands the wallet card. */
#define PE_WALLET_CARD_ID "wallet-card"

typedef struct pe_handout_req {
	const pe_topic *const *topics;   /* one or more, all in lang */
	size_t n_topics;
	const char *lang;                /* "en", "es" */
	/* Bilingual template only: the same topics in the second language,
	 * same order and count. */
	const pe_topic *const *second;
	const char *second_lang;
	const pe_template *tpl;
	const pe_site *site;             /* may be NULL: blank lines to fill in */
	/* Wallet-card template only: the card's words (the topic of
	 * kind="card", content/<lang>/wallet-card.xml) in lang; its first
	 * <gethelp> must have an emergency tier. */
	const pe_topic *card;
	/* Optional, filled by pe_handout_layout: how the pages were balanced
	 * (for tests and benchmarks). */
	struct pe_handout_stats *stats;
	/* The most layouts more of a topic that balancing may search (one
	 * more may bring the best back); 0: the default, 24 (tests raise it
	 * to search with no limit). */
	size_t balance_tries;
} pe_handout_req;

/* Pages under 75% full but the last of a topic ("holes", and a last page
 * that would hold the sources alone) that the first, greedy fill left,
 * those left after balancing, the extra layouts balancing took, and the
 * topics whose search for fewer holes stopped at its limit before it had
 * tried every way the pages may end (summed over the topics). */
typedef struct pe_handout_stats {
	size_t holes_before, holes_after, relayouts, cut_short;
} pe_handout_stats;

/* Lay out the handout. Returns a display list (caller destroys) or NULL
 * with err set. The wallet-card template needs no topics, only req->card. */
pe_dlist *pe_handout_layout(pe_layout *layout, const pe_handout_req *req, pe_error *err);

/* Where the body of every page of a handout of req goes (between its
 * header and footer), in points from the top: what its pages are filled
 * against (the pagination test). False for the wallet card. */
bool pe_handout_body(pe_layout *layout, const pe_handout_req *req, double *top, double *bottom);

/* "This is general information. It does not replace your care team's
 * advice. ..." in lang: under every handout's title, and on the kiosk's
 * home screen. */
const char *pe_handout_disclaimer(const char *lang);

/* Check a laid-out handout: every painted op inside the printable area of
 * tpl, and every text op inside the box (rectangle) it starts in. False
 * with err naming the page and the text on the first fault. */
bool pe_handout_check(const pe_dlist *dl, const pe_template *tpl, pe_error *err);

/* The whole job, the one way both the handout command and the kiosk's
 * "Print this" make a PDF: lay out, check (pe_handout_check) and write
 * out_path (pe_handout_write_dlist). Nothing is written unless the layout
 * is complete and passes the check; err then says why ("layout check
 * failed: page 1: ..."). n_pages (may be NULL) gets the page count. */
bool pe_handout_write(pe_layout *layout, const pe_handout_req *req, const char *out_path,
                      size_t *n_pages, pe_error *err);

/* Write a laid-out (and checked) document as a PDF by the route its text
 * needs: libharu (pdf.h) when all of it is WinAnsi (CP1252), else Cairo's
 * PDF surface (cairo_pdf.h), which shapes every script. */
bool pe_handout_write_dlist(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                            pe_error *err);

/* The words pictures add (timeline landmarks and legend, layout.h) in
 * lang, or in the current UI language when lang is NULL, into st. The
 * strings belong to the catalogues. */
/* The wallet card (card: the two 85.6 x 54 mm pages pe_handout_layout
 * makes with the wallet-card template) print-ready on one paper_w x
 * paper_h sheet: n_cards (<= 0: as many as fit) front and back side by
 * side, a dashed fold line between them, a thin border and crop marks.
 * NULL with err set when they do not fit. */
pe_dlist *pe_wallet_sheet(const pe_dlist *card, double paper_w, double paper_h, int n_cards,
                          pe_error *err);
/* How many cards pe_wallet_sheet puts on such a sheet at most. */
int pe_wallet_sheet_capacity(double paper_w, double paper_h);

void pe_handout_picture_words(pe_style *st, const char *lang);

/* A QR code for text as gray pixels (0 = black) with a 4-module quiet
 * zone. Returns a malloc'd square of *px pixels per side, or NULL. */
unsigned char *pe_handout_qr(const char *text, int *px);

#endif
