/*
 * test_layout.c - the layout module (layout.h): the text engine
 * (layout.c), blocks, headings and topics (blocks.c), pictures
 * (pictures.c) and icons (icons.c), asserted with numbers: widths,
 * heights, faces, links, break points, bounds, and the width agreement
 * with the fonts' own advances that makes libharu draw exactly what Pango
 * measured. The path builder has its own tests/test_shapes.c.
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
#include "paths.h"

#define EPS 0.01

/* Pango 1.50 starts a thread that loads the system's default fontconfig
 * configuration (which we never use) and never frees it. LeakSanitizer
 * cannot see past libfontconfig's frames to tell that one allocation from
 * ours, so fontconfig is suppressed here; tests/test_fonts.c, which runs
 * without Pango and without this suppression, still catches a leaked
 * FcConfig of our own. (valgrind: tests/valgrind.supp.) */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

typedef struct fixture {
	pe_fonts *fonts;
	pe_layout *layout;
	pe_dlist *dl;
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	char dir[4096];
	pe_error err = { "" };
	if (!fx || !pe_paths_data(dir, sizeof dir, "fonts"))
		return -1;
	fx->fonts = pe_fonts_load(dir, &err);
	if (!fx->fonts) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	fx->layout = pe_layout_create(fx->fonts, &err);
	if (!fx->layout) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	/* pictures' own words (axis landmarks, legend) come from the
	 * catalogs; without them they fall back to English */
	if (!pe_i18n_init(&err))
		fprintf(stderr, "%s\n", err.msg);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	pe_i18n_finish();
	pe_layout_destroy(fx->layout);
	pe_fonts_destroy(fx->fonts);
	free(fx);
	return 0;
}

/* A fresh page for each test (freed by the next call and at the end). */
static pe_page *page(fixture *fx)
{
	pe_dlist_destroy(fx->dl);
	fx->dl = pe_dlist_create();
	return pe_dlist_add_page(fx->dl, 2000, 20000);
}

static void page_done(fixture *fx)
{
	pe_dlist_destroy(fx->dl);
	fx->dl = NULL;
}

/* ---- hand-built content ---------------------------------------------- */

/* Texts and blocks built here live until free_all() (tests are short). */
static void *bag[4096];
static size_t n_bag;

static void *keep(void *p)
{
	assert_non_null(p);
	assert_true(n_bag < sizeof bag / sizeof bag[0]);
	bag[n_bag++] = p;
	return p;
}

static void free_all(void)
{
	while (n_bag)
		free(bag[--n_bag]);
}

/* Inline markup: *strong*, _em_, [phone]. */
static pe_text T(const char *m)
{
	pe_text t = { keep(calloc(32, sizeof(pe_run))), 0 };
	const char *p = m;
	while (*p) {
		unsigned style = PE_RUN_PLAIN;
		char close = 0;
		if (*p == '*') { style = PE_RUN_STRONG; close = '*'; }
		else if (*p == '_') { style = PE_RUN_EM; close = '_'; }
		else if (*p == '[') { style = PE_RUN_PHONE; close = ']'; }
		const char *s = close ? p + 1 : p;
		const char *e = s;
		if (close)
			while (*e && *e != close) e++;
		else
			while (*e && *e != '*' && *e != '_' && *e != '[') e++;
		t.runs[t.n_runs].text = keep(strndup(s, (size_t)(e - s)));
		t.runs[t.n_runs].style = style;
		t.n_runs++;
		p = close && *e ? e + 1 : e;
	}
	return t;
}

static pe_block block_of(pe_block_kind kind, const char *const *texts, size_t n)
{
	pe_block b = { .kind = kind };
	b.items = keep(calloc(n ? n : 1, sizeof(pe_item)));
	b.n_items = n;
	for (size_t i = 0; i < n; i++) {
		b.items[i].text = T(texts[i]);
		b.items[i].bullet = true;
	}
	return b;
}

static const char *const long_items[] = {
	"i0w Drink at least 8 cups of water or juice each day, starting 2 days before your infusion.",
	"i1w Rest and keep warm.",
	"i2w For a headache or mild fever, ask your doctor which medicine is safe for you to take with this treatment.",
	"i3w Avoid hard exercise for 2 days, and tell your nurse about any new rash, swelling or pain.",
};

static const char *const para =
	"Most people feel fine after an infusion. Some feel tired or have a mild headache "
	"for a day or two. This is common and usually goes away without help. If it does "
	"not, or if you feel worse, call the clinic. Keep a short note of how you feel each "
	"day and bring it to your next visit, so your care team can adjust your treatment.";

/* ---- text ------------------------------------------------------------- */

static pe_text_style body(double size)
{
	pe_text_style t = { PE_FACE_REGULAR, size, 1.4, pe_hex(0x1a1a1a), pe_hex(0x0b4a7a) };
	return t;
}

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

static const pe_op *find_text(const pe_page *pg, const char *s)
{
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && strstr(pg->ops[i].u.text.utf8, s))
			return &pg->ops[i];
	return NULL;
}

static const pe_op *find_exact(const pe_page *pg, const char *s)
{
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && !strcmp(pg->ops[i].u.text.utf8, s))
			return &pg->ops[i];
	return NULL;
}

/* The first bold op whose text starts s (a wrapped label's first line). */
/* A bold text at a size that starts s (a "when" label of the timeline's
 * list, which the strip above writes smaller). */
static const pe_op *find_bold_prefix_sized(const pe_page *pg, const char *s, double size)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_TEXT && op->u.text.face == PE_FACE_BOLD &&
		    fabs(op->u.text.size - size) < 1e-9 && strlen(op->u.text.utf8) > 2 &&
		    !strncmp(s, op->u.text.utf8, strlen(op->u.text.utf8)))
			return op;
	}
	return NULL;
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


/* ---- blocks ----------------------------------------------------------- */

