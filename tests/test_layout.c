/* SPDX-License-Identifier: MIT */
/*
 * test_layout.c - the text engine of the layout module (layout.c) and
 * the default style, asserted with numbers: widths, heights, faces,
 * links, and the width agreement with the fonts' own advances that makes
 * libharu draw exactly what Pango measured. Blocks, pictures and icons
 * have their own tests (test_blocks.c, test_pictures.c, test_icons.c;
 * the fixture they share: layout_fixture.h), the path builder
 * tests/test_shapes.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "fonts.h"
#include "i18n.h"
#include "handout.h"
#include "layout.h"
#include "layout_fixture.h"
#include "paths.h"

/* ---- text ------------------------------------------------------------- */

static void wraps_within_width_and_height_is_lines(void **state)
{
	fixture *fx = *state;
	static const double widths[] = { 90, 150, 233.3, 400, 611 };
	static const double sizes[] = { 10, 12, 14, 18, 31.5 };
	for (size_t wi = 0; wi < 5; wi++)
		for (size_t si = 0; si < 5; si++) {
			pe_page *pg = page(fx);
			pe_text_style t = body(sizes[si]);
			int n = 0;
			double x = 17.5, y = 40;
			double h = pe_layout_plain(fx->layout, pg, para, &t, x, y, widths[wi], &n);
			assert_true(n > 1);
			assert_true(fabs(h - n * t.size * t.leading) < 1e-9);
			double last_base = -1;
			int lines = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *op = &pg->ops[i];
				assert_int_equal(op->kind, PE_OP_TEXT);
				assert_true(op->x >= x - EPS);
				if (op->x + op->w > x + widths[wi] + EPS) {
					/* only a single word longer than the column may
					 * stick out, alone on its line */
					assert_null(strchr(op->u.text.utf8, ' '));
					assert_true(fabs(op->x - x) < 1e-9);
					assert_true(pe_layout_width(fx->layout, op->u.text.utf8, op->u.text.face,
					                            op->u.text.size) > widths[wi]);
				}
				assert_true(op->y - op->u.text.ascent >= y - 1e-9);
				assert_true(op->y + op->u.text.descent <= y + h + 1e-9);
				if (op->y != last_base) {
					if (last_base >= 0)
						assert_true(fabs(op->y - last_base - t.size * t.leading) < 1e-9);
					last_base = op->y;
					lines++;
				}
			}
			assert_int_equal(lines, n);
		}
	page_done(fx);
}

/* Joining the lines with one space gives back the source, exactly: no
 * text lost, none added, no trailing spaces kept at line ends. */
static void runs_keep_the_source_text(void **state)
{
	fixture *fx = *state;
	pe_text text = T("Call the clinic at [1-800-227-2345] if you have a *fever* of "
	                 "100.4 °F or _higher_, or if the skin gets red, warm or sore.");
	char *src = calloc(1, 1000);
	for (size_t i = 0; i < text.n_runs; i++)
		strcat(src, text.runs[i].text);
	for (double w = 60; w <= 500; w += 37) {
		pe_page *pg = page(fx);
		pe_text_style t = body(14);
		pe_layout_text(fx->layout, pg, &text, &t, 0, 0, w, NULL);
		char *got = calloc(1, 1000);
		double base = pg->ops[0].y;
		for (size_t i = 0; i < pg->n_ops; i++) {
			const char *s = pg->ops[i].u.text.utf8;
			assert_true(strlen(s) > 0);
			if (pg->ops[i].y != base) {
				/* a line never ends in a space */
				assert_true(got[strlen(got) - 1] != ' ');
				strcat(got, " ");
				base = pg->ops[i].y;
			}
			strcat(got, s);
		}
		assert_string_equal(got, src);
		free(got);
	}
	free(src);
	page_done(fx);
}

/* The text of every op of pg, joined with no separator (malloc'd). */
static char *ops_text(const pe_page *pg)
{
	size_t n = 1;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT)
			n += strlen(pg->ops[i].u.text.utf8);
	char *s = calloc(1, n);
	assert_non_null(s);
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT)
			strcat(s, pg->ops[i].u.text.utf8);
	return s;
}

