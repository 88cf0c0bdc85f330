/* SPDX-License-Identifier: MIT */
/*
 * handout.c - the units of a handout (see handout.h, handout_priv.h): a
 * topic's title, its section headings, each content block in a column
 * (a phone card with its QR code beside it), the disclaimer; and what the
 * other files of the composition share: styles, QR codes, blank lines to
 * write on, the logo's size. handout_layout.c puts the units on pages;
 * handout_end.c, handout_header.c and wallet.c build the rest.
 *
 * The base of the handout composition: it calls nothing of the other
 * files but the care-team box (handout_end.c) under the title. This module must never measure text itself (layout does), paint
 * (pdf.c does) or read files (the caller loads topics, template and site;
 * only the logo's PNG header is read, for its size, through pngfile.h).
 * Words printed here that are not content go through pe_i18n_tr() in the
 * handout's language, so a Spanish handout can be made from an English UI.
 */
#include "handout.h"
#include "handout_priv.h"

#include <glib.h>
#include <math.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pngfile.h"
#include "validate.h"

bool pe_flow_oom(pe_flow *f)
{
	pe_error_set(f->err, NULL, 0, "handout: out of memory");
	return false;
}

/* key is an NC_() key: every UI string has a context (po-qa checks). */
static const char *tr(const char *lang, const char *key)
{
	return pe_i18n_tr_key(lang, key);
}

/* ---- styles ------------------------------------------------------------ */

pe_text_style pe_flow_text_style(const pe_flow *f, pe_face face, double size, pe_color color)
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
double pe_flow_add_qr(pe_flow *f, pe_page *pg, const char *uri, const char *label, double x,
                      double y, double size, double label_w, bool *ok)
{
	int px = 0;
	unsigned char *gray = pe_handout_qr(uri, &px);
	if (!gray) {
		*ok = pe_flow_oom(f);
		return 0;
	}
	*ok = pe_page_add_gray(pg, x, y, size, size, gray, px, px) &&
	      pe_page_add_link(pg, x, y, size, size, uri);
	free(gray);
	if (!*ok) {
		pe_flow_oom(f);
		return 0;
	}
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.text);
	ts.leading = 1.2;
	double h = pe_layout_plain(f->layout, pg, label, &ts, x, y + size + 2, label_w, NULL);
	return size + 2 + h;
}

/* ---- units ------------------------------------------------------------- */

static double qr_size(const pe_flow *f)
{
	/* About 2 cm: scans from arm's length with any phone camera. */
	return fmax(56, f->st.body_size * 4.4);
}

/* Lay out one content block into a column of the given width at x. A
 * phone card gets its QR code beside it. */
/* A get-help tier split between its signs: the next page starts with its
 * title strip again, "(continued)" after the title (c->cont). */
static bool tier_heads(pe_flow *f, pe_column *c, const pe_block *b, const char *lang, double x,
                       double width)
{
	if (!c->n_breaks)
		return true;
	if (!(c->cont = calloc(c->n_breaks, sizeof *c->cont)))
		return pe_flow_oom(f);
	/* TRANSLATORS: after the title of a "when to get help" tier (Call 911
	   if you have) at the top of a page, when its signs began on the page
	   before. */
	const char *word = tr(lang, NC_("handout/tier", "(continued)"));
	for (size_t k = 0; k < c->n_breaks; k++) {
		if (!pe_layout_tier_continued(f->layout, NULL, b, &f->st, x, 0, width, c->breaks[k],
		                              word))
			continue;
		pe_page *pg = pe_column_init(&c->cont[k], f->tpl->width, f->tpl->height);
		if (!pg)
			return pe_flow_oom(f);
		c->cont[k].h = pe_layout_tier_continued(f->layout, pg, b, &f->st, x, 0, width,
		                                        c->breaks[k], word);
	}
	return true;
}

