/* SPDX-License-Identifier: MIT */
/*
 * handout_header.c - the header band and the footer of every handout
 * page (clinic or product name, the logo on page 1, the topic's title,
 * "Revised ..." and "Page 1 of 2", both languages when bilingual), added
 * when the page count is known.
 *
 * Part of the handout composition (handout_priv.h); never measures text
 * itself or paints.
 */
#include "handout_priv.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* ---- header and footer ------------------------------------------------- */

static const char *product_name(const pe_flow *f, const char *lang);
static void header_name(const pe_flow *f, char *buf, size_t size);

/* The band's row, and the second row's height. */
#define BAND_ROW 2.2
#define BAND_ROW2 1.3

/* Whether a topic's title fits on the header band's row beside the
 * name (the clinic's, or the product's), as the band sets them: the name
 * bold at 1.1 x small from the left, the title at small from the right,
 * 2 x small between them. */
static bool title_fits_beside(const pe_flow *f, const char *name, const char *title)
{
	double small = f->st.small_size, pad = small * 0.9;
	double wn = pe_layout_width(f->layout, name, PE_FACE_BOLD, small * 1.1);
	double wt = pe_layout_width(f->layout, title, PE_FACE_REGULAR, small);
	return wn + small * 2 + wt <= f->x1 - f->x0 - 2 * pad;
}

/* Whether the band has two rows: the clinic's name over the topic's
 * title, when a title of the handout does not fit beside the name (large
 * print, Spanish: "Riverside Infusion Center" and "Línea de ayuda sobre
 * el cáncer"). The running title tells a page that came loose what it is
 * about; it was left out. Without a clinic the title takes the place of
 * the product's name instead ("Patient education" says nothing a page of
 * a handout does not). */
static bool header_two_rows(const pe_flow *f)
{
	if (!(f->tpl->header & PE_EL_CLINIC) || !(f->tpl->header & PE_EL_TITLE) || !f->req->site ||
	    !f->req->site->clinic_name)
		return false;
	char name[512];
	header_name(f, name, sizeof name);
	for (size_t i = 0; i < f->req->n_topics; i++)
		if (!title_fits_beside(f, name, f->req->topics[i]->title))
			return true;
	return false;
}

double pe_flow_header_height(const pe_flow *f)
{
	if (!f->tpl->header)
		return 0;
	return f->st.small_size * (BAND_ROW + (header_two_rows(f) ? BAND_ROW2 : 0));
}

/* Whether the footer carries the clinic's phones: on every page of a
 * handout with a care-team box, when the site file gives a phone. */
static bool footer_phones(const pe_flow *f)
{
	return f->tpl->care_team && f->tpl->kind != PE_TEMPLATE_WALLET && f->req->site &&
	       f->req->site->phone;
}

double pe_flow_footer_height(const pe_flow *f)
{
	double h = f->tpl->footer & (PE_EL_PAGE | PE_EL_REVISED | PE_EL_CLINIC) ?
	           f->st.small_size * 1.9 : 0;
	if (footer_phones(f))
		h += f->st.small_size * (h > 0 ? 1.35 : 2.2);
	return h;
}

/* "Riverside Infusion Center   Phone: 555-0100   After hours: 555-0199"
 * on one line at baseline, the numbers tel: links; shortened (the name,
 * then the after-hours number) until it fits. */
static bool footer_phone_line(pe_flow *f, pe_page *pg, const char *lang, double baseline)
{
	const pe_site *site = f->req->site;
	double small = f->st.small_size, width = f->x1 - f->x0;
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, small, f->st.text);
	ts.leading = 1.0;
	/* the name unless the header carries it on every page */
	char *name = site->clinic_name && !(f->tpl->header & PE_EL_CLINIC)
	             ? g_strdup_printf("%s      ", site->clinic_name) : g_strdup("");
	char *l1 = g_strdup_printf("%s ",
	                           /* TRANSLATORS: before the clinic's phone number. */
	                           pe_i18n_tr_key(lang, NC_("handout/contact", "Phone:")));
	char *l2 = g_strdup_printf("      %s ",
	                           /* TRANSLATORS: before the clinic's after-hours phone number. */
	                           pe_i18n_tr_key(lang, NC_("handout/contact", "After hours:")));
	bool ok = false;
	pe_run all[5] = { { name, PE_RUN_PLAIN }, { l1, PE_RUN_PLAIN }, { site->phone, PE_RUN_PHONE },
	                  { l2, PE_RUN_PLAIN }, { site->after_hours_phone, PE_RUN_PHONE } };
	/* The longest that fits on one line: everything; both numbers
	 * without the name; the name and the number; the number alone. */
	static const struct { size_t from, n; } tries[] = { { 0, 5 }, { 1, 4 }, { 0, 3 }, { 1, 2 } };
	bool done = false;
	for (size_t k = 0; k < G_N_ELEMENTS(tries) && !done; k++) {
		if (!site->after_hours_phone && tries[k].n > 3)
			continue;
		pe_text t = { all + tries[k].from, tries[k].n };
		pe_column c;
		pe_page *scratch = pe_column_init(&c, pg->width, pg->height);
		if (!scratch) {
			pe_flow_oom(f);
			break;
		}
		int lines = 0;
		pe_layout_text(f->layout, scratch, &t, &ts, f->x0, 0, width, &lines);
		if (lines == 1 || k + 1 == G_N_ELEMENTS(tries)) {
			double base0 = 0;
			for (size_t i = 0; i < scratch->n_ops; i++)
				if (scratch->ops[i].kind == PE_OP_TEXT) {
					base0 = scratch->ops[i].y;
					break;
				}
			/* one line only: a second would run into the page number */
			ok = pe_page_copy_ops(pg, scratch, -1e9, base0 + 0.5, 0, baseline - base0);
			if (!ok)
				pe_flow_oom(f);
			done = true;
		}
		pe_column_finish(&c);
	}
	g_free(name);
	g_free(l1);
	g_free(l2);
	return ok;
}

