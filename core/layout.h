/* SPDX-License-Identifier: MIT */
/*
 * layout.h - Pango layout into display lists (dlist.h).
 *
 * One Pango context set up as doc/measurements.md says (72 dpi, hint
 * metrics off, hinting none, unrounded glyph positions, "kern 0, liga 0,
 * clig 0", no automatic hyphens) over the bundled fonts (fonts.h), so
 * that the widths Pango measures are the widths libharu and Cairo draw.
 * Layout decides every position; painters only draw. Nothing here knows
 * about libharu, SDL or files other than the fonts.
 *
 * Left-aligned, ragged right, no hyphenation. Units: points on paper,
 * pixels on screens (the caller chooses; layout does not care).
 */
#ifndef PE_LAYOUT_H
#define PE_LAYOUT_H

#include <stdbool.h>

#include "dlist.h"
#include "doc.h"
#include "error.h"
#include "fonts.h"

typedef struct pe_layout pe_layout;

pe_layout *pe_layout_create(const pe_fonts *fonts, pe_error *err);
void pe_layout_destroy(pe_layout *layout);         /* accepts NULL */
const pe_fonts *pe_layout_fonts(const pe_layout *layout);

/* Right to left (a language pe_lang_rtl() names): Pango's paragraph
 * direction is right to left, and numbers are isolated so they read left
 * to right ("1-800-227-2345" stays in order). Text is emitted in the mirror
 * image of its place, left-aligned from x, so that the page, built as for
 * a left-to-right language and then mirrored whole (pe_page_mirror), has
 * the text right-aligned with its runs in right-to-left order and the
 * bullets, icons and timelines on the mirrored side. Every page built
 * while this is set must be mirrored once. Off by default. */
void pe_layout_set_rtl(pe_layout *layout, bool rtl);
bool pe_layout_rtl(const pe_layout *layout);

/* Sticky status: the first thing layout could not do since the last
 * reset (out of memory, so text would be missing; a word too long to lay
 * out). Layout calls go on after it (returning what they can); the
 * caller checks once at the end and throws the result away: a handout is
 * complete or not written. pe_layout_error() is NULL while all is well. */
void pe_layout_reset_error(pe_layout *layout);
const char *pe_layout_error(const pe_layout *layout);
/* Record why (copied) unless an error is already recorded. */
void pe_layout_set_error(pe_layout *layout, const char *why);

/* The longest text with no space in it that layout accepts, in bytes.
 * Pango measures in int units and every text is shaped at one large size
 * (layout.c), so a line of about 8,000 characters would overflow them;
 * a longer "word" sets the error above and lays out nothing. */
#define PE_LAYOUT_MAX_WORD 4000

/* How one piece of text looks. Runs marked em/strong/phone change the face
 * (and phone runs get link_color and a tel: link). */
typedef struct pe_text_style {
	pe_face face;          /* base face for plain runs */
	double size;           /* font size */
	double leading;        /* line height as a multiple of size (1.35 typical) */
	pe_color color;
	pe_color link_color;   /* for phone runs; a == 0: use color */
} pe_text_style;

/* Break inline text into lines no wider than width and, when pg is not
 * NULL, append one PE_OP_TEXT per styled run per line, the first line's
 * top at y. Returns the height used (lines * size * leading). With pg NULL
 * it only measures. n_lines (may be NULL) receives the line count. A word
 * wider than width stays whole and sticks out (callers check for it); a
 * width <= 0 breaks at every opportunity. */
double pe_layout_text(pe_layout *layout, pe_page *pg, const pe_text *text,
                      const pe_text_style *st, double x, double y, double width,
                      int *n_lines);

/* The same for a plain UTF-8 string (no markup). */
double pe_layout_plain(pe_layout *layout, pe_page *pg, const char *utf8,
                       const pe_text_style *st, double x, double y, double width,
                       int *n_lines);

/* Natural width of a string on one line, unbroken. */
double pe_layout_width(pe_layout *layout, const char *utf8, pe_face face, double size);

/* The picture words, in the order of pe_style.words. */
enum {
	PE_WORD_INFUSION, PE_WORD_2_DAYS_BEFORE, PE_WORD_1_DAY, PE_WORD_3_DAYS,
	PE_WORD_3_WEEKS, PE_WORD_1_WEEK, PE_WORD_6_HOURS, PE_WORD_2_DAYS,
	PE_WORD_LEGEND_CARE, PE_WORD_LEGEND_EFFECT, PE_WORD_LEGEND_WARNING,
	PE_WORD_LEGEND_BENEFIT,
	PE_PICTURE_WORDS
};

/* The gettext key of picture word i ("timeline\004Infusion", see
 * NC_() in i18n.h): the English after the \004 is the word itself. */
const char *pe_layout_picture_word_key(int i);

/* The look of a block flow: type sizes, spacing and colours. Handout
 * templates fill one for paper (points); the kiosk fills one per screen
 * size, text-size step and theme (pixels). */
