/* SPDX-License-Identifier: MIT */
/*
 * wallet.c - the emergency wallet card: a fixed two-sided composition.
 * Front: the emergency tier of the card topic (content/wallet-card.xml)
 * in a red band with its signs, and blanks for a name and treatment.
 * Back: the care team's phones, the cancer helpline and its QR code.
 *
 * The sheet (pe_wallet_sheet): cards, front and back side by side with a
 * fold line, crop marks and a thin border, on Letter or A4.
 *
 * Part of the handout composition (handout_priv.h): no medical words of
 * its own (they are content), never measures text itself or paints.
 */
#include "handout_priv.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

#include "i18n.h"
#include "shapes.h"

/* ---- wallet card ------------------------------------------------------- */

static double plain_at(pe_flow *f, pe_page *pg, const char *s, pe_face face, double size,
                       pe_color color, double x, double y, double width)
{
	pe_text_style ts = pe_flow_text_style(f, face, size, color);
	ts.leading = f->tpl->leading;
	return pe_layout_plain(f->layout, pg, s, &ts, x, y, width, NULL);
}

/* The wallet card's medical words: the emergency tier of the card topic's
 * <gethelp> (content/wallet-card.xml, kind="card"), in the card's
 * language. NULL with err set when the card has none. */
static const pe_tier *card_tier(pe_flow *f)
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

static double text_at(pe_flow *f, pe_page *pg, const pe_text *t, pe_face face, double size,
                      pe_color color, double x, double y, double width)
{
	pe_text_style ts = pe_flow_text_style(f, face, size, color);
	ts.leading = f->tpl->leading;
	ts.link_color = color;
	return pe_layout_text(f->layout, pg, t, &ts, x, y, width, NULL);
}

/* Front: the red band (the tier's title), the signs as bullets and the
 * tier's notes ("Tell them ..."), all from the card topic; then the
 * blanks to fill in. No medical words of its own. */
static bool wallet_front(pe_flow *f, const char *lang)
{
	const pe_tier *tier = card_tier(f);
	if (!tier || !pe_pager_new_page(&f->pager))
		return false;
	pe_page *pg = pe_pager_page(&f->pager);
	double x0 = f->x0, w = f->x1 - f->x0, pad = 4;
	double body = f->st.body_size;
	char *head = pe_text_plain(&tier->title);
	if (!head)
		return pe_flow_oom(f);
	pe_column probe;
	pe_page *sp = pe_column_init(&probe, pg->width, pg->height);
	if (!sp) {
		free(head);
		return pe_flow_oom(f);
	}
	double hh = text_at(f, sp, &tier->title, PE_FACE_BOLD, f->st.title_size, f->tpl->band_text,
	                    0, 0, w - 2 * pad);
	pe_column_finish(&probe);
	double band_h = hh + 2 * pad - 1;
	bool ok = pe_page_add_mark(pg, f->top, head, 0) &&
	          pe_page_add_rect(pg, x0, f->top, w, band_h, f->tpl->band, PE_NO_COLOR, 0, 3);
	free(head);
	if (!ok)
		return pe_flow_oom(f);
	text_at(f, pg, &tier->title, PE_FACE_BOLD, f->st.title_size, f->tpl->band_text, x0 + pad,
	        f->top + pad - 0.5, w - 2 * pad);
	double y = f->top + band_h + pad;
	double indent = body * 1.1;
	/* The signs are what the card is for: at least 9 pt bold. */
	double sign = fmax(body, 9);
	for (size_t i = 0; i < tier->n_signs; i++) {
		double line = sign * f->tpl->leading;
		double r = body * 0.17;
		if (!pe_shape_circle(pg, x0 + r + body * 0.25, y + line / 2, r, f->tpl->band,
		                     PE_NO_COLOR, 0))
			return pe_flow_oom(f);
		y += text_at(f, pg, &tier->signs[i].text, PE_FACE_BOLD, sign, f->st.text,
		             x0 + indent, y, w - indent);
	}
	for (size_t i = 0; i < tier->n_paras; i++) {
		y += body * 0.3;
		y += text_at(f, pg, &tier->paras[i].text, PE_FACE_BOLD, body, f->st.text, x0, y, w);
	}
	y += body * 0.5;
	const char *labels[] = {
		/* TRANSLATORS: wallet card, blank line for the patient's name. */
		pe_i18n_tr_key(lang, NC_("wallet-card/front", "My name:")),
		/* TRANSLATORS: wallet card, blank line for the drug or treatment. */
		pe_i18n_tr_key(lang, NC_("wallet-card/front", "My treatment:")),
	};
	double lx = pe_flow_lines_x(f, labels, 2, x0, body);
	double row = body * (f->tpl->leading + 0.35);
	if (y + row + body * 2 >= f->bottom && y + row <= f->bottom + 0.5) {
		/* No room for two rows (9 pt bold signs in Spanish): both
		 * blanks side by side on one. */
		double gap = body, cw = (w - gap) / 2;
		pe_flow_blank_line(f, pg, labels[0], x0, y, cw, 0, body, body * 3);
		pe_flow_blank_line(f, pg, labels[1], x0 + cw + gap, y, cw, 0, body, body * 3);
		return true;
	}
	for (size_t i = 0; i < 2 && y + body * 2 < f->bottom; i++)
		y += pe_flow_blank_line(f, pg, labels[i], x0, y, w, lx, body, body * 5);
	return true;
}