bool pe_flow_block_column(pe_flow *f, pe_column *c, const pe_block *b, const char *lang, double x,
                          double width)
{
	pe_page *pg = pe_column_init(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return pe_flow_oom(f);
	/* pictures label their axes in the column's language (the words
	 * go in the style: the shared layout keeps no language) */
	pe_handout_picture_words(&f->st, lang);
	bool with_qr = f->tpl->qr && b->kind == PE_BLOCK_CONTACT && b->contact.phone &&
	               strpbrk(b->contact.phone, "0123456789");
	if (!with_qr) {
		c->h = pe_layout_block(f->layout, pg, b, &f->st, x, 0, width);
		c->n_breaks = pe_layout_block_breaks_all(f->layout, b, &f->st, width, &c->breaks);
		c->figure = pe_layout_block_figure(b, c->breaks, c->n_breaks);
		c->box = b->kind == PE_BLOCK_CONTACT;
		return b->kind != PE_BLOCK_GETHELP || tier_heads(f, c, b, lang, x, width);
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
	double qh = pe_flow_add_qr(f, pg, uri, label, x + width - qcol, 0, q, qcol, &ok);
	if (!ok)
		return false;
	c->h = fmax(h, qh);
	c->n_breaks = 0;   /* a card and its code stay together */
	c->box = true;     /* and say all they say on their own */
	return true;
}

/* A box: it is read as one thing of its own, not as what a paragraph
 * above it goes on to say. */
static bool boxed(const pe_block *b)
{
	return b->kind == PE_BLOCK_CALLOUT || b->kind == PE_BLOCK_CONTACT ||
	       b->kind == PE_BLOCK_CHECKLIST || b->kind == PE_BLOCK_GETHELP;
}

/* A short paragraph that introduces the block after it ("Reactions can
 * be mild, moderate or severe." over the severity scale): at most two
 * lines, or ending in a colon. It goes to the next page with that block
 * rather than stay behind at the bottom of a page. Above a box only a
 * colon makes it one, or being a single line right under the heading
 * (which keeps two lines under it): a short paragraph there says
 * something of its own, and dragged to the next page with the box it
 * left a hole where it would have fitted. */
bool pe_flow_lead_in(const pe_column *c, const pe_block *b, const pe_block *next, bool first)
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
	if (next && boxed(next))
		return first && n_lines == 1;
	return n_lines > 0;
}

bool pe_flow_lead_may_stay(const pe_column *c, const pe_block *b)
{
	char *plain = pe_text_plain(&b->text);
	if (!plain)
		return false;
	size_t len = strlen(plain);
	while (len > 0 && strchr(" \t\n", plain[len - 1]))
		len--;
	bool stop = len > 0 && strchr(".!?", plain[len - 1]);
	free(plain);
	if (!stop)
		return false;
	const pe_page *pg = &c->d->pages[0];
	double lines[3];
	size_t n_lines = 0;
	for (size_t i = 0; i < pg->n_ops && n_lines < 3; i++) {
		if (pg->ops[i].kind != PE_OP_TEXT)
			continue;
		bool seen = false;
		for (size_t k = 0; k < n_lines; k++)
			seen |= fabs(lines[k] - pg->ops[i].y) < EPS;
		if (!seen)
			lines[n_lines++] = pg->ops[i].y;
	}
	return n_lines == 2;
}

/* mark: the outline entry for the section (NULL: none from this column;
 * bilingual, the first column's names both languages). */
bool pe_flow_heading_column(pe_flow *f, pe_column *c, const pe_section *sec, double x, double width,
                            const char *mark)
{
	pe_page *pg = pe_column_init(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return pe_flow_oom(f);
	if (mark && !pe_page_add_mark(pg, 0, mark, 1))
		return pe_flow_oom(f);
	/* Icons on every heading of the topic or on none: one left edge. */
	pe_style st = f->st;
	st.draw_icons = st.draw_icons && f->heading_icons;
	c->h = pe_layout_heading(f->layout, pg, sec, &st, x, 0, width);
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

/* The summary ("Emergency signs: call 911"), a plain string: every 911
 * in it standing alone becomes a phone run, a tel: link a phone dials,
 * as 911 is everywhere else on a handout. */
static bool summary_text(pe_flow *f, pe_page *pg, const char *s, const pe_text_style *ts,
                         double x, double y, double width, double *h)
{
	size_t len = strlen(s), cap = 1;
	for (const char *p = s; (p = strstr(p, "911")); p += 3)
		cap += 2;
	pe_run *runs = calloc(cap, sizeof *runs);
	char *buf = malloc(len + cap * 2 + 1);
	if (!runs || !buf) {
		free(runs);
		free(buf);
		return pe_flow_oom(f);
	}
	size_t n = 0, from = 0;
	char *w = buf;
	for (size_t i = 0; i + 3 <= len; i++) {
		if (strncmp(s + i, "911", 3) != 0 || (i > 0 && g_ascii_isalnum(s[i - 1])) ||
		    g_ascii_isalnum(s[i + 3]))
			continue;
		if (i > from) {
			runs[n++] = (pe_run){ w, PE_RUN_PLAIN };
			memcpy(w, s + from, i - from);
			w += i - from;
			*w++ = '\0';
		}
		runs[n++] = (pe_run){ w, PE_RUN_PHONE };
		memcpy(w, "911", 4);
		w += 4;
		from = i + 3;
		i += 2;
	}
	if (from < len || n == 0) {
		runs[n++] = (pe_run){ w, PE_RUN_PLAIN };
		memcpy(w, s + from, len - from + 1);
	}
	pe_text text = { runs, n };
	*h = pe_layout_text(f->layout, pg, &text, ts, x, y, width, NULL);
	free(runs);
	free(buf);
	return true;
}

/* Whether the first section's heading and the start of its first block
 * fit on page 1 under a title column of height h. */
static bool care_leaves_room(pe_flow *f, const pe_topic *t, const char *lang, double x,
                             double width, double h, bool *fits)
{
	size_t gh = 0;
	if (!pe_topic_gethelp(t, &gh))
		gh = 0;
	*fits = true;
	if (gh >= t->n_sections || t->sections[gh].n_blocks == 0)
		return true;
	const pe_section *sec = &t->sections[gh];
	pe_column hc = { 0 }, bc = { 0 };
	bool ok = pe_flow_heading_column(f, &hc, sec, x, width, NULL) &&
	          pe_flow_block_column(f, &bc, &sec->blocks[0], lang, x, width);
	if (ok) {
		double above = h + f->st.section_gap + hc.h + f->st.body_size * 0.35;
		/* (the page's own end: a balanced first page may end higher) */
		double avail = f->pager.limit - f->pager.body_top - above;
		*fits = pe_pager_start_fits(&f->pager, &bc, 1, avail);
		/* The get-help box: its first tier whole. The care box does not
		 * push the 911 tier onto two pages (it may be split only where
		 * it cannot be whole under the title). */
		if (sec->blocks[0].kind == PE_BLOCK_GETHELP) {
			double first = bc.h;
			for (size_t k = 0; k < bc.n_breaks; k++)
				if (!bc.cont || !bc.cont[k].d) {
					first = bc.breaks[k];
					break;
				}
			*fits = first <= avail + EPS;
		}
	}
	pe_column_finish(&hc);
	pe_column_finish(&bc);
	return ok;
}

/* Title, summary, the general-information line and a short accent bar
 * under them, then the care-team box (when the template has one and it
 * leaves room for the start of the first section on page 1; else it
 * follows the first section: f->care_at_end). */
bool pe_flow_title_column(pe_flow *f, pe_column *c, const pe_topic *t, double x, double width,
                          const char *mark, const char *lang_label, const char *lang)
{
	pe_page *pg = pe_column_init(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return pe_flow_oom(f);
	if (mark && !pe_page_add_mark(pg, 0, mark, 0))
		return pe_flow_oom(f);
	double y = 0;
	if (lang_label) {
		/* Bilingual: name the language over each column. */
		pe_text_style ls = pe_flow_text_style(f, PE_FACE_BOLD, f->st.small_size * 1.1, f->st.accent);
		y += pe_layout_plain(f->layout, pg, lang_label, &ls, x, y, width, NULL);
		y += f->st.small_size * 0.3;
	}
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_BOLD, f->st.title_size, f->st.heading);
	ts.leading = 1.15;
	y += pe_layout_plain(f->layout, pg, t->title, &ts, x, y, width, NULL);
	y += f->st.title_size * 0.3;
	pe_text_style ss = pe_flow_text_style(f, PE_FACE_REGULAR, f->st.body_size * 1.08, f->st.text);
	double sh;
	if (!summary_text(f, pg, t->summary, &ss, x, y, width, &sh))
		return false;
	y += sh;
	y += f->st.body_size * 0.35;
	pe_text_style ds = pe_flow_text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.muted);
	y += pe_layout_plain(f->layout, pg, pe_handout_disclaimer(lang), &ds, x, y, width, NULL);
	y += f->st.body_size * 0.6;
	double bar = fmax(2, f->st.body_size * 0.2);
	if (!pe_page_add_rect(pg, x, y, fmin(width, f->st.body_size * 5), bar, f->st.accent,
	                      PE_NO_COLOR, 0, bar / 2))
		return pe_flow_oom(f);
	c->h = y + bar;
	if (mark) {
		f->care_at_end = false;   /* the first column decides for the topic */
		f->heading_icons = true;
	}
	for (size_t i = 0; i < t->n_sections; i++)
		f->heading_icons &= t->sections[i].icon != PE_ICON_NONE;
	if (f->tpl->care_team && f->tpl->kind != PE_TEMPLATE_WALLET && !f->care_at_end) {
		/* The care team's phones come first, under the title, unless
		 * that pushes the start of the first section (the 911 signs)
		 * off page 1: then they follow that section
		 * (pe_flow_care_late). */
		pe_column box = { 0 };
		if (!pe_flow_care_box(f, &box, lang, x, width)) {
			pe_column_finish(&box);
			return false;
		}
		double by = c->h + f->st.body_size;
		bool fits, fits_alone;
		if (!care_leaves_room(f, t, lang, x, width, by + box.h, &fits) ||
		    !care_leaves_room(f, t, lang, x, width, c->h, &fits_alone)) {
			pe_column_finish(&box);
			return false;
		}
		/* When the first section cannot start on page 1 anyway (the
		 * Spanish large-print IVIg with a site file's taller footer),
		 * the box fills the room under the title. */
		fits |= !fits_alone;
		if (fits || !mark) {
			bool ok = pe_page_copy_ops(pg, pe_column_page(&box), -1e9, 1e9, 0, by);
			c->h = by + box.h;
			pe_column_finish(&box);
			if (!ok)
				return pe_flow_oom(f);
		} else {
			pe_column_finish(&box);
			f->care_at_end = true;
		}
	}
	return true;
}

void pe_handout_picture_words(pe_style *st, const char *lang)
{
	for (int i = 0; i < PE_PICTURE_WORDS; i++) {
		const char *key = pe_layout_picture_word_key(i);
		const char *eot = strchr(key, '\004');
		st->words[i] = lang ? pe_i18n_tr_key(lang, key) : pe_i18n_pgettext(key, eot ? eot + 1 : key);
	}
}

/* ---- blank lines and the logo ----------------------------------------- */

/* A labelled blank line a nurse can write on: "Phone: ________". The
 * writing lines of one group start at line_x (labels end before it), so
 * they line up; a label too long for that goes on its own line. */
double pe_flow_blank_line(pe_flow *f, pe_page *pg, const char *label, double x, double y,
                          double width, double line_x, double size, double min_rule)
{
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, size, f->st.text);
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
		pe_flow_oom(f);
	return h + size * 0.35;
}

/* Where the writing lines of a group of labels start. */
double pe_flow_lines_x(pe_flow *f, const char *const *labels, size_t n, double x, double size)
{
	double w = 0;
	for (size_t i = 0; i < n; i++)
		w = fmax(w, pe_layout_width(f->layout, labels[i], PE_FACE_REGULAR, size));
	return x + w + size * 0.5;
}

/* The logo's size in pixels, from its PNG header (pngfile.h; the site
 * loader checked the whole file). A logo that no longer reads (changed on
 * disk since) is an error naming it, never a handout without it. */
bool pe_flow_logo_size(pe_flow *f, double *w, double *h)
{
	unsigned pw, ph;
	if (!pe_png_header(f->req->site->logo, &pw, &ph, NULL, f->err))
		return false;
	*w = pw;
	*h = ph;
	return true;
}