typedef struct pe_style {
	double body_size, heading_size, title_size, small_size;
	double leading;            /* body line height / size */
	double para_gap;           /* space after a paragraph */
	double block_gap;          /* space between blocks */
	double section_gap;        /* space before a section heading */
	double indent;             /* list / steps indent */
	double pad;                /* inner padding of callouts and cards */
	double rule;               /* line width of boxes and pictures */
	double radius;             /* corner radius of boxes */
	pe_color text, muted, heading, accent, link, page;
	pe_color info_bg, info_fg, warning_bg, warning_fg, emergency_bg, emergency_fg;
	pe_color mild, moderate, severe;   /* severity scale colours */
	bool draw_icons;           /* small vector icons before section headings */
	/* Words pictures draw that are not in the content (time-axis
	 * landmarks, the legend), already in the reader's language: layout
	 * never translates. pe_style_default() puts the English ones here;
	 * the caller replaces each with its translation of
	 * pe_layout_picture_word_key(i) (handout.h: pe_handout_picture_words). */
	const char *words[PE_PICTURE_WORDS];
} pe_style;

/* Fill a pe_style with the defaults for a body size (everything else is
 * scaled from it). high_contrast: black on white, no tinted boxes. */
void pe_style_default(pe_style *st, double body_size, bool high_contrast);

/* Lay out one block (paragraph, list, steps, callout, timeline, scale,
 * contact, checklist) at (x, y) in a column of the given width and return
 * its height. pg NULL measures only. Pictures (timeline, severity scale)
 * are drawn as vector paths and text; words they add that are not in the
 * content are st->words.
 * The height covers the block's own ink only: the caller adds
 * st->block_gap between blocks. Every op's top edge is at or below y, so
 * pe_page_copy_ops() with y_from = y takes the whole block. Laid-out texts
 * are cached inside the layout, so measuring (pg NULL) and then drawing
 * the same block costs one Pango layout. */
double pe_layout_block(pe_layout *layout, pe_page *pg, const pe_block *block,
                       const pe_style *st, double x, double y, double width);

/* Where a block laid out at some y may be split across pages, as offsets
 * from that y: the gaps between lines of a paragraph (never leaving a lone
 * first or last line on either side), between list items, steps and
 * checklist items, after a timeline's chart and between its events,
 * between the signs of a long get-help tier (2 at least on each side).
 * Never inside an item, a step, a timeline event or chart, a callout, a
 * contact card or a severity scale. Writes at most max offsets in
 * increasing order and returns how many. The paginator lays the block out
 * on a scratch page and copies [0, break) and [break, end) with
 * pe_page_copy_ops(). */
size_t pe_layout_block_breaks(pe_layout *layout, const pe_block *block,
                              const pe_style *st, double width,
                              double *breaks, size_t max);
/* The same with no limit: every break, into *breaks (malloc'd, caller
 * frees; NULL when there is none). Returns the count; on out of memory
 * sets the layout's error and returns 0. */
size_t pe_layout_block_breaks_all(pe_layout *layout, const pe_block *block,
                                  const pe_style *st, double width, double **breaks);
/* The height of the picture a block laid out at y = 0 opens with, given
 * its breaks: the timeline's chart over its events, which may float ahead
 * of them to the next page (pe_pager_float); 0 when there is none. */
double pe_layout_block_figure(const pe_block *block, const double *breaks, size_t n_breaks);

/* Where a "when to get help" block laid out at some y is split at offset
 * at inside a tier (between its signs: pe_layout_block_breaks), the head
 * the next page puts over the rest of that tier: its title strip with
 * `continued` after the title ("(continued)", in the reader's language),
 * drawn at (x, y) in width (pg NULL measures). Returns its height; 0 when
 * at is not inside a tier of b (between two tiers: nothing to repeat). */
double pe_layout_tier_continued(pe_layout *layout, pe_page *pg, const pe_block *b,
                                const pe_style *st, double x, double y, double width,
                                double at, const char *continued);

/* A section heading (with its icon when st->draw_icons); returns height. */
double pe_layout_heading(pe_layout *layout, pe_page *pg, const pe_section *sec,
                         const pe_style *st, double x, double y, double width);

/* Flow a whole topic into one tall page (no pagination), for the kiosk
 * reader: each section gets a PE_OP_MARK at its heading. Returns height. */
double pe_layout_flow_topic(pe_layout *layout, pe_page *pg, const pe_topic *topic,
                            const pe_style *st, double x, double y, double width);

/* Draw a simple vector icon in the square (x, y, size). */
void pe_layout_icon(pe_page *pg, pe_icon icon, double x, double y, double size,
                    pe_color color);
/* The same with the cut-outs (the "!", the "i", the tick, the drip's
 * level marks) in background, the colour the icon sits on;
 * pe_layout_icon cuts them in white, so a white icon on a coloured
 * button would lose them. */
void pe_layout_icon_on(pe_page *pg, pe_icon icon, double x, double y, double size,
                       pe_color color, pe_color background);

/* Font metrics of a face at a size (ascent above the baseline, descent
 * below it, both positive), and where pe_layout_text() puts the first
 * baseline below the top of its first line. For markers and pictures that
 * line up with text. */
double pe_layout_ascent(const pe_layout *layout, pe_face face, double size);
double pe_layout_descent(const pe_layout *layout, pe_face face, double size);
double pe_layout_baseline(const pe_layout *layout, const pe_text_style *st);

#endif