/* A phone row of the wallet card: the number as a tel: link (at least
 * 9 pt, bold), or a blank line to write it on. */
static double wallet_row(pe_flow *f, pe_page *pg, const char *label, const char *phone,
                         double x, double y, double w, double line_x)
{
	double body = phone ? fmax(f->st.body_size, 9) : f->st.body_size;
	if (!phone)
		return pe_flow_blank_line(f, pg, label, x, y, w, line_x, body, body * 5);
	char *l = g_strdup_printf("%s ", label);
	pe_run runs[2] = { { l, PE_RUN_PLAIN }, { (char *)phone, PE_RUN_PHONE } };
	pe_text t = { runs, 2 };
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_REGULAR, body, f->st.text);
	ts.leading = f->tpl->leading;
	double h = pe_layout_text(f->layout, pg, &t, &ts, x, y, w, NULL);
	g_free(l);
	return h + body * 0.2;
}

static bool wallet_back(pe_flow *f, const char *lang)
{
	if (!pe_pager_new_page(&f->pager))
		return false;
	pe_page *pg = pe_pager_page(&f->pager);
	const pe_site *site = f->req->site;
	double x0 = f->x0, w = f->x1 - f->x0, body = f->st.body_size;
	double q = 54;   /* about 19 mm: scans from a hand's length */
	double lw = w - q - 5;
	/* TRANSLATORS: wallet card, back side title. */
	const char *title = pe_i18n_tr_key(lang, NC_("wallet-card/back", "My care team"));
	if (!pe_page_add_mark(pg, f->top, title, 0))
		return pe_flow_oom(f);
	double y = f->top;
	y += plain_at(f, pg, title, PE_FACE_BOLD, f->st.title_size, f->st.heading, x0, y, lw);
	y += body * 0.2;
	const char *labels[] = {
		/* TRANSLATORS: wallet card, blank line for the clinic's name. */
		pe_i18n_tr_key(lang, NC_("wallet-card/back", "Clinic:")),
		/* TRANSLATORS: wallet card, before the clinic's phone number. */
		pe_i18n_tr_key(lang, NC_("wallet-card/back", "Phone:")),
		/* TRANSLATORS: wallet card, before the clinic's after-hours number. */
		pe_i18n_tr_key(lang, NC_("wallet-card/back", "After hours:")),
	};
	double lx = pe_flow_lines_x(f, labels, 3, x0, body);
	if (site && site->clinic_name)
		y += plain_at(f, pg, site->clinic_name, PE_FACE_BOLD, body, f->st.text, x0, y, lw);
	else
		y += wallet_row(f, pg, labels[0], NULL, x0, y, lw, lx);
	y += wallet_row(f, pg, labels[1], site ? site->phone : NULL, x0, y, lw, lx);
	if (!site || site->after_hours_phone || !site->phone)
		y += wallet_row(f, pg, labels[2], site ? site->after_hours_phone : NULL, x0, y, lw, lx);
	y += body * 0.3;
	/* TRANSLATORS: wallet card, before the national helpline number. */
	y += plain_at(f, pg, pe_i18n_tr_key(lang, NC_("wallet-card/back", "Cancer helpline, any time, day or night:")), PE_FACE_REGULAR,
	              body, f->st.text, x0, y, lw);
	pe_run run = { (char *)PE_HELPLINE_DISPLAY, PE_RUN_PHONE };
	pe_text t = { &run, 1 };
	pe_text_style ts = pe_flow_text_style(f, PE_FACE_BOLD, f->st.title_size * 1.15, f->st.heading);
	ts.leading = f->tpl->leading;
	y += pe_layout_text(f->layout, pg, &t, &ts, x0, y, lw, NULL);
	bool ok;
	double qh = pe_flow_add_qr(f, pg, PE_HELPLINE_TEL, pe_i18n_tr_key(lang, NC_("wallet-card/back", "Scan to call the cancer helpline")),
	                   f->x1 - q, f->top, q, q, &ok);
	if (!ok)
		return false;
	/* The clinic's logo in the corner under the code, when there is room. */
	double logo_w, logo_h;
	if (site && site->logo) {
		if (!pe_flow_logo_size(f, &logo_w, &logo_h))
			return false;
		double room = f->bottom - (f->top + qh + 4);
		double scale = fmin(q / logo_w, fmin(room, 22) / logo_h);
		if (scale > 0 && logo_h * scale >= 8 &&
		    !pe_page_add_png(pg, f->x1 - logo_w * scale, f->bottom - logo_h * scale,
		                     logo_w * scale, logo_h * scale, site->logo))
			return pe_flow_oom(f);
	}
	/* For whoever finds the card in an emergency, at the bottom, in the
	 * small size in black (it was 6.5 pt grey italic). */
	/* TRANSLATORS: wallet card, bottom line on the back. */
	const char *show = pe_i18n_tr_key(lang, NC_("wallet-card/back", "Show this card to any doctor or nurse who treats you."));
	pe_column probe;
	pe_page *sp = pe_column_init(&probe, pg->width, pg->height);
	if (!sp)
		return pe_flow_oom(f);
	double sh = plain_at(f, sp, show, PE_FACE_REGULAR, f->st.small_size, f->st.text, x0, 0, lw);
	for (size_t i = 0; i < sp->n_ops; i++) {   /* ink can hang below the line box */
		double ox0, oy0, ox1, oy1;
		pe_op_bounds(&sp->ops[i], &ox0, &oy0, &ox1, &oy1);
		sh = fmax(sh, oy1);
	}
	pe_column_finish(&probe);
	if (y + body * 0.4 + sh <= f->bottom)
		plain_at(f, pg, show, PE_FACE_REGULAR, f->st.small_size, f->st.text, x0, f->bottom - sh, lw);
	return true;
}