/* French puts a narrow no-break space (U+202F) inside "18 h 30" and
 * before ; : ! ?, and a thin space (U+2009) in numbers. The bundled fonts
 * have neither glyph: libharu stopped the handout ("no glyph for
 * U+202F") and the kiosk drew them em-wide. Layout keeps the gap Pango
 * measured (narrower than a space) and puts no such character into an
 * op, so no painter has to draw one. */
static void narrow_spaces_are_gaps(void **state)
{
	fixture *fx = *state;
	pe_text_style t = body(20);
	const char *narrow = "18\u202Fh\u202F30 ; 1\u2009000 mg\u202F!";
	pe_page *pg = page(fx);
	pe_layout_plain(fx->layout, pg, narrow, &t, 0, 0, 1000, NULL);
	char *all = ops_text(pg);
	assert_null(strstr(all, "\u202F"));
	assert_null(strstr(all, "\u2009"));
	assert_string_equal(all, "18h30 ; 1000 mg!");
	free(all);
	const pe_op *a = find_exact(pg, "18");
	const pe_op *b = find_exact(pg, "h");
	assert_non_null(a);
	assert_non_null(b);
	double gap = b->x - (a->x + a->w);
	double space = pe_layout_width(fx->layout, "a a", PE_FACE_REGULAR, 20) -
	               pe_layout_width(fx->layout, "aa", PE_FACE_REGULAR, 20);
	if (!(gap > 0.2 * space && gap < 0.8 * space))
		fail_msg("narrow space %.2f wide, a space %.2f", gap, space);
	/* The whole is narrower than with spaces, wider than with none. */
	double wn = pe_layout_width(fx->layout, "18\u202Fh\u202F30", PE_FACE_REGULAR, 20);
	assert_true(wn < pe_layout_width(fx->layout, "18 h 30", PE_FACE_REGULAR, 20));
	assert_true(wn > pe_layout_width(fx->layout, "18h30", PE_FACE_REGULAR, 20));
	/* No break at a no-break space: one line at any width. */
	int lines = 0;
	pe_layout_plain(fx->layout, NULL, "18\u202Fh\u202F30", &t, 0, 0, 5, &lines);
	assert_int_equal(lines, 1);
	page_done(fx);
}

/* Bidi controls (isolates around a phone number, marks) take no room and
 * are never drawn: no op holds one, and they move nothing. */
static void bidi_controls_are_not_drawn(void **state)
{
	fixture *fx = *state;
	pe_text_style t = body(14);
	pe_page *pg = page(fx);
	pe_layout_plain(fx->layout, pg, "Call \u2066800-227-2345\u2069 now\u200E, \u200Fok", &t, 0, 0,
	                1000, NULL);
	char *all = ops_text(pg);
	assert_string_equal(all, "Call 800-227-2345 now, ok");
	free(all);
	double plain = pe_layout_width(fx->layout, "Call 800-227-2345 now, ok", PE_FACE_REGULAR, 14);
	double marked = pe_layout_width(fx->layout, "Call \u2066800-227-2345\u2069 now\u200E, \u200Fok",
	                                PE_FACE_REGULAR, 14);
	assert_true(fabs(plain - marked) < EPS);
	page_done(fx);
}

/* Right to left (Arabic): the page is built as for English and mirrored;
 * the text comes out right-aligned in its box, the first words at the
 * right, a bold run left of the words before it, and the phone number one
 * op reading 1-800-227-2345 (it once showed 2345-227-800-1), left of the
 * words that come before it. Asserted on positions: the bundled fonts may
 * have no Arabic glyphs. */