/* One block of every kind, with enough text to wrap. */
static pe_block make_block(pe_block_kind kind)
{
	pe_block b;
	switch (kind) {
	case PE_BLOCK_PARAGRAPH:
		b = block_of(kind, NULL, 0);
		b.text = T(para);
		return b;
	case PE_BLOCK_LIST:
	case PE_BLOCK_STEPS:
		return block_of(kind, long_items, 4);
	case PE_BLOCK_CHECKLIST:
		b = block_of(kind, long_items, 4);
		b.title = T("Tell your nurse right away if you have any of these:");
		return b;
	case PE_BLOCK_CALLOUT:
		b = block_of(kind, long_items, 4);
		b.callout = PE_CALLOUT_EMERGENCY;
		b.title = T("Call 911 right away if you have:");
		b.items[3].bullet = false;
		return b;
	case PE_BLOCK_CONTACT:
		b = block_of(kind, NULL, 0);
		b.contact.name = T("Cancer helpline");
		b.contact.phone = keep(strdup("1-800-227-2345"));
		b.contact.hours = T("Any time, day or night");
		b.contact.chat = T("Live chat on the website");
		b.contact.note = T("Calls are free. Help in Spanish and other languages.");
		return b;
	case PE_BLOCK_TIMELINE: {
		static const struct { double at, until; pe_event_kind k; const char *when, *what; } ev[] = {
			{ -48, 48, PE_EVENT_CARE, "2 days before to 2 days after", "Drink 8 cups of fluid a day." },
			{ 0, 3, PE_EVENT_CARE, "During the infusion", "Tell the nurse at once if you feel itchy or dizzy." },
			{ 6, 12, PE_EVENT_EFFECT, "6-12 hours after", "A headache may start." },
			{ 0, 48, PE_EVENT_CARE, "24-48 hours after", "Avoid hard exercise." },
			{ 72, 72, PE_EVENT_EFFECT, "Within 3 days", "Most side effects are gone." },
			{ 504, 504, PE_EVENT_BENEFIT, "Several weeks after", "You may feel the full benefit." },
			{ 0, 336, PE_EVENT_WARNING, "Any time", "Call 911 for chest pain or trouble breathing." },
		};
		b = block_of(kind, NULL, 0);
		b.items = keep(calloc(7, sizeof(pe_item)));
		b.n_items = 7;
		for (size_t i = 0; i < 7; i++) {
			b.items[i].at = ev[i].at;
			b.items[i].until = ev[i].until;
			b.items[i].event = ev[i].k;
			b.items[i].label = T(ev[i].when);
			b.items[i].text = T(ev[i].what);
		}
		return b;
	}
	case PE_BLOCK_SCALE: {
		static const char *const names[] = { "Mild", "Moderate", "Severe" };
		static const char *const what[] = {
			"Itching, a few hives or flushing. Tell your nurse.",
			"Fever, chills, hives all over, or a fast heartbeat. Call the clinic today.",
			"Trouble breathing, swollen lips or throat, or fainting. *Call 911.*",
		};
		b = block_of(kind, what, 3);
		for (int i = 0; i < 3; i++) {
			b.items[i].label = T(names[i]);
			b.items[i].grade = (pe_grade)(PE_GRADE_MILD + i);
		}
		return b;
	}
	case PE_BLOCK_GETHELP: {
		static const char *const titles[] = { "Call [911] now",
		                                      "Call your care team now (day or night)",
		                                      "Tell your care team at your next visit" };
		b = block_of(kind, NULL, 0);
		b.tiers = keep(calloc(3, sizeof(pe_tier)));
		b.n_tiers = 3;
		for (int i = 0; i < 3; i++) {
			pe_tier *t = &b.tiers[i];
			t->level = (pe_tier_level)i;
			t->title = T(titles[i]);
			t->signs = keep(calloc(2, sizeof(pe_item)));
			t->n_signs = 2;
			t->signs[0].text = T(long_items[2] + 4);
			t->signs[1].text = T("Chest pain");
			t->paras = keep(calloc(1, sizeof(pe_item)));
			t->n_paras = 1;
			t->paras[0].text = T("After hours, call [1-800-227-2345].");
		}
		return b;
	}
	}
	return block_of(PE_BLOCK_PARAGRAPH, NULL, 0);
}

static const pe_block_kind all_kinds[] = {
	PE_BLOCK_PARAGRAPH, PE_BLOCK_LIST, PE_BLOCK_STEPS, PE_BLOCK_CALLOUT,
	PE_BLOCK_TIMELINE, PE_BLOCK_SCALE, PE_BLOCK_CONTACT, PE_BLOCK_CHECKLIST,
	PE_BLOCK_GETHELP,
};

static void assert_inside(const pe_page *pg, double x, double y, double w, double h)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT)
			continue;
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (x0 < x - EPS || x1 > x + w + EPS || y0 < y - EPS || y1 > y + h + EPS)
			fail_msg("op %zu (kind %d%s%s) at (%.2f,%.2f)-(%.2f,%.2f) outside "
			         "(%.2f,%.2f)-(%.2f,%.2f)", i, op->kind,
			         op->kind == PE_OP_TEXT ? " " : "",
			         op->kind == PE_OP_TEXT ? op->u.text.utf8 : "",
			         x0, y0, x1, y1, x, y, x + w, y + h);
	}
}

/* Every block kind stays inside its column at several widths and sizes,
 * and measuring (pg NULL) gives the height drawing gives. */
static void blocks_stay_in_column(void **state)
{
	fixture *fx = *state;
	static const double widths[] = { 200, 300, 400, 600 };
	static const double sizes[] = { 12, 14, 18 };
	for (size_t k = 0; k < sizeof all_kinds / sizeof all_kinds[0]; k++) {
		pe_block b = make_block(all_kinds[k]);
		for (size_t wi = 0; wi < 4; wi++)
			for (size_t si = 0; si < 3; si++)
				for (int hc = 0; hc < 2; hc++) {
					pe_style st;
					pe_style_default(&st, sizes[si], hc);
					double x = 36, y = 50, w = widths[wi];
					double h0 = pe_layout_block(fx->layout, NULL, &b, &st, x, y, w);
					pe_page *pg = page(fx);
					double h1 = pe_layout_block(fx->layout, pg, &b, &st, x, y, w);
					if (fabs(h0 - h1) > 1e-9)
						fail_msg("kind %d width %.0f size %.0f: measured %.3f, drew %.3f",
						         all_kinds[k], w, sizes[si], h0, h1);
					assert_true(h1 > sizes[si]);
					assert_true(pg->n_ops > 0);
					assert_inside(pg, x, y, w, h1);
				}
	}
	page_done(fx);
	free_all();
}

/* Item index of a text op from its "iNw" marker word; -1 if none. */
static int item_of(const pe_op *op, int *last)
{
	const char *s = op->u.text.utf8;
	if (strspn(s, "0123456789") == strlen(s))
		return -1;   /* a step number: checked with the markers */
	if (s[0] == 'i' && s[1] >= '0' && s[1] <= '9' && s[2] == 'w')
		*last = s[1] - '0';
	return *last;
}

/* A gethelp block of three tiers with long signs: it may break only
 * between two tiers, every tier's ops on one side of each break, the
 * height the same measured and drawn, everything inside the column, in
 * colour and in high contrast, and the tiers look different without
 * colour (their icons differ: a tier's look is not colour alone). */
