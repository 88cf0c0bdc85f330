/* SPDX-License-Identifier: MIT */
/*
 * test_wallet.c - the emergency wallet card (wallet.c): two sides at
 * card size, its medical words all from the card topic (in English and
 * Spanish, and whatever the topic says), an error without them, the
 * helpline and its QR code on the back.
 */
#include "handout_fixture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "site.h"
#include "template.h"

/* The front of the wallet card says the card topic's words and nothing
 * else: the emergency tier's title (the band), its signs and its notes,
 * then the form labels (UI strings). */
static void assert_card_front(fx *f, const pe_topic *card, const char *lang)
{
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("wallet-card", &err);
	assert_non_null(tpl);
	pe_handout_req req = { .lang = lang, .tpl = tpl, .card = card };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl)
		fail_msg("%s", err.msg);
	if (!pe_handout_check(dl, tpl, &err))
		fail_msg("%s", err.msg);
	const pe_tier *tier = &pe_topic_gethelp(card, NULL)->tiers[0];
	char want[4096] = "";
	words_append(want, &tier->title);
	for (size_t i = 0; i < tier->n_signs; i++)
		words_append(want, &tier->signs[i].text);
	for (size_t i = 0; i < tier->n_paras; i++)
		words_append(want, &tier->paras[i].text);
	words_append_plain(want, pe_i18n_tr_key(lang, NC_("wallet-card/front", "My name:")));
	words_append_plain(want, pe_i18n_tr_key(lang, NC_("wallet-card/front", "My treatment:")));
	char *got = page_words(&dl->pages[0]);
	assert_string_equal(got, want);
	/* and the PDF subject is the card's summary */
	assert_string_equal(dl->subject, card->summary);
	free(got);
	pe_dlist_destroy(dl);
	pe_template_destroy(tpl);
}

static void wallet_card_words_from_content(void **state)
{
	fx *f = *state;
	assert_card_front(f, f->card, "en");
	pe_error err = { { 0 } };
	pe_topic *es = pe_topic_load(CARD_FIX "wallet-card-es.xml", "es", f->schema, &err);
	if (!es)
		fail_msg("%s", err.msg);
	assert_card_front(f, es, "es");
	pe_topic_destroy(es);

	/* Change the card's words: the card follows (nothing in C). */
	pe_topic *t = pe_topic_load(CARD_FIX "wallet-card-en.xml", "en", f->schema, &err);
	assert_non_null(t);
	pe_tier *tier = &t->sections[0].blocks[0].tiers[0];
	free(tier->signs[0].text.runs[0].text);
	tier->signs[0].text.runs[0].text = strdup("A sign only this test has");
	size_t keep = tier->n_signs, keep_p = tier->n_paras;
	tier->n_paras = 0;   /* no notes: none drawn */
	tier->n_signs = 2;
	assert_card_front(f, t, "en");
	tier->n_signs = keep;
	tier->n_paras = keep_p;
	pe_topic_destroy(t);
}

/* No card, or a card without an emergency tier: an error, no card. */
static void wallet_card_needs_words(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("wallet-card", &err);
	assert_non_null(tpl);
	pe_handout_req req = { .lang = "en", .tpl = tpl };
	assert_null(pe_handout_layout(f->layout, &req, &err));
	assert_non_null(strstr(err.msg, "kind=\"card\""));
	pe_topic *t = pe_topic_load(CARD_FIX "wallet-card-en.xml", "en", f->schema, &err);
	assert_non_null(t);
	t->sections[0].blocks[0].tiers[0].level = PE_TIER_URGENT;
	req.card = t;
	assert_null(pe_handout_layout(f->layout, &req, &err));
	assert_non_null(strstr(err.msg, CARD_FIX "wallet-card-en.xml:12: the wallet card needs"));
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}

static void wallet_card_two_sides(void **state)
{
	fx *f = *state;
	pe_dlist *dl = make(f, "wallet-card", NULL, 0, NULL);
	/* its PDF subject says what is on it, not the title again */
	assert_non_null(dl->title);
	assert_non_null(dl->subject);
	assert_string_not_equal(dl->title, dl->subject);
	assert_int_equal(dl->n_pages, 2);
	assert_float_equal(dl->pages[0].width, 85.6 * 72 / 25.4, 0.01);
	assert_true(doc_has_text(dl, "911"));
	assert_true(doc_has_text(dl, PE_HELPLINE_DISPLAY));
	assert_true(doc_has_text(dl, "Scan"));
	bool qr = false;
	for (size_t i = 0; i < dl->pages[1].n_ops; i++)
		qr |= dl->pages[1].ops[i].kind == PE_OP_IMAGE;
	assert_true(qr);
	pe_dlist_destroy(dl);
}

/* Readable up close: nothing under 8 pt, no grey italic small print
 * (the 6.5 pt lines), the signs and every phone number at least 9 pt
 * bold; with a site file and without, English and Spanish. */