static void right_to_left_mirrors_runs(void **state)
{
	fixture *fx = *state;
	pe_text_style t = body(14);
	pe_layout_set_rtl(fx->layout, true);
	pe_page *pg = page(fx);
	/* "Call the number [phone] now, *quickly*" */
	pe_text text = T("\u0627\u062a\u0635\u0644 \u0628\u0627\u0644\u0631\u0642\u0645 "
	                 "[1-800-227-2345] \u0627\u0644\u0622\u0646 *\u0628\u0633\u0631\u0639\u0629* "
	                 "\u0644\u0645\u062f\u0629 24\u201348 \u0633\u0627\u0639\u0629");
	double x = 100, w = 900;
	pe_layout_text(fx->layout, pg, &text, &t, x, 0, w, NULL);
	pe_layout_set_rtl(fx->layout, false);
	pe_page_mirror(pg);
	double right = pg->width - x;          /* the box, mirrored */
	const pe_op *call = find_text(pg, "\u0627\u062a\u0635\u0644");
	const pe_op *phone = find_exact(pg, "1-800-227-2345");
	const pe_op *now = find_text(pg, "\u0627\u0644\u0622\u0646");
	const pe_op *bold = find_exact(pg, "\u0628\u0633\u0631\u0639\u0629");
	const pe_op *range = find_text(pg, "24\u201348");
	assert_non_null(call);
	assert_non_null(phone);
	assert_non_null(now);
	assert_non_null(bold);
	assert_non_null(range);
	assert_string_equal(phone->u.text.link, "tel:18002272345");
	/* each op says the direction it was laid out in (the painter draws
	 * a letterless run, ". ", in it): the words right to left, the
	 * isolated number left to right */
	assert_true(call->u.text.rtl);
	assert_true(bold->u.text.rtl);
	assert_false(phone->u.text.rtl);
	/* right-aligned: the first words end at the box's right edge */
	assert_true(fabs(call->x + call->w - right) < 0.5);
	/* reading order right to left */
	assert_true(phone->x + phone->w <= call->x + EPS);
	assert_true(now->x + now->w <= phone->x + EPS);
	assert_true(bold->x + bold->w <= now->x + EPS);
	assert_true(range->x + range->w <= bold->x + EPS);
	assert_true(range->x >= pg->width - x - w - EPS);
	for (size_t i = 0; i < pg->n_ops; i++)
		assert_null(strstr(pg->ops[i].u.text.utf8, "\u2066"));

	/* Wrapped: every line ends at the right edge. */
	pg = page(fx);
	pe_layout_set_rtl(fx->layout, true);
	int lines = 0;
	pe_layout_text(fx->layout, pg, &text, &t, x, 0, 160, &lines);
	pe_layout_set_rtl(fx->layout, false);
	pe_page_mirror(pg);
	assert_true(lines >= 3);
	for (int l = 0; l < lines; l++) {
		double maxr = 0;
		double base = pg->ops[0].y + l * t.size * t.leading;
		for (size_t i = 0; i < pg->n_ops; i++)
			if (fabs(pg->ops[i].y - base) < EPS)
				maxr = fmax(maxr, pg->ops[i].x + pg->ops[i].w);
		if (fabs(maxr - right) > 0.5)
			fail_msg("line %d ends at %.2f, the box at %.2f", l, maxr, right);
	}
	/* Left to right again: the same text, not mirrored, starts at x. */
	pg = page(fx);
	pe_layout_text(fx->layout, pg, &text, &t, x, 0, w, NULL);
	phone = find_exact(pg, "1-800-227-2345");
	assert_non_null(phone);
	assert_false(phone->u.text.rtl);
	double minx = 1e9;
	for (size_t i = 0; i < pg->n_ops; i++)
		minx = fmin(minx, pg->ops[i].x);
	assert_true(fabs(minx - x) < 0.5);
	page_done(fx);
}

/* The tel: link of a number written "(+44) 20 7946 0000": the + leads the
 * digits, so it stays (the handout's QR code and the text link once
 * disagreed; "tel:442079460000" would dial a local number). */
static void international_number_keeps_its_plus(void **state)
{
	fixture *fx = *state;
	pe_page *pg = page(fx);
	pe_text text = T("Call [(+44) 20 7946 0000] or [+1 555 0100].");
	pe_text_style t = body(12);
	pe_layout_text(fx->layout, pg, &text, &t, 0, 0, 1000, NULL);
	const pe_op *op = find_text(pg, "(+44)");
	assert_non_null(op);
	assert_string_equal(op->u.text.link, "tel:+442079460000");
	op = find_text(pg, "+1");
	assert_non_null(op);
	assert_string_equal(op->u.text.link, "tel:+15550100");
}