static void gethelp_breaks_only_between_tiers(void **state)
{
	fixture *fx = *state;
	pe_tier tiers[3] = { 0 };
	static const char *const titles[] = { "t0w Call [911] now", "t1w Call your care team now",
	                                      "t2w Tell your care team at your next visit" };
	for (int i = 0; i < 3; i++) {
		tiers[i].level = (pe_tier_level)i;
		tiers[i].title = T(titles[i]);
		tiers[i].signs = keep(calloc(4, sizeof(pe_item)));
		tiers[i].n_signs = 4;
		for (int k = 0; k < 4; k++) {
			char buf[256];
			snprintf(buf, sizeof buf, "t%dw %s", i, long_items[k] + 4);
			tiers[i].signs[k].text = T(buf);
			tiers[i].signs[k].bullet = true;
		}
		tiers[i].paras = keep(calloc(1, sizeof(pe_item)));
		tiers[i].n_paras = 1;
		tiers[i].paras[0].text = T("t0w Then call [555-0100].");
		tiers[i].paras[0].text.runs[0].text[1] = (char)('0' + i);
	}
	pe_block b = { .kind = PE_BLOCK_GETHELP, .tiers = tiers, .n_tiers = 3 };
	for (int hc = 0; hc <= 1; hc++)
		for (double w = 240; w <= 640; w += 200) {
			pe_style st;
			pe_style_default(&st, 14, hc);
			double br[16];
			size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, br, 16);
			assert_int_equal(n, 2);
			assert_true(pe_layout_block(fx->layout, NULL, &b, &st, 10, 0, w) > 0);
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 10, 0, w);
			assert_float_equal(h, pe_layout_block(fx->layout, NULL, &b, &st, 10, 0, w), 1e-9);
			int icons = 0;
			for (size_t j = 0; j < pg->n_ops; j++) {
				const pe_op *op = &pg->ops[j];
				double x0, y0, x1, y1;
				pe_op_bounds(op, &x0, &y0, &x1, &y1);
				assert_true(x0 >= 10 - 0.01 && x1 <= 10 + w + 0.01);
				assert_true(y0 >= -0.01 && y1 <= h + 0.01);
				icons += op->kind == PE_OP_PATH;
				if (op->kind != PE_OP_TEXT)
					continue;
				const char *t = op->u.text.utf8;
				if (!(t[0] == 't' && t[1] >= '0' && t[1] <= '2' && t[2] == 'w'))
					continue;
				int tier = t[1] - '0';
				double top = op->y - op->u.text.ascent;
				/* tier i lies between break i-1 and break i */
				if (tier > 0)
					assert_true(top > br[tier - 1]);
				if (tier < 2)
					assert_true(top < br[tier]);
			}
			assert_true(icons >= 3);
		}
	/* one tier, no break at all */
	pe_block one = { .kind = PE_BLOCK_GETHELP, .tiers = tiers, .n_tiers = 1 };
	pe_style st;
	pe_style_default(&st, 14, false);
	double br[4];
	assert_int_equal(pe_layout_block_breaks(fx->layout, &one, &st, 400, br, 4), 0);
	free_all();
}

static void breaks_fall_between_items(void **state)
{
	fixture *fx = *state;
	static const pe_block_kind kinds[] = { PE_BLOCK_LIST, PE_BLOCK_STEPS, PE_BLOCK_CHECKLIST };
	for (size_t k = 0; k < 3; k++)
		for (double w = 200; w <= 600; w += 200) {
			pe_block b = make_block(kinds[k]);
			pe_style st;
			pe_style_default(&st, 14, false);
			double br[16];
			size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, br, 16);
			assert_int_equal(n, b.n_items - 1);
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 0, 0, w);
			for (size_t i = 0; i < n; i++) {
				assert_true(br[i] > 0 && br[i] < h);
				if (i)
					assert_true(br[i] > br[i - 1]);
				/* every op of an item lies on one side of the break */
				int above[8] = { 0 }, below[8] = { 0 };
				int cur = -1;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					if (op->kind != PE_OP_TEXT)
						continue;
					int item = item_of(op, &cur);
					if (item < 0)
						continue;
					double top = op->y - op->u.text.ascent;
					if (top < br[i])
						above[item]++;
					else
						below[item]++;
				}
				for (int it = 0; it < 4; it++)
					assert_false(above[it] && below[it]);
				/* and the markers (circles, boxes) go with their item:
				 * as many non-text ops above as items above */
				int items_above = 0, marks_above = 0;
				for (int it = 0; it < 4; it++)
					items_above += above[it] > 0;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *op = &pg->ops[j];
					if (op->kind == PE_OP_PATH || op->kind == PE_OP_RECT)
						marks_above += op->y < br[i];
				}
				assert_int_equal(marks_above, items_above);
			}
			/* max is respected */
			assert_int_equal(pe_layout_block_breaks(fx->layout, &b, &st, w, br, 1), 1);
		}
	page_done(fx);
	free_all();
}

static void paragraph_breaks_keep_two_lines(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_PARAGRAPH);
	pe_style st;
	pe_style_default(&st, 14, false);
	for (double w = 100; w <= 700; w += 60) {
		pe_text_style t = { PE_FACE_REGULAR, 14, st.leading, st.text, st.link };
		int lines = 0;
		pe_layout_text(fx->layout, NULL, &b.text, &t, 0, 0, w, &lines);
		double br[64];
		size_t n = pe_layout_block_breaks(fx->layout, &b, &st, w, br, 64);
		assert_int_equal(n, lines >= 4 ? (size_t)(lines - 3) : 0);
		double lh = 14 * st.leading;
		for (size_t i = 0; i < n; i++) {
			double k = br[i] / lh;
			assert_true(fabs(k - round(k)) < 1e-9);   /* between lines */
			k = round(k);
			if (!(k >= 2 && k <= lines - 2))
				fail_msg("w %.0f break %zu k %.3f lines %d", w, i, k, lines);
		}
	}
	/* A timeline breaks after its chart and between events, never inside
	 * either: each break is where no op but the connector line (cut with
	 * the page) crosses, and the first comes below every op of the chart
	 * (a long one in large print was cut between the chart's bars and its
	 * axis). */
	{
		pe_block tb = make_block(PE_BLOCK_TIMELINE);
		double w = 468, br[16];
		size_t n = pe_layout_block_breaks(fx->layout, &tb, &st, w, br, 16);
		assert_int_equal(n, tb.n_items);   /* after the chart + between 7 events */
		pe_dlist *dl = pe_dlist_create();
		pe_page *pg = pe_dlist_add_page(dl, 1000, 4000);
		double th = pe_layout_block(fx->layout, pg, &tb, &st, 0, 0, w);
		for (size_t k = 0; k < n; k++) {
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *op = &pg->ops[i];
				if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT)
					continue;
				double x0, t, x1, bt;
				pe_op_bounds(op, &x0, &t, &x1, &bt);
				if (op->kind == PE_OP_PATH && bt - t > th / 2)
					continue;   /* the connector through every event */
				if (op->kind == PE_OP_TEXT)
					t = op->y - op->u.text.ascent;
				if (t < br[k] - 1e-6 && bt > br[k] + 1e-6)
					fail_msg("timeline break %zu at %.2f cuts op %zu kind %d (%.2f-%.2f)", k, br[k], i, (int)op->kind,
					         t, bt);
			}
		}
		pe_dlist_destroy(dl);
	}
	/* the other kinds never break */
	static const pe_block_kind whole[] = { PE_BLOCK_CALLOUT, PE_BLOCK_CONTACT, PE_BLOCK_SCALE };
	for (size_t k = 0; k < 3; k++) {
		pe_block wb = make_block(whole[k]);
		double br[16];
		assert_int_equal(pe_layout_block_breaks(fx->layout, &wb, &st, 300, br, 16), 0);
	}
	free_all();
}


