/* SPDX-License-Identifier: MIT */
/*
 * handout_end.c - the care-team box of a handout (the clinic's phones
 * as tel: links, or blank lines a nurse fills in, and the logo when no
 * header carries it), under the title on page 1, and the end of a
 * topic: its sources in small type.
 *
 * Part of the handout composition (handout_priv.h): it builds columns for
 * the paginator, never measures text itself, paints or reads a file but
 * the logo's PNG header.
 */
#include "handout_priv.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"

/* "Title. Publisher, June 4, 2024." (g_free it; NULL when out of memory) */
static char *source_line(const pe_source *s, const char *lang)
{
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
	return s->accessed && s->date ? g_strdup_printf("%s. %s, %s; %s.", s->cite, s->publisher, date, when)
	       : s->accessed ? g_strdup_printf("%s. %s, %s.", s->cite, s->publisher, when)
	                     : g_strdup_printf("%s. %s, %s.", s->cite, s->publisher, date);
}

/* Sources in small type, one a line under a heading or, run_in, all in
 * one paragraph after a bold "Sources:" (the few lines it takes fit at
 * the foot of a full page). The list may go on over the page between
 * any two lines (the heading stays with the first): the sources never
 * need a page of their own. */
static bool sources_column(pe_flow *f, pe_column *c, const pe_topic *t, const char *lang, double x,
                           double width, bool run_in)
{
	pe_flow_dir(f, lang);
	pe_page *pg = pe_column_init(c, f->tpl->width, f->tpl->height);
	if (!pg)
		return pe_flow_oom(f);
	/* TRANSLATORS: heading of the list of documents a handout is based on. */
	const char *head = pe_i18n_tr_key(lang, NC_("handout/sources", "Sources"));
	pe_text_style hs = pe_flow_text_style(f, PE_FACE_BOLD, f->st.small_size, f->st.text);
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, f->st.small_size, f->st.text);
	ts.leading = fmin(f->st.leading, 1.3);
	double y = 0;
	GString *all = g_string_new(NULL);
	if (!run_in)
		y = pe_layout_plain(f->layout, pg, head, &hs, x, 0, width, NULL);
	for (size_t i = 0; i < t->n_sources; i++) {
		char *line = source_line(&t->sources[i], lang);
		if (!line) {
			g_string_free(all, TRUE);
			return pe_flow_oom(f);
		}
		if (run_in)
			g_string_append_printf(all, "%s%s", i ? "  " : "", line);
		else
			y += pe_layout_plain(f->layout, pg, line, &ts, x, y, width, NULL);
		g_free(line);
	}
	if (run_in) {
		ts.leading = fmin(ts.leading, 1.15);
		char *h = g_strdup_printf("%s: ", head);
		pe_run runs[2] = { { h, PE_RUN_STRONG }, { all->str, PE_RUN_PLAIN } };
		pe_text text = { runs, 2 };
		y = pe_layout_text(f->layout, pg, &text, &ts, x, 0, width, NULL);
		g_free(h);
	}
	g_string_free(all, TRUE);
	c->h = y;
	/* A break is the top of a line, leaving at least two lines each
	 * side (the heading and a line of the first source under a
	 * heading): never one line alone. */
	c->n_breaks = 0;
	c->breaks = malloc((pg->n_ops + 1) * sizeof *c->breaks);
	if (!c->breaks)
		return pe_flow_oom(f);
	double tops[pg->n_ops + 1];
	size_t n_lines = 0;
	double last_base = -1;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT || op->y <= last_base + EPS)
			continue;
		last_base = op->y;
		tops[n_lines++] = op->y - op->u.text.ascent;
	}
	for (size_t k = 2; k + 2 <= n_lines; k++)
		if (tops[k] > EPS && tops[k] < y - EPS &&
		    (c->n_breaks == 0 || tops[k] > c->breaks[c->n_breaks - 1] + EPS))
			c->breaks[c->n_breaks++] = tops[k];
	return true;
}

/* The care-team box: the clinic's phones as tel: links, or blank lines to
 * fill in when the site file gives none. It goes under the title on page
 * 1, where a patient looks first (it was last, often alone on a page). */