static void styles_pick_faces_and_links(void **state)
{
	fixture *fx = *state;
	pe_page *pg = page(fx);
	pe_text text = T("Plain *bold words* and _slanted_ then [1-800-227-2345] end.");
	pe_text_style t = body(12);
	pe_layout_text(fx->layout, pg, &text, &t, 0, 0, 1000, NULL);
	const pe_op *op = find_text(pg, "Plain");
	assert_non_null(op);
	assert_int_equal(op->u.text.face, PE_FACE_REGULAR);
	assert_null(op->u.text.link);
	op = find_text(pg, "bold words");
	assert_non_null(op);
	assert_int_equal(op->u.text.face, PE_FACE_BOLD);
	op = find_text(pg, "slanted");
	assert_non_null(op);
	assert_int_equal(op->u.text.face, PE_FACE_ITALIC);
	op = find_text(pg, "1-800");
	assert_non_null(op);
	assert_string_equal(op->u.text.utf8, "1-800-227-2345");
	assert_int_equal(op->u.text.face, PE_FACE_BOLD);
	assert_non_null(op->u.text.link);
	assert_string_equal(op->u.text.link, "tel:18002272345");
	assert_true(fabs(op->u.text.color.b - t.link_color.b) < 1e-9);
	/* pieces follow each other on the line with no gap and no overlap */
	for (size_t i = 1; i < pg->n_ops; i++)
		assert_true(fabs(pg->ops[i - 1].x + pg->ops[i - 1].w - pg->ops[i].x) < EPS);

	/* a bold base face with em becomes bold italic */
	pg = page(fx);
	t.face = PE_FACE_BOLD;
	pe_text t2 = T("Heading with _stress_");
	pe_layout_text(fx->layout, pg, &t2, &t, 0, 0, 1000, NULL);
	op = find_text(pg, "stress");
	assert_non_null(op);
	assert_int_equal(op->u.text.face, PE_FACE_BOLD_ITALIC);
	page_done(fx);
	free_all();
}

static void phone_number_is_not_broken(void **state)
{
	fixture *fx = *state;
	pe_text text = T("For help call [1-800-227-2345] now");
	for (double w = 50; w < 400; w += 10) {
		pe_page *pg = page(fx);
		pe_text_style t = body(14);
		pe_layout_text(fx->layout, pg, &text, &t, 0, 0, w, NULL);
		const pe_op *op = find_text(pg, "1-");
		assert_non_null(op);
		assert_string_equal(op->u.text.utf8, "1-800-227-2345");
	}
	page_done(fx);
	free_all();
}

static void long_word_overflows_honestly(void **state)
{
	fixture *fx = *state;
	pe_page *pg = page(fx);
	pe_text_style t = body(14);
	const char *word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
	int n = 0;
	double h = pe_layout_plain(fx->layout, pg, word, &t, 10, 0, 40, &n);
	assert_int_equal(n, 1);
	assert_true(fabs(h - t.size * t.leading) < 1e-9);
	assert_int_equal(pg->n_ops, 1);
	double natural = pe_layout_width(fx->layout, word, PE_FACE_REGULAR, 14);
	assert_true(natural > 40);
	assert_true(fabs(pg->ops[0].w - natural) < EPS);

	/* no room at all: one word per line, not one endless line */
	pg = page(fx);
	pe_layout_plain(fx->layout, pg, "Rest and keep warm", &t, 0, 0, -3, &n);
	assert_int_equal(n, 4);
	assert_int_equal(pg->n_ops, 4);

	/* empty input: no lines, no ops, no height */
	pg = page(fx);
	assert_true(pe_layout_plain(fx->layout, pg, "", &t, 0, 0, 100, &n) == 0);
	assert_int_equal(n, 0);
	pe_text empty = { NULL, 0 };
	assert_true(pe_layout_text(fx->layout, pg, &empty, &t, 0, 0, 100, &n) == 0);
	assert_int_equal(pg->n_ops, 0);
	page_done(fx);
}