/* Right-aligned single line; skipped when it would run into left_end. */
static bool text_right(pe_flow *f, pe_page *pg, const char *s, pe_face face, double size,
                       pe_color color, double right, double baseline, double left_end)
{
	double w = pe_layout_width(f->layout, s, face, size);
	if (right - w < left_end)
		return true;
	pe_text_style ts = pe_flow_text_style(f, face, size, color);
	ts.leading = 1.0;
	/* pe_layout_plain puts the first line's top at y; find the top that
	 * gives this baseline by laying out on a scratch page. */
	pe_column c;
	pe_page *scratch = pe_column_init(&c, pg->width, pg->height);
	if (!scratch)
		return pe_flow_oom(f);
	pe_layout_plain(f->layout, scratch, s, &ts, right - w - 1, 0, w + 2, NULL);
	double base0 = 0;
	for (size_t i = 0; i < scratch->n_ops; i++)
		if (scratch->ops[i].kind == PE_OP_TEXT) {
			base0 = scratch->ops[i].y;
			break;
		}
	bool ok = pe_page_copy_ops(pg, scratch, -1e9, 1e9, 0, baseline - base0);
	pe_column_finish(&c);
	return ok ? true : pe_flow_oom(f);
}

static double text_left(pe_flow *f, pe_page *pg, const char *s, pe_face face, double size,
                        pe_color color, double x, double baseline, double max_w)
{
	pe_text_style ts = pe_flow_text_style(f, face, size, color);
	ts.leading = 1.0;
	double w = pe_layout_width(f->layout, s, face, size);
	if (w > max_w)
		return x;   /* does not fit on one line: leave it out */
	pe_column c;
	pe_page *scratch = pe_column_init(&c, pg->width, pg->height);
	if (!scratch) {
		pe_column_finish(&c);
		pe_page_fail(pg);   /* the words are missing: the handout fails */
		pe_flow_oom(f);
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
	pe_column_finish(&c);
	return x + w;
}

/* "Revised June 4, 2024" in the handout's language. */
static void revised_text(const char *lang, const pe_topic *t, char *buf, size_t size)
{
	char date[128];
	if (!t->revised || !pe_i18n_format_date(lang, t->revised, date, sizeof date))
		snprintf(date, sizeof date, "%s", t->revised ? t->revised : "");
	/* TRANSLATORS: footer of a handout; %s is a date like "June 4, 2024". */
	snprintf(buf, size, pe_i18n_tr_key(lang, NC_("handout/footer", "Revised %s")), date);
}


static const char *product_name(const pe_flow *f, const char *lang)
{
	if (f->req->site && f->req->site->clinic_name)
		return f->req->site->clinic_name;
	/* TRANSLATORS: shown in the handout header when no clinic name is set. */
	return pe_i18n_tr_key(lang, NC_("handout/header", "Patient education"));
}

/* The header's name: the clinic's, or the product's, in both languages
 * on a bilingual handout ("Patient education  |  Informacion para
 * pacientes"); the clinic's name is a name, the same in both. */
static void header_name(const pe_flow *f, char *buf, size_t size)
{
	const char *a = product_name(f, f->req->lang);
	snprintf(buf, size, "%s", a);
	if (f->tpl->kind != PE_TEMPLATE_BILINGUAL || !f->req->second_lang)
		return;
	const char *b = product_name(f, f->req->second_lang);
	if (strcmp(a, b) != 0)
		snprintf(buf, size, "%s  |  %s", a, b);
}

bool pe_flow_decorate(pe_flow *f)
{
	const char *lang = f->req->lang;
	size_t total = f->pager.dl->n_pages;
	double small = f->st.small_size;
	for (size_t p = 0; p < total; p++) {
		pe_page *pg = &f->pager.dl->pages[p];
		const pe_topic *t = f->req->n_topics ? f->req->topics[f->pager.page_tag[p]] : NULL;
		if (f->tpl->header) {
			double hh = pe_flow_header_height(f);
			if (!pe_page_add_rect(pg, f->x0, f->top, f->x1 - f->x0, hh, f->tpl->band,
			                      PE_NO_COLOR, 0, small * 0.5))
				return pe_flow_oom(f);
			double pad = small * 0.9;
			bool rows = header_two_rows(f);
			/* (two rows: the name's row half a row higher, the title's
			 * under it) */
			double base = f->top + hh / 2 + small * 0.36 - (rows ? small * BAND_ROW2 / 2 : 0);
			double left_end = f->x0 + pad, name_x = f->x0 + pad;
			/* The clinic's logo opens the first page, top left, where a
			 * letterhead has it (the care-team box repeats it at the end). */
			const pe_site *site = f->req->site;
			double lw, lh;
			if (p == 0 && site && site->logo) {
				if (!pe_flow_logo_size(f, &lw, &lh))
					return false;
				double want_h = hh - small * 0.5;
				double scale = fmin(want_h / lh, (f->x1 - f->x0) * 0.25 / lw);
				if (!pe_page_add_png(pg, f->x0 + pad * 0.6, f->top + (hh - lh * scale) / 2,
				                     lw * scale, lh * scale, site->logo))
					return pe_flow_oom(f);
				name_x = left_end = f->x0 + pad * 0.6 + lw * scale + pad * 0.8;
			}
			const char *title = (f->tpl->header & PE_EL_TITLE) && t ? t->title : NULL;
			char name[512] = "";
			if (f->tpl->header & PE_EL_CLINIC)
				header_name(f, name, sizeof name);
			/* no clinic: a title too long for the product's name beside
			 * it goes in its place */
			bool alone = title && (!*name || (!rows && !(site && site->clinic_name) &&
			                                  !title_fits_beside(f, name, title)));
			/* (a title too long for the band even alone: the name stays) */
			if (alone && *name &&
			    pe_layout_width(f->layout, title, PE_FACE_BOLD, small) > f->x1 - pad - name_x)
				alone = false;
			if (*name && !alone)
				left_end = text_left(f, pg, name, PE_FACE_BOLD, small * 1.1,
				                     f->tpl->band_text, name_x, base, f->x1 - pad - name_x);
			if (alone)
				text_left(f, pg, title, PE_FACE_BOLD, small, f->tpl->band_text, name_x, base,
				          f->x1 - pad - name_x);
			else if (title && rows)
				text_left(f, pg, title, PE_FACE_REGULAR, small, f->tpl->band_text, name_x,
				          base + small * BAND_ROW2, f->x1 - pad - name_x);
			else if (title && !text_right(f, pg, title, PE_FACE_REGULAR, small, f->tpl->band_text,
			                              f->x1 - pad, base, left_end + small * 2))
				return false;
		}
		if (pe_flow_footer_height(f) > 0) {
			double rule_y = f->bottom - pe_flow_footer_height(f) + small * 0.4;
			if (!pe_page_add_rect(pg, f->x0, rule_y, f->x1 - f->x0, 0.6, f->st.muted,
			                      PE_NO_COLOR, 0, 0))
				return pe_flow_oom(f);
			double base = f->bottom - small * 0.35;
			if (footer_phones(f)) {
				/* The clinic's phones on every page, over the page line. */
				bool one = !(f->tpl->footer & (PE_EL_PAGE | PE_EL_REVISED | PE_EL_CLINIC));
				if (!footer_phone_line(f, pg, lang, one ? base : base - small * 1.35))
					return false;
			}
			double left_end = f->x0;
			char num[256] = "";
			if (f->tpl->footer & PE_EL_PAGE) {
				/* TRANSLATORS: page footer, "Page 1 of 2". */
				snprintf(num, sizeof num, pe_i18n_tr_key(lang, NC_("handout/footer", "Page %d of %d")), (int)p + 1, (int)total);
				if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
					char num2[128];
					snprintf(num2, sizeof num2, pe_i18n_tr_key(f->req->second_lang, NC_("handout/footer", "Page %d of %d")),
					         (int)p + 1, (int)total);
					if (strcmp(num, num2) != 0) {
						size_t len = strlen(num);
						snprintf(num + len, sizeof num - len, "  |  %s", num2);
					}
				}
			}
			if ((f->tpl->footer & PE_EL_REVISED) && t) {
				char rev[512];
				revised_text(lang, t, rev, sizeof rev);
				/* all the line but the page number's room (half of it
				 * dropped a long Spanish date in large print) */
				double max_w = f->x1 - f->x0 - small * 2 -
				               pe_layout_width(f->layout, num, PE_FACE_REGULAR, small);
				if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
					/* Both languages when they fit, else the first. */
					char rev2[256];
					revised_text(f->req->second_lang, f->req->second[f->pager.page_tag[p]], rev2,
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
				if (!text_right(f, pg, num, PE_FACE_REGULAR, small, f->st.muted, f->x1, base,
				                left_end + small))
					return false;
			}
		}
		/* Bilingual: a thin rule between the two languages. */
		if (f->tpl->kind == PE_TEMPLATE_BILINGUAL) {
			double mid = (f->x0 + f->x1) / 2;
			if (!pe_page_add_rect(pg, mid - 0.25, f->pager.body_top, 0.5, f->pager.body_bottom - f->pager.body_top,
			                      f->st.muted, PE_NO_COLOR, 0, 0))
				return pe_flow_oom(f);
		}
	}
	return true;
}