static bool care_column(pe_flow *f, pe_column *c, const char *lang, double x, double width,
                        double min_h)
{
	pe_flow_dir(f, lang);
	const pe_site *site = f->req->site;
	pe_column inner;
	pe_page *pg = pe_column_init(&inner, f->tpl->width, f->tpl->height);
	if (!pg)
		return pe_flow_oom(f);
	double pad = f->st.body_size * 0.9;
	double logo_w = 0, logo_h = 0;
	/* The header opens page 1 with the logo already; without a header
	 * the box carries it. */
	bool logo = site && site->logo && (!f->tpl->header || f->care_at_end);
	if (logo && !pe_flow_logo_size(f, &logo_w, &logo_h)) {
		pe_column_finish(&inner);
		return false;
	}
	if (logo) {
		double scale = fmin(f->st.body_size * 6 / logo_w, f->st.body_size * 3.5 / logo_h);
		logo_w *= scale;
		logo_h *= scale;
	} else {
		logo_w = logo_h = 0;
	}
	double ix = x + pad, iw = width - 2 * pad - (logo_w > 0 ? logo_w + pad : 0);
	double y = pad * 0.7;
	pe_text_style hs = pe_flow_text_style(f, PE_FACE_BOLD, f->st.body_size * 1.1, f->st.heading);
	/* TRANSLATORS: title of the box with the clinic's phone numbers. */
	y += pe_layout_plain(f->layout, pg, pe_i18n_tr_key(lang, NC_("handout/contact", "Your care team")), &hs, ix, y, iw, NULL);
	y += f->st.body_size * 0.25;
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, f->st.body_size, f->st.text);
	if (site && site->phone) {
		if (site->clinic_name)
			y += pe_layout_plain(f->layout, pg, site->clinic_name, &ts, ix, y, iw, NULL);
		/* Both phones in one text: on one line when it fits, so the box
		 * takes little of page 1. */
		char *l1 = g_strdup_printf("%s ",
		                           /* TRANSLATORS: before the clinic's phone number. */
		                           pe_i18n_tr_key(lang, NC_("handout/contact", "Phone:")));
		char *l2 = g_strdup_printf("      %s ",
		                           /* TRANSLATORS: before the clinic's after-hours phone number. */
		                           pe_i18n_tr_key(lang, NC_("handout/contact", "After hours:")));
		pe_run runs[4] = { { l1, PE_RUN_PLAIN }, { (char *)site->phone, PE_RUN_PHONE },
		                   { l2, PE_RUN_PLAIN }, { (char *)site->after_hours_phone, PE_RUN_PHONE } };
		pe_text t = { runs, site->after_hours_phone ? 4 : 2 };
		y += pe_layout_text(f->layout, pg, &t, &ts, ix, y, iw, NULL);
		g_free(l1);
		g_free(l2);
	} else {
		if (site && site->clinic_name)
			y += pe_layout_plain(f->layout, pg, site->clinic_name, &ts, ix, y, iw, NULL);
		const char *labels[] = {
			/* TRANSLATORS: a blank line follows where a nurse writes the number. */
			pe_i18n_tr_key(lang, NC_("handout/contact", "Your care team's phone:")),
			/* TRANSLATORS: a blank line follows where a nurse writes the number. */
			pe_i18n_tr_key(lang, NC_("handout/contact", "After hours:")),
			/* TRANSLATORS: a blank line follows for the nurse's or doctor's name. */
			pe_i18n_tr_key(lang, NC_("handout/contact", "Your nurse or doctor:")),
		};
		double body = f->st.body_size;
		double gap = body * 1.5, cw = (iw - gap) / 2;
		double w1 = pe_layout_width(f->layout, labels[1], PE_FACE_REGULAR, body);
		double w2 = pe_layout_width(f->layout, labels[2], PE_FACE_REGULAR, body);
		/* Two on a row need at least an inch each to write in. */
		if (iw >= 420 && w1 + body * 0.4 + 72 <= cw && w2 + body * 0.4 + 72 <= cw) {
			/* Wide enough: both phones on one row, so the box stays
			 * small enough to share the last page with the content. */
			y += pe_flow_blank_line(f, pg, labels[0], ix, y, iw, 0, body, 144);
			double h1 = pe_flow_blank_line(f, pg, labels[1], ix, y, cw, 0, body, 72);
			double h2 = pe_flow_blank_line(f, pg, labels[2], ix + cw + gap, y, cw, 0, body, 72);
			y += fmax(h1, h2);
		} else {
			double lx = pe_flow_lines_x(f, labels, 3, ix, body);
			for (size_t i = 0; i < 3; i++)
				y += pe_flow_blank_line(f, pg, labels[i], ix, y, iw, lx, body, 144);
		}
	}
	double h = fmax(fmax(y + pad * 0.7, pad * 1.4 + logo_h), min_h);
	pe_page *out = pe_column_init(c, f->tpl->width, f->tpl->height);
	if (!out) {
		pe_column_finish(&inner);
		return pe_flow_oom(f);
	}
	/* Inset by half the stroke so the border stays inside the column. */
	const double lw = 1.25;
	bool ok = pe_page_add_rect(out, x + lw / 2, lw / 2, width - lw, h - lw, f->st.info_bg,
	                           f->st.accent, lw, f->st.radius > 0 ? f->st.radius : 6) &&
	          pe_page_copy_ops(out, pe_column_page(&inner), -1e9, 1e9, 0, 0);
	if (ok && logo_w > 0)
		ok = pe_page_add_png(out, x + width - pad - logo_w, pad * 0.7, logo_w, logo_h, site->logo);
	pe_column_finish(&inner);
	if (!ok)
		return pe_flow_oom(f);
	c->h = h;
	c->n_breaks = 0;
	return true;
}