static void width_scales_with_size(void **state)
{
	fixture *fx = *state;
	double w12 = pe_layout_width(fx->layout, "Infusion care at home", PE_FACE_REGULAR, 12);
	double w24 = pe_layout_width(fx->layout, "Infusion care at home", PE_FACE_REGULAR, 24);
	double wb = pe_layout_width(fx->layout, "Infusion care at home", PE_FACE_BOLD, 12);
	assert_true(w12 > 50 && w12 < 200);
	assert_true(fabs(w24 - 2 * w12) < EPS);
	assert_true(wb > w12);
	assert_true(pe_layout_width(fx->layout, "", PE_FACE_REGULAR, 12) == 0);
}

/* The layout cache answers exactly what Pango would: the same ops warm,
 * after the entry was evicted, and different ops for a different width,
 * size or style. */
static void cache_gives_what_pango_gives(void **state)
{
	fixture *fx = *state;
	pe_text_style t = body(14);
	pe_text text = T("Call the clinic at [1-800-227-2345] if you have a *fever* of "
	                 "100.4 °F or _higher_, or if the skin gets red, warm or sore.");
	pe_dlist *dl = pe_dlist_create();
	pe_page *cold = pe_dlist_add_page(dl, 600, 600);
	pe_layout_text(fx->layout, cold, &text, &t, 5, 7, 233, NULL);
	cold = &dl->pages[0];
	pe_page *warm = pe_dlist_add_page(dl, 600, 600);
	pe_layout_text(fx->layout, warm, &text, &t, 5, 7, 233, NULL);
	/* push it out: many other texts */
	char s[64];
	for (int i = 0; i < 3000; i++) {
		snprintf(s, sizeof s, "filler text number %d", i);
		pe_layout_plain(fx->layout, NULL, s, &t, 0, 0, 100 + i % 7, NULL);
	}
	pe_page *evicted = pe_dlist_add_page(dl, 600, 600);
	pe_layout_text(fx->layout, evicted, &text, &t, 5, 7, 233, NULL);
	const pe_page *pages[3] = { &dl->pages[0], &dl->pages[1], &dl->pages[2] };
	assert_true(pages[0]->n_ops > 4);
	for (int p = 1; p < 3; p++) {
		assert_int_equal(pages[p]->n_ops, pages[0]->n_ops);
		for (size_t i = 0; i < pages[0]->n_ops; i++) {
			const pe_op *a = &pages[0]->ops[i], *b = &pages[p]->ops[i];
			assert_string_equal(a->u.text.utf8, b->u.text.utf8);
			assert_true(a->x == b->x && a->y == b->y && a->w == b->w);
			assert_int_equal(a->u.text.face, b->u.text.face);
		}
	}
	pe_dlist_destroy(dl);
	/* what breaks lines is part of the key */
	int n1 = 0, n2 = 0, n3 = 0, n4 = 0;
	pe_layout_text(fx->layout, NULL, &text, &t, 0, 0, 233, &n1);
	pe_layout_text(fx->layout, NULL, &text, &t, 0, 0, 120, &n2);
	t.size = 20;
	pe_layout_text(fx->layout, NULL, &text, &t, 0, 0, 233, &n3);
	t.size = 14;
	t.face = PE_FACE_BOLD;
	pe_text plain = T("Call the clinic at 1-800-227-2345 if you have a fever of 100.4 °F or "
	                  "higher, or if the skin gets red, warm or sore. More words here to wrap.");
	pe_text_style r = body(14);
	int nr = 0;
	pe_layout_text(fx->layout, NULL, &plain, &r, 0, 0, 300, &nr);
	pe_layout_text(fx->layout, NULL, &plain, &t, 0, 0, 300, &n4);
	assert_true(n2 > n1);
	assert_true(n3 > n1);
	assert_true(n4 >= nr);
	assert_true(pe_layout_width(fx->layout, "Call", PE_FACE_BOLD, 14) >
	            pe_layout_width(fx->layout, "Call", PE_FACE_REGULAR, 14));
	free_all();
}

