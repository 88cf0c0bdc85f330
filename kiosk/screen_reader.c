/* SPDX-License-Identifier: MIT */
/*
 * screen_reader.c - the topic reader: its tall page (laid out once and
 * cached), the list of sections, the text size and print footer.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"

/* The reader's sizes, dp. */
#define DOC_PAD 40.0                /* the page's margin */
#define DOC_SLACK 8.0               /* kept free of text: rounding */
#define DOC_END 160.0               /* room after the last line */
#define DOC_COLUMN_EM 34.0          /* the column: 34 body sizes (about 70 characters) ... */
#define DOC_COLUMN_EXTRA 80.0       /* ... and this */
#define SCROLL_BAR_W 10.0
#define SIDE_W 400.0                /* the section list; on a narrow screen ... */
#define SIDE_W_NARROW 300.0
#define SECTION_GAP 12.0
#define SECTION_MAX_H 110.0
#define SECTION_MIN_H 64.0          /* and never under 15 mm */
#define SECTION_RADIUS 12.0
#define SECTION_BORDER 2.0
#define SECTION_PAD_X 16.0
#define SECTION_PAD_Y 8.0
#define SECTION_TYPE 28.0           /* every label; shrinks together to ... */
#define SECTION_TYPE_MIN 16.0
#define SECTIONS_HEAD_H 52.0        /* "In this topic" and its gap */
#define SECTIONS_HEAD_BOX 44.0
#define SECTIONS_HEAD_TYPE 28.0
#define SECTIONS_FIT_MIN 3          /* fewer fit: the heading gives its room */
#define PAGE_BUTTON_MAX_W 110.0     /* up and down: at most a third of the list */
#define COUNT_TYPE 28.0             /* "3-4 of 6" ... */
#define COUNT_TYPE_MIN 16.0
#define COUNT_TYPE_FLOOR 12.0       /* ... brought down to fit one line */

/* The widest single word of a string at a size and face: a word wider
 * than the column cannot be wrapped and would be cut. */
static double widest_word(ctx *c, const char *s, pe_face face, double size)
{
	double widest = 0;
	char word[256];
	while (s && *s) {
		size_t n = strcspn(s, " ");
		if (n > 0 && n < sizeof word) {
			memcpy(word, s, n);
			word[n] = 0;
			widest = fmax(widest, pe_layout_width(c->layout, word, face, size));
		}
		s += n;
		s += strspn(s, " ");
	}
	return widest;
}

/* The reader's style: the text step's body size, with the title and
 * heading sizes brought down when a long word (a long Spanish or
 * pseudo-locale word at the largest step on a portrait screen) would not
 * fit the column. */
static void reader_style(ctx *c, const pe_topic *topic, double width, pe_style *st)
{
	pe_style_default(st, D(c, pe_sc_body_steps[c->app->text_step]), c->app->high_contrast);
	/* the timeline's own words in the screen language (layout has none) */
	pe_handout_picture_words(st, NULL);
	double col = width - 2 * D(c, DOC_PAD) - D(c, DOC_SLACK);
	double w = widest_word(c, topic->title, PE_FACE_BOLD, st->title_size);
	if (w > col)
		st->title_size *= col / w;
	double hw = 0;
	for (size_t i = 0; i < topic->n_sections; i++) {
		char *plain = pe_text_plain(&topic->sections[i].heading);
		hw = fmax(hw, widest_word(c, plain, PE_FACE_BOLD, st->heading_size));
		free(plain);
	}
	/* Headings may carry an icon before them. */
	double icon_room = st->draw_icons ? st->heading_size * 1.6 : 0;
	if (hw > col - icon_room && hw > 0)
		st->heading_size *= (col - icon_room) / hw;
}