/* ---- pictures ---------------------------------------------------------- */

static bool digits_only(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* Text never overlaps other text (ink box: cap top to descender) and
 * numbered markers on one row keep a marker's width apart; a message names
 * the case. */
static void assert_texts_apart(const pe_page *pg, double size, const char *what)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *a = &pg->ops[i];
		if (a->kind != PE_OP_TEXT)
			continue;
		for (size_t j = i + 1; j < pg->n_ops; j++) {
			const pe_op *c = &pg->ops[j];
			if (c->kind != PE_OP_TEXT)
				continue;
			bool apart = a->x + a->w <= c->x + EPS || c->x + c->w <= a->x + EPS ||
			             a->y + 0.22 * a->u.text.size <= c->y - 0.72 * c->u.text.size + EPS ||
			             c->y + 0.22 * c->u.text.size <= a->y - 0.72 * a->u.text.size + EPS;
			if (!apart)
				fail_msg("%s: \"%s\" overlaps \"%s\"", what, a->u.text.utf8, c->u.text.utf8);
			if (digits_only(a->u.text.utf8) && digits_only(c->u.text.utf8) &&
			    fabs(a->y - c->y) < 1e-6 &&
			    fabs((a->x + a->w / 2) - (c->x + c->w / 2)) < size - EPS)
				fail_msg("%s: markers %s and %s touch", what, a->u.text.utf8, c->u.text.utf8);
		}
	}
}

/* Text never overlaps other text, the events come in their order, and
 * numbered markers never touch. */
static void timeline_events_do_not_overlap(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_TIMELINE);
	static const double widths[] = { 180, 260, 400, 520, 700 };
	static const double sizes[] = { 12, 14, 18, 28 };
	for (size_t wi = 0; wi < 5; wi++)
		for (size_t si = 0; si < 4; si++) {
			pe_style st;
			pe_style_default(&st, sizes[si], false);
			pe_page *pg = page(fx);
			pe_layout_block(fx->layout, pg, &b, &st, 20, 30, widths[wi]);
			char what[64];
			snprintf(what, sizeof what, "w %.0f s %.0f", widths[wi], sizes[si]);
			assert_texts_apart(pg, sizes[si], what);
			/* the "when" labels of the list come down the page in event
			 * order (the strip above writes them smaller) */
			double last = -1;
			for (size_t e = 0; e < b.n_items; e++) {
				const pe_op *op =
					find_bold_prefix_sized(pg, b.items[e].label.runs[0].text, sizes[si]);
				assert_non_null(op);
				assert_true(op->y > last);
				last = op->y;
			}
		}
	page_done(fx);
	free_all();
}

static size_t count_digit_texts(const pe_page *pg)
{
	size_t n = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		n += pg->ops[i].kind == PE_OP_TEXT && digits_only(pg->ops[i].u.text.utf8);
	return n;
}

static size_t count_big_paths(const pe_page *pg, double min_w)
{
	size_t n = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		n += pg->ops[i].kind == PE_OP_PATH && pg->ops[i].w >= min_w;
	return n;
}

/* Wide: an overview strip whose numbers repeat the list's; narrow: no
 * strip, and the infusion (at = 0) gets a larger node than the others. */
static void timeline_overview_and_infusion_node(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_TIMELINE);
	pe_style st;
	pe_style_default(&st, 12, false);
	pe_page *pg = page(fx);
	double wide = pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 600);
	assert_int_equal(count_digit_texts(pg), 2 * b.n_items);
	pg = page(fx);
	double narrow = pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 250);
	assert_int_equal(count_digit_texts(pg), 0);
	assert_true(narrow > 0 && wide > 0);
	size_t with_drip = count_big_paths(pg, 1.5 * 12);
	assert_true(with_drip >= 1);
	/* move every event off 0: the big node goes away */
	for (size_t i = 0; i < b.n_items; i++) {
		b.items[i].at += 1;
		b.items[i].until += 1;
	}
	pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 250);
	assert_int_equal(count_big_paths(pg, 1.5 * 12), 0);
	page_done(fx);
	free_all();
}

/* The strip's axis names its landmarks in the words the style carries
 * (translated by the caller, pe_handout_picture_words): at widths 300-600 and
 * sizes 12-18, in English, Spanish and the ~35 % longer pseudo-locale, in
 * colour and in black on white, every text stays inside the column and
 * apart from every other; where the strip is drawn, "Infusion" is written
 * in bold under the drip's line and at least two more landmarks with it;
 * in English it is always drawn from 28 body sizes wide. */