/* ---- width agreement with the font's own advances --------------------- */

typedef struct ftfaces {
	FT_Library lib;
	FT_Face face[PE_FACE_COUNT];
} ftfaces;

static void ft_open(ftfaces *ft, const pe_fonts *fonts)
{
	assert_int_equal(FT_Init_FreeType(&ft->lib), 0);
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		assert_int_equal(FT_New_Face(ft->lib, pe_fonts_path(fonts, (pe_face)f), 0,
		                             &ft->face[f]), 0);
		assert_int_equal(ft->face[f]->units_per_EM, 1000);
	}
}

static void ft_close(ftfaces *ft)
{
	for (int f = 0; f < PE_FACE_COUNT; f++)
		FT_Done_Face(ft->face[f]);
	FT_Done_FreeType(ft->lib);
}

static uint32_t utf8_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t c;
	int n;
	if (s[0] < 0x80) { c = s[0]; n = 1; }
	else if ((s[0] & 0xe0) == 0xc0) { c = s[0] & 0x1f; n = 2; }
	else if ((s[0] & 0xf0) == 0xe0) { c = s[0] & 0x0f; n = 3; }
	else { c = s[0] & 0x07; n = 4; }
	for (int i = 1; i < n; i++)
		c = (c << 6) | (s[i] & 0x3f);
	*p += n;
	return c;
}

/* What libharu computes: the sum of the font's advance widths (font units,
 * 1000 per em) times size / 1000. */
static double ft_width(FT_Face face, const char *s, double size)
{
	long units = 0;
	while (*s) {
		uint32_t c = utf8_next(&s);
		FT_UInt gi = FT_Get_Char_Index(face, c);
		FT_Fixed adv = 0;
		assert_int_equal(FT_Get_Advance(face, gi, FT_LOAD_NO_SCALE, &adv), 0);
		units += adv;
	}
	return units * size / 1000.0;
}

static const char *const words[] = {
	"infusion", "nurse", "headache", "fever", "call", "clinic", "day", "night",
	"drink", "water", "rest", "keep", "warm", "medicine", "doctor", "your", "the",
	"after", "before", "hours", "1-800-227-2345", "911", "100.4", "°F", "(38 °C)",
	"mañana", "infusión", "enfermera", "náuseas", "¿Tiene", "fiebre?", "¡Llame!",
	"«ahora»", "día", "señal", "pingüino", "—", "–", "“quoted”", "it’s", "…",
	"WAVE", "AVATAR", "Type", "fly", "office", "affix", "Tj", "LT", "VA", "ff",
	"fi", "fl", "ffi", "Ñandú", "ÉXITO", "Ü", "24-72", "6-12", "%", "&", "@",
};

static void widths_agree_with_font_advances(void **state)
{
	fixture *fx = *state;
	ftfaces ft;
	ft_open(&ft, fx->fonts);
	static const double sizes[] = { 9, 10.5, 12, 14, 18, 24.5, 31.5, 48 };
	unsigned seed = 12345;
	double worst = 0;
	int n_strings = 0;
	char s[600];
	for (int k = 0; k < 400; k++) {
		s[0] = '\0';
		int n_words = 1 + (int)(rand_r(&seed) % 14);
		for (int i = 0; i < n_words; i++) {
			if (i)
				strcat(s, " ");
			strcat(s, words[rand_r(&seed) % (sizeof words / sizeof words[0])]);
		}
		pe_face face = (pe_face)(k % PE_FACE_COUNT);
		double size = sizes[rand_r(&seed) % 8];
		double pw = pe_layout_width(fx->layout, s, face, size);
		double fw = ft_width(ft.face[face], s, size);
		double d = fabs(pw - fw);
		if (d > worst)
			worst = d;
		n_strings++;
	}
	/* and every op of a wrapped paragraph */
	for (double w = 120; w < 600; w += 50) {
		pe_page *pg = page(fx);
		pe_text text = T("Call the clinic at [1-800-227-2345] if you have a *fever* of "
		                 "100.4 °F or _higher_. La enfermera le dirá qué hacer mañana; "
		                 "¿tiene náuseas? «Llame» al 911 — ahora, it’s fine… AVATAR WAVE.");
		pe_text_style t = body(w / 40);
		pe_layout_text(fx->layout, pg, &text, &t, 0, 0, w, NULL);
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			double d = fabs(op->w - ft_width(ft.face[op->u.text.face], op->u.text.utf8,
			                                 op->u.text.size));
			if (d > worst)
				worst = d;
			n_strings++;
		}
	}
	/* the metrics are the bundled font's own (hhea ascender/descender) */
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		assert_true(fabs(pe_layout_ascent(fx->layout, (pe_face)f, 1000) -
		                 ft.face[f]->ascender) < 0.5);
		assert_true(fabs(pe_layout_descent(fx->layout, (pe_face)f, 1000) +
		                 ft.face[f]->descender) < 0.5);
	}
	print_message("width agreement: %d strings, max |Pango - font advances| = %.5f pt\n",
	              n_strings, worst);
	assert_true(worst <= 0.01);
	ft_close(&ft);
	page_done(fx);
	free_all();
}