/* Lay out the open topic into the cache unless it is there already. */
static bool reader_doc(pe_screens *s, ctx *c, const pe_topic *topic, double width,
                       pe_error *err)
{
	doc_cache *dc = &s->doc;
	const char *lang = pe_library_lang(c->env->lib);
	if (dc->dl && dc->topic_id && strcmp(dc->topic_id, topic->id) == 0 &&
	    strcmp(dc->lang, lang ? lang : "") == 0 && dc->step == c->app->text_step &&
	    dc->width == width && dc->high_contrast == c->app->high_contrast)
		return true;
	pe_sc_doc_cache_clear(dc);
	pe_style st;
	reader_style(c, topic, width, &st);
	double pad = D(c, DOC_PAD);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, width, 0) : NULL;
	if (!pg) {
		pe_dlist_destroy(dl);
		pe_error_set(err, NULL, 0, "kiosk: out of memory laying out %s", topic->id);
		return false;
	}
	double h = pe_layout_flow_topic(c->layout, pg, topic, &st, pad, pad, width - 2 * pad);
	/* Room at the end so the last line can be read in the middle of the
	 * screen, not squeezed against the footer. */
	pg->height = h + 2 * pad + D(c, DOC_END);
	/* (built with the layout right to left: mirrored on its own width) */
	if (pe_layout_rtl(c->layout))
		pe_page_mirror(pg);
	size_t n = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_MARK && pg->ops[i].u.mark.level >= 1)
			n++;
	dc->marks = n ? malloc(n * sizeof *dc->marks) : NULL;
	dc->topic_id = strdup(topic->id);
	if ((n && !dc->marks) || !dc->topic_id || !pe_says_from_page(&dc->says, c->layout, pg)) {
		pe_dlist_destroy(dl);
		pe_sc_doc_cache_clear(dc);
		pe_error_set(err, NULL, 0, "kiosk: out of memory laying out %s", topic->id);
		return false;
	}
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_MARK && pg->ops[i].u.mark.level >= 1)
			dc->marks[dc->n_marks++] = fmax(0, pg->ops[i].y - pad / 2);
	dc->dl = dl;
	snprintf(dc->lang, sizeof dc->lang, "%s", lang ? lang : "");
	dc->step = c->app->text_step;
	dc->width = width;
	dc->high_contrast = c->app->high_contrast;
	return true;
}

static void reader_footer(ctx *c, pe_page *pg, double y, double h, bool two_rows)
{
	const theme *t = c->th;
	double m = D(c, MARGIN), g = D(c, GAP), bh = c->bar_bh;
	pe_sc_footer_bar(c, pg, y, h);
	double row1 = two_rows ? y + (h / 2 - bh) / 2 + D(c, FOOTER_ROW_NUDGE) : y + (h - bh) / 2;
	double x = m;
	double lw = pe_sc_text_size_label_width(c);
	pe_sc_fit_text(c, pg, pe_sc_text_size_label(), PE_FACE_BOLD, TYPE_TEXT_SIZE_LABEL, TYPE_MIN,
	               x, row1, lw, bh, t->text, ALIGN_LEFT);
	x += lw + D(c, TEXT_SIZE_LABEL_GAP);
	static const double a_sizes[PE_TEXT_STEPS] = { 30, 40, 52 };
	for (int i = 0; i < PE_TEXT_STEPS; i++) {
		/* TRANSLATORS: the letter shown on the text size buttons, in three
		   sizes. */
		pe_sc_button(c, pg, x, row1, bh, bh, C_("text size", "A"),
		             c->app->text_step == i ? BTN_SELECTED : BTN_NORMAL, PE_ACT_TEXT_SIZE, i,
		             a_sizes[i]);
		x += bh + D(c, TEXT_SIZE_BUTTON_GAP);
	}
	x += g;
	const char *print = pe_sc_print_this_label();
	double pw = pe_sc_button_width(c, print, TYPE_BUTTON, PRINT_BUTTON_MIN_W);
	pe_sc_button(c, pg, x, row1, pw, bh, print, BTN_NORMAL, PE_ACT_PRINT_OPEN, 0, TYPE_BUTTON);
	x += pw + g;
	double row2 = y + h / 2 + (h / 2 - bh) / 2 - D(c, FOOTER_ROW_NUDGE);
	pe_sc_footer_emergency(c, pg, two_rows ? row2 : row1, two_rows, x);
}

/* How many section buttons of height bh fit in avail. */
static size_t sections_fit(ctx *c, size_t n, double avail, double *bh)
{
	double gap = D(c, SECTION_GAP);
	double h = n ? fmin(D(c, SECTION_MAX_H), (avail - (double)(n - 1) * gap) / (double)n) : 0;
	*bh = fmax(h, T(c, SECTION_MIN_H));
	return avail + gap > 0 ? (size_t)floor((avail + gap) / (*bh + gap)) : 0;
}