static void timeline_axis_labels_fit(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_TIMELINE);
	static const char *const langs[] = { "en", "es", "qps" };
	static const double sizes[] = { 12, 14, 18 };
	size_t strips = 0, cases = 0;
	for (size_t li = 0; li < 3; li++) {
		if (!pe_i18n_known(langs[li]))
			continue;
		const char *infusion = pe_i18n_trc(langs[li], NC_("timeline", "Infusion"), "Infusion");
		for (int hc = 0; hc < 2; hc++)
			for (size_t si = 0; si < 3; si++)
				for (double w = 300; w <= 600; w += 25) {
					pe_style st;
					pe_style_default(&st, sizes[si], hc);
					pe_handout_picture_words(&st, langs[li]);
					pe_page *pg = page(fx);
					double h = pe_layout_block(fx->layout, pg, &b, &st, 20, 30, w);
					char what[96];
					snprintf(what, sizeof what, "%s hc %d s %.0f w %.0f", langs[li], hc,
					         sizes[si], w);
					assert_inside(pg, 20, 30, w, h);
					assert_texts_apart(pg, sizes[si], what);
					cases++;
					bool strip = count_digit_texts(pg) == 2 * b.n_items;
					if (!strip) {
						if (!strcmp(langs[li], "en") && w >= 28 * sizes[si])
							fail_msg("%s: no strip", what);
						continue;
					}
					strips++;
					const pe_op *inf = find_exact(pg, infusion);
					if (!inf)
						fail_msg("%s: no \"%s\" label", what, infusion);
					assert_int_equal(inf->u.text.face, PE_FACE_BOLD);
					/* the landmarks share the infusion's baseline */
					size_t on_axis = 0;
					for (size_t i = 0; i < pg->n_ops; i++)
						on_axis += pg->ops[i].kind == PE_OP_TEXT &&
						           fabs(pg->ops[i].y - inf->y) < 1e-6;
					if (on_axis < 3)
						fail_msg("%s: %zu landmarks", what, on_axis);
					/* the strip comes before the list: above its first label */
					const pe_op *first =
						find_bold_prefix_sized(pg, b.items[0].label.runs[0].text, sizes[si]);
					assert_non_null(first);
					assert_true(inf->y < first->y);
					/* in black on white everything is black or white */
					for (size_t i = 0; hc && i < pg->n_ops; i++) {
						const pe_op *op = &pg->ops[i];
						pe_color cs[2] = { PE_NO_COLOR, PE_NO_COLOR };
						if (op->kind == PE_OP_TEXT)
							cs[0] = op->u.text.color;
						else if (op->kind == PE_OP_RECT)
							cs[0] = op->u.rect.fill, cs[1] = op->u.rect.stroke;
						else if (op->kind == PE_OP_PATH)
							cs[0] = op->u.path.fill, cs[1] = op->u.path.stroke;
						for (int k = 0; k < 2; k++)
							if (cs[k].a > 0 &&
							    !(cs[k].r == cs[k].g && cs[k].g == cs[k].b &&
							      (cs[k].r == 0 || cs[k].r == st.page.r)))
								fail_msg("%s: op %zu is coloured", what, i);
					}
				}
	}
	assert_true(cases > 0);
	assert_true(strips > 0);
	page_done(fx);
	free_all();
}

/* The IVIg strip as the audit found it on Letter (body 13, small 9) and
 * in large print (18, 13), in English and Spanish: numbers in the markers
 * were 0.625 body (8.1 and 11.25 pt, under the small size); the bar of
 * "During the infusion and the first 24 hours" had no label; the legend
 * showed a "Benefit" bar that no bar had; "1 semana" and "3 semanas" were
 * a space apart. */
static void timeline_strip_readable(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_TIMELINE);
	b.items[1].until = 24;
	b.items[1].label = T("During the infusion and the first 24 hours");
	static const char *const langs[] = { "en", "es" };
	static const double body[] = { 13, 18 }, small[] = { 9, 13 }, width[] = { 540, 511 };
	for (size_t li = 0; li < 2; li++)
		for (size_t k = 0; k < 2; k++) {
			pe_style st;
			pe_style_default(&st, body[k], false);
			pe_handout_picture_words(&st, langs[li]);
			st.small_size = small[k];
			pe_page *pg = page(fx);
			pe_layout_block(fx->layout, pg, &b, &st, 36, 30, width[k]);
			char what[64];
			snprintf(what, sizeof what, "%s body %.0f", langs[li], body[k]);
			const pe_op *list = find_bold_prefix_sized(pg, b.items[0].label.runs[0].text, body[k]);
			assert_non_null(list);
			const char *inf_word = pe_i18n_trc(langs[li], NC_("timeline", "Infusion"), "Infusion");
			const pe_op *inf = find_exact(pg, inf_word);
			if (!inf)
				fail_msg("%s: no strip", what);
			double xs[16];
			size_t n_marks = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *op = &pg->ops[i];
				if (op->kind != PE_OP_TEXT || op->y >= list->y - body[k])
					continue;
				if (op->u.text.size < small[k] - 1e-9)
					fail_msg("%s: \"%s\" at %.2f pt, under the small size %.0f", what,
					         op->u.text.utf8, op->u.text.size, small[k]);
				if (fabs(op->y - inf->y) < 1e-6 && n_marks < 16)
					xs[n_marks++] = op->x;
			}
			/* the bar of every lasting event is labelled in the strip */
			for (size_t e = 0; e < b.n_items; e++)
				if (b.items[e].until > b.items[e].at &&
				    !find_bold_prefix_sized(pg, b.items[e].label.runs[0].text, small[k]))
					fail_msg("%s: the bar of \"%s\" has no label", what,
					         b.items[e].label.runs[0].text);
			/* landmarks a body size apart */
			for (size_t i = 0; i < n_marks; i++)
				for (size_t j = 0; j < n_marks; j++) {
					const pe_op *a = NULL, *c = NULL;
					for (size_t o = 0; o < pg->n_ops; o++) {
						const pe_op *op = &pg->ops[o];
						if (op->kind == PE_OP_TEXT && fabs(op->y - inf->y) < 1e-6) {
							if (op->x == xs[i])
								a = op;
							if (op->x == xs[j])
								c = op;
						}
					}
					if (a && c && a->x < c->x && c->x - (a->x + a->w) < body[k] - 1e-6)
						fail_msg("%s: landmarks \"%s\" and \"%s\" %.1f pt apart", what,
						         a->u.text.utf8, c->u.text.utf8, c->x - (a->x + a->w));
				}
			/* every colour in the legend is a bar's colour: a swatch
			 * drawn as a bar has a bar of its fill in the strip */
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *sw = &pg->ops[i];
				if (sw->kind != PE_OP_RECT || sw->y <= inf->y || sw->y >= list->y - body[k])
					continue;
				bool bar = false;
				for (size_t j = 0; j < pg->n_ops; j++) {
					const pe_op *o = &pg->ops[j];
					bar |= o->kind == PE_OP_RECT && o->y < inf->y - small[k] &&
					       !memcmp(&o->u.rect.fill, &sw->u.rect.fill, sizeof o->u.rect.fill);
				}
				if (!bar)
					fail_msg("%s: a legend bar of a colour no bar has", what);
			}
		}
	page_done(fx);
	free_all();
}