bool pe_wallet_layout(pe_flow *f, const char *lang)
{
	return wallet_front(f, lang) && wallet_back(f, lang);
}

/* ---- wallet card sheet ------------------------------------------------- */

/* The card, 85.6 x 54 mm (ISO/IEC 7810 ID-1). */
#define CARD_W (85.6 * 72 / 25.4)
#define CARD_H (54.0 * 72 / 25.4)
#define MM (72 / 25.4)

/* How many cards (front and back side by side) a sheet holds: rows of
 * CARD_H with 8 mm between them for the crop marks, inside 13 mm margins
 * (the marks reach 6.5 mm past a card; printers lose about 5). */
int pe_wallet_sheet_capacity(double paper_w, double paper_h)
{
	double m = 13 * MM, gap = 8 * MM;
	if (2 * CARD_W > paper_w - 2 * m)
		return 0;
	return (int)floor((paper_h - 2 * m + gap) / (CARD_H + gap));
}

/* A short crop mark: a 0.5 pt line from (x, y), dx or dy long. */
static bool crop(pe_page *pg, double x, double y, double dx, double dy)
{
	const pe_color k = pe_rgb(0, 0, 0);
	double lw = 0.5;
	if (dx != 0)
		return pe_page_add_rect(pg, dx > 0 ? x : x + dx, y - lw / 2, fabs(dx), lw, k, PE_NO_COLOR, 0, 0);
	return pe_page_add_rect(pg, x - lw / 2, dy > 0 ? y : y + dy, lw, fabs(dy), k, PE_NO_COLOR, 0, 0);
}