static void wallet_card_type_sizes(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_site *site = riverside_site();
	pe_topic *es = pe_topic_load(CARD_FIX "wallet-card-es.xml", "es", f->schema, &err);
	assert_non_null(es);
	pe_template *tpl = pe_template_find("wallet-card", &err);
	assert_non_null(tpl);
	for (int k = 0; k < 4; k++) {
		const pe_topic *card = k & 1 ? es : f->card;
		pe_handout_req req = { .lang = k & 1 ? "es" : "en", .tpl = tpl, .card = card,
		                       .site = k & 2 ? site : NULL };
		pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
		if (!dl)
			fail_msg("%s", err.msg);
		if (!pe_handout_check(dl, tpl, &err))
			fail_msg("%s", err.msg);
		const pe_tier *tier = &pe_topic_gethelp(card, NULL)->tiers[0];
		for (size_t p = 0; p < dl->n_pages; p++)
			for (size_t i = 0; i < dl->pages[p].n_ops; i++) {
				const pe_op *op = &dl->pages[p].ops[i];
				if (op->kind != PE_OP_TEXT)
					continue;
				const char *s = op->u.text.utf8;
				if (op->u.text.size < 8)
					fail_msg("\"%s\" at %.1f pt", s, op->u.text.size);
				if (op->u.text.face == PE_FACE_ITALIC || op->u.text.face == PE_FACE_BOLD_ITALIC)
					fail_msg("\"%s\" in italic", s);
				bool sign = false;
				for (size_t n = 0; n < tier->n_signs; n++) {
					char *plain = pe_text_plain(&tier->signs[n].text);
					sign |= strstr(plain, s) != NULL;
					free(plain);
				}
				bool phone = op->u.text.link && strncmp(op->u.text.link, "tel:", 4) == 0;
				if ((sign || phone) &&
				    (op->u.text.size < 9 - 1e-6 || op->u.text.face != PE_FACE_BOLD))
					fail_msg("%s \"%s\" at %.1f pt, face %d: wanted 9 pt bold",
					         sign ? "sign" : "phone", s, op->u.text.size, op->u.text.face);
			}
		pe_dlist_destroy(dl);
	}
	pe_template_destroy(tpl);
	pe_topic_destroy(es);
	pe_site_destroy(site);
}

/* The print-ready sheet: Letter and A4, as many cards as fit or a
 * given number, each front and back side by side at 85.6 x 54 mm
 * exactly (their borders measured on the display list), a dashed fold
 * line on the shared edge, crop marks, everything of the card on it. */
static void wallet_sheet_to_scale(void **state)
{
	fx *f = *state;
	const double mm = 72 / 25.4;
	static const struct { double w, h; int n, want; } sheets[] = {
		{ 612, 792, 0, 4 }, { 595.28, 841.89, 0, 4 }, { 612, 792, 2, 2 }, { 612, 792, 1, 1 },
	};
	pe_dlist *card = make(f, "wallet-card", NULL, 0, NULL);
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("wallet-card", &err);
	assert_non_null(tpl);
	for (size_t k = 0; k < sizeof sheets / sizeof sheets[0]; k++) {
		pe_dlist *dl = pe_wallet_sheet(card, sheets[k].w, sheets[k].h, sheets[k].n, &err);
		if (!dl)
			fail_msg("%s", err.msg);
		assert_int_equal(dl->n_pages, 1);
		const pe_page *pg = &dl->pages[0];
		assert_float_equal(pg->width, sheets[k].w, 0.01);
		/* borders: stroked, unfilled rectangles of the card's size */
		int borders = 0, dashes = 0, marks = 0;
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			if (op->kind != PE_OP_RECT)
				continue;
			if (op->u.rect.stroke.a > 0 && op->u.rect.fill.a == 0 &&
			    fabs(op->w - 85.6 * mm) < 0.01 && fabs(op->h - 54 * mm) < 0.01)
				borders++;
			if (fabs(op->w - 0.7) < 0.01)
				dashes++;
			if (fabs(op->w - 5 * mm) < 0.01 || fabs(op->h - 5 * mm) < 0.01)
				marks++;
		}
		assert_int_equal(borders, 2 * sheets[k].want);
		assert_true(dashes >= 10 * sheets[k].want);
		assert_int_equal(marks, 8 * sheets[k].want);
		/* every word of both sides, once per card */
		size_t n_card = 0, n_sheet = 0;
		for (size_t p = 0; p < 2; p++)
			for (size_t i = 0; i < card->pages[p].n_ops; i++)
				n_card += card->pages[p].ops[i].kind == PE_OP_TEXT;
		for (size_t i = 0; i < pg->n_ops; i++)
			n_sheet += pg->ops[i].kind == PE_OP_TEXT;
		assert_int_equal(n_sheet, n_card * (size_t)sheets[k].want);
		/* and it passes the check, at the card's minimum type size */
		pe_template sheet = *tpl;
		sheet.width = sheets[k].w;
		sheet.height = sheets[k].h;
		sheet.margin_top = sheet.margin_bottom = sheet.margin_left = sheet.margin_right = 5 * mm;
		if (!pe_handout_check(dl, &sheet, &err))
			fail_msg("%s", err.msg);
		pe_dlist_destroy(dl);
	}
	/* too many: an error naming the most */
	assert_null(pe_wallet_sheet(card, 612, 792, 9, &err));
	assert_non_null(strstr(err.msg, "at most 4"));
	assert_int_equal(pe_wallet_sheet_capacity(612, 792), 4);
	pe_template_destroy(tpl);
	pe_dlist_destroy(card);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wallet_card_two_sides),
		cmocka_unit_test(wallet_card_words_from_content),
		cmocka_unit_test(wallet_card_needs_words),
		cmocka_unit_test(wallet_card_type_sizes),
		cmocka_unit_test(wallet_sheet_to_scale),
	};
	return cmocka_run_group_tests_name("wallet", tests, handout_setup, handout_teardown);
}