/* Pictures draw the words the style carries, whatever the UI language:
 * layout never translates (it once kept a language of its own, and a
 * Spanish handout printed from the kiosk left the English screen's
 * timeline in Spanish). The defaults are English; the caller's
 * translations win. */
static void timeline_words_follow_the_language(void **state)
{
	fixture *fx = *state;
	if (!pe_i18n_known("qps"))
		skip();
	pe_block b = make_block(PE_BLOCK_TIMELINE);
	pe_style st;
	pe_style_default(&st, 12, false);
	const char *key = NC_("timeline", "Infusion");
	const char *pseudo = pe_i18n_trc("qps", key, "Infusion");
	assert_string_not_equal(pseudo, "Infusion");
	/* the UI in the pseudo-locale, the style in English: English */
	assert_true(pe_i18n_set_language("qps", NULL));
	pe_page *pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 600);
	assert_non_null(find_exact(pg, "Infusion"));
	assert_null(find_exact(pg, pseudo));
	/* the caller's words for the UI language (NULL): the kiosk */
	pe_style ui = st;
	pe_handout_picture_words(&ui, NULL);
	pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &ui, 0, 0, 600);
	assert_non_null(find_exact(pg, pseudo));
	/* a handout's words in another language, then the screen again: the
	 * screen's words are the screen's (nothing stayed behind) */
	assert_true(pe_i18n_set_language("en", NULL));
	pe_style es = st;
	pe_handout_picture_words(&es, "qps");
	pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &es, 0, 0, 600);
	assert_non_null(find_exact(pg, pseudo));
	pe_style en = st;
	pe_handout_picture_words(&en, NULL);
	pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &en, 0, 0, 600);
	assert_non_null(find_exact(pg, "Infusion"));
	assert_null(find_exact(pg, pseudo));
	page_done(fx);
	free_all();
}

static void scale_row_or_stack(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_SCALE);
	pe_style st;
	pe_style_default(&st, 12, false);
	static const char *const names[] = { "Mild", "Moderate", "Severe" };
	/* wide: side by side, one baseline */
	pe_page *pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 600);
	const pe_op *n0 = find_text(pg, names[0]);
	for (int i = 1; i < 3; i++) {
		const pe_op *ni = find_text(pg, names[i]);
		assert_non_null(ni);
		assert_true(fabs(ni->y - n0->y) < 1e-9);
		assert_true(ni->x > find_text(pg, names[i - 1])->x + 100);
	}
	/* the boxes' tints differ by grade */
	const pe_color *fills[3];
	int n_fill = 0;
	for (size_t i = 0; i < pg->n_ops && n_fill < 3; i++)
		if (pg->ops[i].kind == PE_OP_RECT && pg->ops[i].w > 150)
			fills[n_fill++] = &pg->ops[i].u.rect.fill;
	assert_int_equal(n_fill, 3);
	assert_true(fills[0]->g > fills[0]->r && fills[2]->r > fills[2]->g);
	/* narrow: stacked, one left edge */
	pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 200);
	n0 = find_text(pg, names[0]);
	for (int i = 1; i < 3; i++) {
		const pe_op *ni = find_text(pg, names[i]);
		assert_true(fabs(ni->x - n0->x) < 1e-9);
		assert_true(ni->y > find_text(pg, names[i - 1])->y + 24);
	}
	page_done(fx);
	free_all();
}

/* A level name that cannot wrap (one long word, as in the pseudo-locale)
 * and does not fit a card of the row must not overflow it: the scale
 * stacks instead. Found by the handout check in large print. */
static void scale_stacks_when_a_name_cannot_fit(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_SCALE);
	b.items[1].label = T("[M\xc5\x91\xc5\x91\xc4\x8f\xc3\xa9\xc5\x99\xc3\xa1\xc3\xa1\xc5\xa3\xc3\xa9\xc5\x91\xc5\x91\xc5\x91]");
	pe_style st;
	pe_style_default(&st, 18, false);
	pe_page *pg = page(fx);
	pe_layout_block(fx->layout, pg, &b, &st, 0, 0, 500);
	const pe_op *n0 = find_text(pg, "Mild");
	const pe_op *n2 = find_text(pg, "Severe");
	assert_non_null(n0);
	assert_non_null(n2);
	assert_true(fabs(n0->x - n2->x) < 1e-9);   /* one left edge: stacked */
	assert_inside(pg, 0, 0, 500, 1e6);
	page_done(fx);
	free_all();
}

static void icons_stay_in_their_square(void **state)
{
	fixture *fx = *state;
	static const double sizes[] = { 10, 24, 100 };
	for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++)
		for (int si = 0; si < 3; si++) {
			pe_page *pg = page(fx);
			double x = 7, y = 11, sz = sizes[si];
			pe_layout_icon(pg, (pe_icon)icon, x, y, sz, pe_hex(0x127580));
			assert_true(pg->n_ops > 0);
			double area = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				double x0, y0, x1, y1;
				pe_op_bounds(&pg->ops[i], &x0, &y0, &x1, &y1);
				assert_true(x0 >= x - EPS && y0 >= y - EPS);
				assert_true(x1 <= x + sz + EPS && y1 <= y + sz + EPS);
				area += (x1 - x0) * (y1 - y0);
			}
			/* something you can see: the shapes span a good part of it */
			assert_true(area >= 0.3 * sz * sz);
		}
	pe_page *pg = page(fx);
	pe_layout_icon(pg, PE_ICON_NONE, 0, 0, 24, pe_hex(0));
	assert_int_equal(pg->n_ops, 0);
	pe_layout_icon(NULL, PE_ICON_HEART, 0, 0, 24, pe_hex(0));
	page_done(fx);
}


static bool same_color(pe_color a, pe_color b)
{
	return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 && fabs(a.b - b.b) < 1e-9 &&
	       fabs(a.a - b.a) < 1e-9;
}

/* The colours an icon op paints with (fill, stroke; a == 0 is none). */
static void op_colors(const pe_op *op, pe_color *fill, pe_color *stroke)
{
	*fill = *stroke = PE_NO_COLOR;
	if (op->kind == PE_OP_PATH) {
		*fill = op->u.path.fill;
		*stroke = op->u.path.stroke;
	} else if (op->kind == PE_OP_RECT) {
		*fill = op->u.rect.fill;
		*stroke = op->u.rect.stroke;
	}
}