/* The reader's list of sections between top and bottom: one button per
 * section. When a small panel cannot hold a 15 mm button for each, the
 * list shows a page of them over a row that turns the pages: an up
 * button, which ones of how many are showing ("3-4 of 6"), a down
 * button. Every section stays a touch or two away, and nothing moves
 * when a page turns. On the smallest panels the heading gives its room
 * to one more section. */
static void section_list(pe_screens *s, ctx *c, pe_page *pg, const pe_frame *fr, double x,
                         double top, double w, double bottom)
{
	const theme *t = c->th;
	size_t n = s->doc.n_marks;
	double gap = D(c, SECTION_GAP), head_h = D(c, SECTIONS_HEAD_H), bh;
	size_t fit = sections_fit(c, n, bottom - top - head_h, &bh);
	bool heading = true;
	if (n > fit && fit < SECTIONS_FIT_MIN) {
		double bh2;
		size_t fit2 = sections_fit(c, n, bottom - top, &bh2);
		if (fit2 > fit) {
			heading = false;
			fit = fit2;
			bh = bh2;
		}
	}
	double y = top + (heading ? head_h : 0);
	size_t first = 0, shown = n;
	if (n > fit) {
		/* A page of sections and one row for turning pages. */
		shown = fit > 1 ? fit - 1 : 1;
		first = c->app->section_first < n ? c->app->section_first : n - 1;
	}
	size_t last = first + shown < n ? first + shown : n;   /* one past */
	if (heading)
		/* TRANSLATORS: heading above the list of sections of a topic. */
		pe_sc_fit_text(c, pg, C_("kiosk/reader/sections", "In this topic"), PE_FACE_BOLD,
		               SECTIONS_HEAD_TYPE, TYPE_MIN, x, top, w, D(c, SECTIONS_HEAD_BOX),
		               t->muted, ALIGN_LEFT);
	/* One type size for the whole list, the largest every title fits at
	 * (on two lines where one is not enough): buttons side by side with
	 * labels in different sizes look like a mistake. Taken over every
	 * section, so it does not change when the list turns a page. */
	const pe_page *doc = fr->doc;
	double label_dp = SECTION_TYPE;
	for (size_t i = 0; i < doc->n_ops; i++) {
		const pe_op *op = &doc->ops[i];
		if (op->kind == PE_OP_MARK && op->u.mark.level >= 1)
			label_dp = fmin(label_dp, pe_sc_fit_size(c, op->u.mark.title, PE_FACE_BOLD, label_dp,
			                                         SECTION_TYPE_MIN, w - 2 * D(c, SECTION_PAD_X),
			                                         bh - 2 * D(c, SECTION_PAD_Y)));
	}
	size_t k = 0;
	for (size_t i = 0; i < doc->n_ops && k < last; i++) {
		const pe_op *op = &doc->ops[i];
		if (op->kind != PE_OP_MARK || op->u.mark.level < 1)
			continue;
		if (k >= first) {
			double by = y + (double)(k - first) * (bh + gap);
			/* The section being read is shown selected: where am I. */
			bool here = k == c->app->reading;
			pe_sc_rect(c, pg, x, by, w, bh, here ? t->selected_bg : t->tile_bg,
			           here ? t->selected_bg : t->tile_border, D(c, SECTION_BORDER),
			           D(c, SECTION_RADIUS));
			pe_sc_fit_text(c, pg, op->u.mark.title, PE_FACE_BOLD, label_dp, label_dp, x + D(c, SECTION_PAD_X),
			               by + D(c, SECTION_PAD_Y), w - 2 * D(c, SECTION_PAD_X), bh - 2 * D(c, SECTION_PAD_Y),
			               here ? t->selected_fg : t->button_fg, ALIGN_LEFT);
			pe_sc_hit(c, pg, x, by, w, bh, PE_ACT_SECTION, (int)k);
		}
		k++;
	}
	if (shown >= n)
		return;
	/* The page row sits under a full page, the same place on every page;
	 * a button with nowhere to go is left out, the count stays put. */
	double ny = y + (double)shown * (bh + gap);
	double aw = fmax(T(c, SECTION_MIN_H), fmin(D(c, PAGE_BUTTON_MAX_W), w * 0.3));
	if (first > 0)
		pe_sc_button_full(c, pg, x, ny, aw, bh, NULL, BTN_NORMAL, PE_ACT_SECTIONS_UP,
		                  (int)(first > shown ? first - shown : 0), SECTION_TYPE, LEAD_UP);
	if (last < n)
		pe_sc_button_full(c, pg, x + w - aw, ny, aw, bh, NULL, BTN_NORMAL, PE_ACT_SECTIONS_DOWN,
		                  (int)last, SECTION_TYPE, LEAD_DOWN);
	char count[64];
	if (last - first == 1)
		/* TRANSLATORS: under a list of sections that shows one at a
		   time: which one, of how many ("3 of 6"). */
		snprintf(count, sizeof count, C_("kiosk/reader/sections", "%d of %d"), (int)first + 1, (int)n);
	else
		/* TRANSLATORS: under a list of sections that do not all fit:
		   the first and last shown, of how many ("3–4 of 6"). */
		snprintf(count, sizeof count, C_("kiosk/reader/sections", "%d–%d of %d"), (int)first + 1, (int)last, (int)n);
	/* One line: "1–2 de / 9" broken in two reads as two numbers. The
	 * size comes down until it fits across (the page row is a button
	 * tall, so a smaller size still reads well). */
	double cw = w - 2 * (aw + gap), size = COUNT_TYPE;
	double nat = pe_layout_width(c->layout, count, PE_FACE_BOLD, D(c, COUNT_TYPE));
	if (nat > cw && nat > 0)
		size = fmax(COUNT_TYPE_FLOOR, COUNT_TYPE * cw / nat * 0.98);
	pe_sc_fit_text(c, pg, count, PE_FACE_BOLD, size, fmin(size, COUNT_TYPE_MIN), x + aw + gap, ny, cw, bh,
	               t->muted, ALIGN_CENTER);
}