pe_dlist *pe_wallet_sheet(const pe_dlist *card, double paper_w, double paper_h, int n_cards,
                          pe_error *err)
{
	int cap = pe_wallet_sheet_capacity(paper_w, paper_h);
	if (!card || card->n_pages != 2 || fabs(card->pages[0].width - CARD_W) > 0.05 ||
	    fabs(card->pages[0].height - CARD_H) > 0.05) {
		pe_error_set(err, NULL, 0, "wallet sheet: the card must be two pages of 85.6 x 54 mm");
		return NULL;
	}
	if (n_cards <= 0)
		n_cards = cap;
	if (n_cards < 1 || n_cards > cap) {
		pe_error_set(err, NULL, 0, "wallet sheet: %d cards do not fit on a %.0f x %.0f mm sheet "
		             "(at most %d)", n_cards, paper_w / MM, paper_h / MM, cap);
		return NULL;
	}
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, paper_w, paper_h) : NULL;
	if (!pg || !pe_dlist_set_meta(dl, card->title, card->subject, card->lang))
		goto oom;
	double gap = 8 * MM, mark = 5 * MM, off = 1.5 * MM;
	/* Centred as a full sheet would be: fewer cards start at the top. */
	double x = (paper_w - 2 * CARD_W) / 2, y0 = (paper_h - cap * CARD_H - (cap - 1) * gap) / 2;
	const pe_color edge = pe_rgb(0.6, 0.6, 0.6), fold = pe_rgb(0.45, 0.45, 0.45);
	for (int c = 0; c < n_cards; c++) {
		double y = y0 + c * (CARD_H + gap);
		/* Front on the left, back on the right: folded along the line
		 * between them, the back turns over onto the front's back the
		 * right way up. */
		if (!pe_page_copy_ops(pg, &card->pages[0], -1e9, 1e9, x, y) ||
		    !pe_page_copy_ops(pg, &card->pages[1], -1e9, 1e9, x + CARD_W, y))
			goto oom;
		/* A thin border round each side: a cutting guide on white paper
		 * (the card's own margins keep its words off it). */
		for (int side = 0; side < 2; side++)
			if (!pe_page_add_rect(pg, x + side * CARD_W, y, CARD_W, CARD_H, PE_NO_COLOR, edge,
			                      0.35, 0))
				goto oom;
		/* The fold: a dashed line over the shared edge, 3 mm dashes,
		 * running on into the gap above and below so it shows after
		 * cutting too. */
		for (double d = y - 3 * MM; d < y + CARD_H + 3 * MM - 0.1; d += 5 * MM) {
			double len = fmin(3 * MM, y + CARD_H + 3 * MM - d);
			if (!pe_page_add_rect(pg, x + CARD_W - 0.35, d, 0.7, len, fold, PE_NO_COLOR, 0, 0))
				goto oom;
		}
		/* Crop marks at the four outer corners, off the card. */
		double xr = x + 2 * CARD_W, yb = y + CARD_H;
		if (!crop(pg, x - off, y, -mark, 0) || !crop(pg, x, y - off, 0, -mark) ||
		    !crop(pg, xr + off, y, mark, 0) || !crop(pg, xr, y - off, 0, -mark) ||
		    !crop(pg, x - off, yb, -mark, 0) || !crop(pg, x, yb + off, 0, mark) ||
		    !crop(pg, xr + off, yb, mark, 0) || !crop(pg, xr, yb + off, 0, mark))
			goto oom;
	}
	return dl;
oom:
	pe_dlist_destroy(dl);
	pe_error_set(err, NULL, 0, "handout: out of memory");
	return NULL;
}