/* pe_layout_icon_on cuts the "!", the "i", the tick and the drip's marks
 * in the colour the icon sits on: a white alert sign on a red button keeps
 * a red "!" inside the triangle (pe_layout_icon cuts in white, and a white
 * cut-out in a white sign is no sign at all). No icon paints a colour it
 * was not given. */
static void icon_cut_outs_take_the_background(void **state)
{
	fixture *fx = *state;
	const pe_color white = pe_hex(0xffffff), red = pe_hex(0x9b1c1c);
	const pe_color teal = pe_hex(0x127580), amber = pe_hex(0xf0c040);
	struct {
		pe_color color, background;
	} cases[] = { { white, red }, { teal, amber } };
	for (size_t k = 0; k < 2; k++) {
		for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++) {
			pe_page *pg = page(fx);
			pe_layout_icon_on(pg, (pe_icon)icon, 10, 20, 96, cases[k].color,
			                  cases[k].background);
			assert_true(pg->n_ops > 0);
			size_t on_bg = 0, on_color = 0;
			for (size_t i = 0; i < pg->n_ops; i++) {
				pe_color c[2];
				op_colors(&pg->ops[i], &c[0], &c[1]);
				for (int j = 0; j < 2; j++) {
					if (c[j].a == 0)
						continue;
					bool is_bg = same_color(c[j], cases[k].background);
					bool is_fg = same_color(c[j], cases[k].color);
					if (!is_bg && !is_fg)
						fail_msg("icon %d paints (%.3f %.3f %.3f), neither its colour "
						         "nor its background", icon, c[j].r, c[j].g, c[j].b);
					on_bg += is_bg;
					on_color += is_fg;
				}
			}
			assert_true(on_color > 0);
			bool has_cut = icon == PE_ICON_ALERT || icon == PE_ICON_INFO ||
			               icon == PE_ICON_SHIELD || icon == PE_ICON_DRIP ||
			               icon == PE_ICON_CALENDAR;
			if (has_cut && on_bg == 0)
				fail_msg("icon %d lost its cut-out on a background of its own", icon);
		}
	}

	/* The alert sign, white on red: the red "!" lies inside the white
	 * triangle, painted after it. */
	pe_page *pg = page(fx);
	pe_layout_icon_on(pg, PE_ICON_ALERT, 10, 20, 96, white, red);
	const pe_op *tri = NULL, *bang = NULL;
	for (size_t i = 0; i < pg->n_ops; i++) {
		pe_color f, s;
		op_colors(&pg->ops[i], &f, &s);
		if (!tri && same_color(f, white))
			tri = &pg->ops[i];
		else if (tri && same_color(f, red))
			bang = &pg->ops[i];
	}
	assert_non_null(tri);
	assert_non_null(bang);
	double tx0, ty0, tx1, ty1, bx0, by0, bx1, by1;
	pe_op_bounds(tri, &tx0, &ty0, &tx1, &ty1);
	pe_op_bounds(bang, &bx0, &by0, &bx1, &by1);
	assert_true(bx0 > tx0 && by0 > ty0 && bx1 < tx1 && by1 < ty1);

	/* pe_layout_icon is pe_layout_icon_on over white paper, op for op. */
	for (int icon = PE_ICON_PHONE; icon <= PE_ICON_HEART; icon++) {
		pe_dlist *a = pe_dlist_create(), *b = pe_dlist_create();
		pe_page *pa = pe_dlist_add_page(a, 200, 200), *pb = pe_dlist_add_page(b, 200, 200);
		pe_layout_icon(pa, (pe_icon)icon, 3, 4, 50, teal);
		pe_layout_icon_on(pb, (pe_icon)icon, 3, 4, 50, teal, white);
		assert_int_equal(pa->n_ops, pb->n_ops);
		for (size_t i = 0; i < pa->n_ops; i++) {
			pe_color fa, sa, fb, sb;
			op_colors(&pa->ops[i], &fa, &sa);
			op_colors(&pb->ops[i], &fb, &sb);
			assert_true(same_color(fa, fb) && same_color(sa, sb));
			assert_true(fabs(pa->ops[i].x - pb->ops[i].x) < EPS &&
			            fabs(pa->ops[i].y - pb->ops[i].y) < EPS);
		}
		pe_dlist_destroy(a);
		pe_dlist_destroy(b);
	}
	pe_layout_icon_on(NULL, PE_ICON_ALERT, 0, 0, 24, white, red);
	page_done(fx);
}


/* The card's number is one unbroken tel: link that fits the column: it
 * shrinks (and gives up the icon) in narrow columns, never below body
 * size, and is big where there is room. */
static void contact_number_fits_and_links(void **state)
{
	fixture *fx = *state;
	pe_block b = make_block(PE_BLOCK_CONTACT);
	static const double sizes[] = { 12, 14, 18 };
	for (size_t si = 0; si < 3; si++)
		for (double w = 150; w <= 650; w += 50) {
			pe_style st;
			pe_style_default(&st, sizes[si], false);
			pe_page *pg = page(fx);
			double h = pe_layout_block(fx->layout, pg, &b, &st, 10, 10, w);
			const pe_op *num = find_exact(pg, "1-800-227-2345");
			assert_non_null(num);
			assert_non_null(num->u.text.link);
			assert_string_equal(num->u.text.link, "tel:18002272345");
			assert_int_equal(num->u.text.face, PE_FACE_BOLD);
			assert_true(num->u.text.size >= sizes[si] - 1e-9);
			if (w >= 400)
				assert_true(num->u.text.size >= st.title_size - 1e-9);
			assert_inside(pg, 10, 10, w, h);
		}
	page_done(fx);
	free_all();
}


/* Unusual but valid content: many events, more levels than three, a
 * level with no grade, an empty callout, an event far in the future. */
static void odd_blocks_stay_in_column(void **state)
{
	fixture *fx = *state;
	pe_block many = { .kind = PE_BLOCK_TIMELINE };
	many.n_items = 100;
	many.items = keep(calloc(100, sizeof(pe_item)));
	for (int i = 0; i < 100; i++) {
		many.items[i].at = i * 7 - 50;
		many.items[i].until = i % 3 ? i * 7 - 50 : i * 9;
		many.items[i].event = (pe_event_kind)(i % 4);
		many.items[i].label = T("Day");
		many.items[i].text = T("Something to do.");
	}
	pe_block far = make_block(PE_BLOCK_TIMELINE);
	far.items[5].at = far.items[5].until = 100000;
	far.items[0].at = -100000;
	pe_block scale5 = make_block(PE_BLOCK_SCALE);
	pe_item five[5];
	for (int i = 0; i < 5; i++) {
		five[i] = scale5.items[i % 3];
		five[i].grade = (pe_grade)(i % 4);
	}
	scale5.items = five;
	scale5.n_items = 5;
	pe_block empty = { .kind = PE_BLOCK_CALLOUT };
	pe_block one_step = make_block(PE_BLOCK_STEPS);
	one_step.n_items = 1;
	pe_block *blocks[] = { &many, &far, &scale5, &empty, &one_step };
	for (size_t k = 0; k < 5; k++)
		for (double w = 150; w <= 900; w += 250) {
			pe_style st;
			pe_style_default(&st, 14, false);
			double h0 = pe_layout_block(fx->layout, NULL, blocks[k], &st, 5, 5, w);
			pe_page *pg = page(fx);
			double h1 = pe_layout_block(fx->layout, pg, blocks[k], &st, 5, 5, w);
			assert_true(fabs(h0 - h1) < 1e-9);
			assert_true(h1 >= 0);
			assert_inside(pg, 5, 5, w, h1);
		}
	page_done(fx);
	free_all();
}