bool pe_sc_build_topic(pe_screens *s, ctx *c, pe_page *pg, pe_frame *fr, pe_error *err)
{
	const theme *t = c->th;
	const pe_topic *topic = pe_sc_topic_at(c, c->app->topic);
	if (!topic)
		return true;
	pe_sc_background(c, pg);
	pe_sc_header(c, pg, topic->title, NULL, true, true, PE_ACT_BACK);
	double m = D(c, MARGIN), g = D(c, GAP);
	bool two_rows = pe_sc_footer_two_rows(c);
	double fh = pe_sc_footer_height(c, two_rows);
	double fy = c->H - fh;
	reader_footer(c, pg, fy, fh, two_rows);

	double top = c->header_h;
	double side_w = D(c, c->wdp < NARROW_DP ? SIDE_W_NARROW : SIDE_W);
	/* Whole pixels: scroll frames move the viewport's pixels by whole rows. */
	double vx = round(m + side_w + g), vw = c->W - vx;
	fr->reader = true;
	fr->vx = vx;
	fr->vy = round(top);
	fr->vw = vw;
	fr->vh = round(fy) - fr->vy;
	fr->bar_width = D(c, SCROLL_BAR_W);
	fr->bar_track = t->bar_track;
	fr->bar_thumb = t->bar_thumb;
	/* The text column: not wider than about 70 characters a line. */
	double col = fmin(vw - fr->bar_width - D(c, DOC_SLACK),
	                  D(c, pe_sc_body_steps[c->app->text_step]) * DOC_COLUMN_EM +
	                  D(c, DOC_COLUMN_EXTRA));
	if (!reader_doc(s, c, topic, floor(col), err))
		return false;
	fr->doc = &s->doc.dl->pages[0];
	/* The column in the middle of the viewport on wide screens: text
	 * hugging one side of a large white field looks unfinished. */
	fr->doc_x = floor(fmax(0, (vw - fr->bar_width * 2 - fr->doc->width) / 2));
	pe_style st;
	reader_style(c, topic, floor(col), &st);
	fr->doc_bg = st.page.a > 0 ? st.page : pe_rgb(1, 1, 1);
	fr->doc_height = fr->doc->height;
	fr->marks = s->doc.marks;
	fr->n_marks = s->doc.n_marks;

	section_list(s, c, pg, fr, m, top + g, side_w, fy - g);
	return true;
}