/* Copy a column's ops into out at (dx, dy). */
static bool merge_column(pe_flow *f, pe_column *out, const pe_column *c, double dx, double dy)
{
	if (!pe_page_copy_ops(pe_column_page(out), &c->d->pages[0], -1e9, 1e9, dx, dy))
		return pe_flow_oom(f);
	return true;
}

/* The end of a topic whose care-team box did not fit on page 1 (see
 * pe_flow_title_column) and which has one section only (else the box
 * follows the first: pe_flow_care_late), one column per language: the box and the
 * sources (when the template lists them), stacked or side by side, each
 * unit unbreakable. Side by side, the sources take
 * two fifths of the width; both arrangements give every language's box
 * the height of the tallest, so bilingual boxes line up. */
static bool end_units_with_care(pe_flow *f, const pe_cols_geom *g, pe_column *out, bool side_by_side)
{
	size_t n = g->n;
	pe_column care[2] = { 0 }, src[2] = { 0 };
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
		if (!sources_column(f, &src[i], g->t[i], g->lang[i], sx, side_by_side ? sw[i] : g->w[i],
		                    false))
			goto out;
		if (side_by_side)
			care_h = fmax(care_h, src[i].h);
	}
	for (size_t i = 0; care_on && i < n; i++) {
		if (care[i].h >= care_h - EPS)
			continue;
		pe_column_finish(&care[i]);
		if (!care_column(f, &care[i], g->lang[i], g->x[i], cw[i], care_h))
			goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (!pe_column_init(&out[i], f->tpl->width, f->tpl->height))
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
	pe_flow_oom(f);
out:
	pe_columns_finish(care, 2);
	pe_columns_finish(src, 2);
	return ok;
}

bool pe_flow_care_box(pe_flow *f, pe_column *c, const char *lang, double x, double width)
{
	return care_column(f, c, lang, x, width, 0);
}

bool pe_flow_care_late(pe_flow *f, const pe_cols_geom *g)
{
	if (!f->tpl->care_team || !f->care_at_end)
		return true;
	pe_column care[2] = { 0 };
	double h = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < g->n; i++) {
		ok = care_column(f, &care[i], g->lang[i], g->x[i], g->w[i], 0);
		h = ok ? fmax(h, care[i].h) : h;
	}
	/* bilingual boxes line up: every one the height of the tallest */
	for (size_t i = 0; ok && i < g->n; i++)
		if (care[i].h < h - EPS) {
			pe_column_finish(&care[i]);
			ok = care_column(f, &care[i], g->lang[i], g->x[i], g->w[i], h);
		}
	if (ok) {
		ok = (f->pager.fresh || pe_pager_space(&f->pager, f->st.section_gap - f->st.block_gap)) &&
		     pe_flow_place(f, g, care, f->st.block_gap);
	}
	pe_columns_finish(care, 2);
	if (ok)
		f->care_at_end = false;
	return ok;
}

/* The end of a topic, one column per language: the sources (when the
 * template lists them) in small type, placed by the caller at
 * f->pager.y. Under a heading when that fits on the page; else run in
 * after "Sources:", closer to the text above when that makes it fit,
 * and breakable between lines, so they never take a page of their own.
 * The care-team box is on page 1 (pe_flow_care_box) unless it did not
 * fit there: then it ends the topic with the sources. */
bool pe_flow_end_units(pe_flow *f, const pe_cols_geom *g, pe_column *out, bool side_by_side)
{
	if (f->tpl->care_team && f->care_at_end)
		return end_units_with_care(f, g, out, side_by_side);
	size_t n = g->n;
	if (!(f->tpl->footer & PE_EL_SOURCES)) {
		for (size_t i = 0; i < n; i++)
			if (!pe_column_init(&out[i], f->tpl->width, f->tpl->height))
				return pe_flow_oom(f);
		return true;
	}
	double avail = f->pager.limit - f->pager.y, h = 0;
	for (size_t i = 0; i < n; i++) {
		if (!sources_column(f, &out[i], g->t[i], g->lang[i], g->x[i], g->w[i], false))
			return false;
		h = fmax(h, out[i].h);
	}
	if (h <= avail + EPS || f->pager.fresh)
		return true;
	pe_columns_finish(out, n);
	for (size_t i = 0; i < n; i++)
		if (!sources_column(f, &out[i], g->t[i], g->lang[i], g->x[i], g->w[i], true))
			return false;
	/* The spaces on the page, the caller's above these included, may
	 * shrink (each by half at most) to keep them on it. */
	double h2 = 0;
	for (size_t i = 0; i < n; i++)
		h2 = fmax(h2, out[i].h);
	if (h2 > avail)
		pe_pager_squeeze(&f->pager, fmin(h2 - avail, pe_pager_slack(&f->pager)));
	return true;
}