/* ---- headings and whole topics ---------------------------------------- */

static void heading_with_and_without_icon(void **state)
{
	fixture *fx = *state;
	pe_section sec = { .heading = T("When to call your care team"), .icon = PE_ICON_PHONE };
	pe_style st;
	pe_style_default(&st, 14, false);
	pe_page *pg = page(fx);
	double h = pe_layout_heading(fx->layout, pg, &sec, &st, 40, 100, 300);
	assert_true(h >= st.heading_size);
	const pe_op *t = find_text(pg, "When");
	assert_non_null(t);
	assert_int_equal(t->u.text.face, PE_FACE_BOLD);
	assert_true(fabs(t->u.text.size - st.heading_size) < 1e-9);
	assert_true(t->x > 40 + st.heading_size);   /* after the icon */
	size_t paths = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_PATH) {
			paths++;
			assert_true(pg->ops[i].x + pg->ops[i].w <= t->x);
		}
	assert_true(paths > 0);
	assert_inside(pg, 40, 100, 300, h);
	st.draw_icons = false;
	pg = page(fx);
	pe_layout_heading(fx->layout, pg, &sec, &st, 40, 100, 300);
	assert_true(fabs(find_text(pg, "When")->x - 40) < 1e-9);
	for (size_t i = 0; i < pg->n_ops; i++)
		assert_int_equal(pg->ops[i].kind, PE_OP_TEXT);
	page_done(fx);
	free_all();
}

static void flow_topic_marks_each_section(void **state)
{
	fixture *fx = *state;
	pe_topic topic = { 0 };
	topic.title = "After your infusion";
	topic.summary = "What to expect at home";
	pe_section secs[3] = {
		{ .heading = T("What to expect"), .icon = PE_ICON_DRIP },
		{ .heading = T("Caring for *yourself*"), .icon = PE_ICON_NONE },
		{ .heading = T("Getting help"), .icon = PE_ICON_PHONE },
	};
	pe_block b0[2] = { make_block(PE_BLOCK_PARAGRAPH), make_block(PE_BLOCK_LIST) };
	pe_block b1[2] = { make_block(PE_BLOCK_STEPS), make_block(PE_BLOCK_SCALE) };
	pe_block b2[2] = { make_block(PE_BLOCK_CALLOUT), make_block(PE_BLOCK_CONTACT) };
	secs[0].blocks = b0;
	secs[1].blocks = b1;
	secs[2].blocks = b2;
	secs[0].n_blocks = secs[1].n_blocks = secs[2].n_blocks = 2;
	topic.sections = secs;
	topic.n_sections = 3;
	pe_style st;
	pe_style_default(&st, 24, false);   /* kiosk-like: pixels */
	double h0 = pe_layout_flow_topic(fx->layout, NULL, &topic, &st, 60, 80, 900);
	pe_page *pg = page(fx);
	double h1 = pe_layout_flow_topic(fx->layout, pg, &topic, &st, 60, 80, 900);
	assert_true(fabs(h0 - h1) < 1e-9);
	assert_inside(pg, 60, 80, 900, h1);
	static const char *const titles[] = { "After your infusion", "What to expect",
	                                      "Caring for yourself", "Getting help" };
	size_t n_marks = 0;
	double last = -1;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_MARK)
			continue;
		assert_true(n_marks < 4);
		assert_string_equal(op->u.mark.title, titles[n_marks]);
		assert_int_equal(op->u.mark.level, n_marks ? 1 : 0);
		assert_true(op->y > last);
		last = op->y;
		/* the heading's text starts at or below its mark */
		const pe_op *t = find_exact(pg, n_marks ? secs[n_marks - 1].heading.runs[0].text
		                                        : topic.title);
		assert_non_null(t);
		assert_true(t->y - t->u.text.ascent >= op->y - 1e-9);
		assert_true(t->y - t->u.text.ascent < op->y + st.heading_size);
		n_marks++;
	}
	assert_int_equal(n_marks, 4);
	page_done(fx);
	free_all();
}

/* ---- style ------------------------------------------------------------ */

static double lum1(double c)
{
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double contrast(pe_color a, pe_color b)
{
	double la = 0.2126 * lum1(a.r) + 0.7152 * lum1(a.g) + 0.0722 * lum1(a.b);
	double lb = 0.2126 * lum1(b.r) + 0.7152 * lum1(b.g) + 0.0722 * lum1(b.b);
	if (la < lb) {
		double t = la;
		la = lb;
		lb = t;
	}
	return (la + 0.05) / (lb + 0.05);
}

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
		cmocka_unit_test(blocks_stay_in_column),
		cmocka_unit_test(breaks_fall_between_items),
		cmocka_unit_test(gethelp_breaks_only_between_tiers),
		cmocka_unit_test(paragraph_breaks_keep_two_lines),
		cmocka_unit_test(timeline_events_do_not_overlap),
		cmocka_unit_test(timeline_overview_and_infusion_node),
		cmocka_unit_test(timeline_axis_labels_fit),
		cmocka_unit_test(timeline_words_follow_the_language),
		cmocka_unit_test(timeline_strip_readable),
		cmocka_unit_test(scale_row_or_stack),
		cmocka_unit_test(scale_stacks_when_a_name_cannot_fit),
		cmocka_unit_test(icons_stay_in_their_square),
		cmocka_unit_test(icon_cut_outs_take_the_background),
		cmocka_unit_test(contact_number_fits_and_links),
		cmocka_unit_test(odd_blocks_stay_in_column),
		cmocka_unit_test(heading_with_and_without_icon),
		cmocka_unit_test(flow_topic_marks_each_section),
	};
	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