/* ---- style ------------------------------------------------------------ */

static void style_sizes_and_contrast(void **state)
{
	(void)state;
	for (int hc = 0; hc < 2; hc++) {
		pe_style st;
		pe_style_default(&st, 14, hc);
		assert_true(st.body_size == 14);
		assert_true(st.heading_size > 1.2 * 14 && st.heading_size < 1.4 * 14);
		assert_true(st.title_size > 1.6 * 14 && st.title_size < 1.9 * 14);
		assert_true(st.small_size >= 0.75 * 14 && st.small_size <= 0.85 * 14);
		assert_true(st.leading >= 1.3);
		/* body text AAA on the page and on every box background */
		const pe_color fgs[] = { st.text, st.muted, st.heading, st.link };
		for (int i = 0; i < 4; i++)
			assert_true(contrast(fgs[i], st.page) >= 7.0);
		const pe_color bgs[] = { st.info_bg, st.warning_bg, st.emergency_bg };
		const pe_color box_fg[] = { st.info_fg, st.warning_fg, st.emergency_fg };
		for (int i = 0; i < 3; i++) {
			pe_color bg = bgs[i].a > 0 ? bgs[i] : st.page;
			assert_true(contrast(st.text, bg) >= 7.0);
			assert_true(contrast(box_fg[i], bg) >= 7.0);
			assert_true(contrast(st.link, bg) >= 7.0);
		}
		/* graphics (bars, dots, meters) at least 3:1 */
		const pe_color gfx[] = { st.accent, st.mild, st.moderate, st.severe };
		for (int i = 0; i < 4; i++)
			assert_true(contrast(gfx[i], st.page) >= 3.0);
		if (hc) {
			assert_true(st.text.r == 0 && st.text.g == 0 && st.text.b == 0);
			assert_true(st.info_bg.a == 0 && st.emergency_bg.a == 0);
		} else {
			assert_true(st.info_bg.a > 0 && st.emergency_bg.a > 0);
			/* the three severities are told apart by hue */
			assert_true(st.mild.g > st.mild.r && st.severe.r > st.severe.g);
		}
	}
	pe_style s18;
	pe_style_default(&s18, 18, false);
	assert_true(fabs(s18.indent / 18 - 1.5) < 0.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wraps_within_width_and_height_is_lines),
		cmocka_unit_test(runs_keep_the_source_text),
		cmocka_unit_test(styles_pick_faces_and_links),
		cmocka_unit_test(international_number_keeps_its_plus),
		cmocka_unit_test(phone_number_is_not_broken),
		cmocka_unit_test(long_word_overflows_honestly),
		cmocka_unit_test(width_scales_with_size),
		cmocka_unit_test(cache_gives_what_pango_gives),
		cmocka_unit_test(widths_agree_with_font_advances),
		cmocka_unit_test(style_sizes_and_contrast),
		cmocka_unit_test(narrow_spaces_are_gaps),
		cmocka_unit_test(bidi_controls_are_not_drawn),
		cmocka_unit_test(right_to_left_mirrors_runs),
	};
	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
