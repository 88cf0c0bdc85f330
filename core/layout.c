/* SPDX-License-Identifier: MIT */
/*
 * layout.c - Pango line breaking and block layout into display lists.
 *
 * Every position on a handout page or a kiosk screen is decided here, once.
 * The Pango context is set up exactly as doc/measurements.md says (72
 * dpi, hint metrics off, no hinting, unrounded glyph positions, kerning and
 * ligatures off, no inserted hyphens, bundled fonts only), so the advance
 * widths Pango measures are the font's own advance widths, which is what
 * libharu draws with. This file must never paint, never open files other
 * than through fonts.c, and never know about PDF or SDL.
 *
 * This file is the text engine and the default style; blocks, headings
 * and whole topics are in blocks.c, pictures (timeline, severity scale)
 * in pictures.c and icons in icons.c, all built on the public functions
 * here.
 */
#include "layout.h"
#include "alloc.h"
#include "validate.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>
#include <hb.h>


/* One run of text on one line, as found by Pango: bytes [a, b) of the
 * text, from source run r, at dx from the left edge, w wide. */
typedef struct piece {
	uint32_t a, b, r;
	int line;
	double dx, w;
	bool rtl;    /* in a right-to-left Pango item */
} piece;

/* A laid-out text remembered with everything that decided its breaks.
 * Measuring and then drawing the same text (every paginated block, and
 * boxes that are measured before their background is drawn) then costs
 * one Pango layout instead of two or three. The table is direct-mapped
 * and bounded, so a kiosk running for weeks does not grow. */
#define CACHE_SLOTS 512

typedef struct cache_entry {
	uint64_t hash;
	bool used;
	bool rtl;
	pe_face face;
	double size, width;
	char *text;                 /* owned copy of the text */
	size_t len, n_runs;
	size_t *starts;             /* owned, n_runs + 1 */
	unsigned *styles;           /* owned, n_runs */
	int n_lines;
	double natural;             /* logical width of the whole text, unbroken */
	piece *pieces;              /* owned */
	size_t n_pieces;
} cache_entry;

static void entry_clear(cache_entry *e)
{
	free(e->text);
	free(e->starts);
	free(e->styles);
	free(e->pieces);
	memset(e, 0, sizeof *e);
}

struct pe_layout {
	const pe_fonts *fonts;
	PangoFontMap *fontmap;
	PangoContext *ctx;
	PangoLayout *lay;
	PangoFontDescription *desc[PE_FACE_COUNT];
	PangoAttrList *plain_attrs;     /* features + no hyphens, shared */
	double ascent[PE_FACE_COUNT];   /* per unit of font size */
	double descent[PE_FACE_COUNT];
	/* Text of the current call: runs concatenated, and where each starts. */
	char *buf;
	size_t len, cap;
	size_t *run_start;              /* n_runs + 1 entries */
	unsigned *run_style;
	size_t n_runs, cap_runs;
	char *tmp;                      /* one op's text */
	size_t cap_tmp;
	struct piece *pieces;           /* pieces of the current text */
	size_t n_pieces, cap_pieces;
	struct cache_entry *cache;      /* CACHE_SLOTS entries */
	char error[160];                /* sticky, see layout.h; "" = none */
	bool rtl;                       /* pe_layout_set_rtl */
};

static const char features[] = "kern 0, liga 0, clig 0";

/* Every text is shaped at one size, REF_PX pixels (points: the context
 * is at 72 dpi), and every length is scaled to the text's own size;
 * nothing is hinted, so widths scale exactly.
 * - At 250 px a glyph advance of a 1000-units-per-em font is advance x
 *   256 Pango units, an integer: Pango rounds nothing, so its widths are
 *   the font's advance widths, which is what libharu draws with. (Shaping
 *   at each text's own size rounded every advance to 1/1024 px.)
 * - One size means one PangoFont per face. Pango computes a font's
 *   metrics (by laying out a sample sentence) and fontconfig sorts the
 *   fonts for each new PangoFont; with one font per face and text size
 *   that was a tenth of the cost of a one-page handout.
 * - Pango's widths are ints: 2^31 units are 8,388 em at this size, about
 *   8,000 characters on one line at the widest glyphs. Texts with a word
 *   (a run without spaces) longer than PE_LAYOUT_MAX_WORD bytes are
 *   refused before Pango sees them (a 13,500-character word overflowed,
 *   and the text was drawn off the page with nothing noticing). */
#define REF_PX 250.0
#define REF_SIZE ((double)PANGO_SCALE * REF_PX)

/* Pango units per point for text of this size (a size of 0 or less lays
 * out as a tiny one, as Pango would, without dividing by zero). */
static double unit_of(double size)
{
	return REF_SIZE / (size > 1e-3 ? size : 1e-3);
}

/* Ascent and descent per unit of size, from the font itself (they scale
 * linearly because nothing is hinted). */
static bool load_metrics(pe_layout *L, pe_face face, pe_error *err)
{
	/* At the one size all text is shaped at, so this is the font layout
	 * then uses. */
	pango_font_description_set_absolute_size(L->desc[face], REF_SIZE);
	PangoFont *font = pango_font_map_load_font(L->fontmap, L->ctx, L->desc[face]);
	if (!font) {
		pe_error_set(err, pe_fonts_path(L->fonts, face), 0, "Pango cannot load this font");
		return false;
	}
	/* HarfBuzz's extents are the very numbers Pango's font metrics take
	 * their ascent and descent from; pango_font_get_metrics() would also
	 * lay out a sample sentence per face to find an average character
	 * width we never use (a quarter of all layout set-up). */
	hb_font_extents_t ext;
	hb_font_get_h_extents(pango_font_get_hb_font(font), &ext);
	L->ascent[face] = (double)ext.ascender / REF_SIZE;
	L->descent[face] = -(double)ext.descender / REF_SIZE;
	g_object_unref(font);
	return L->ascent[face] > 0;
}

/* No hinting and no hinted metrics (doc/measurements.md): advances stay the font's
 * own, which is what libharu draws with. */
static void no_hinting(FcPattern *pattern, gpointer data)
{
	(void)data;
	FcPatternDel(pattern, FC_HINTING);
	FcPatternAddBool(pattern, FC_HINTING, FcFalse);
	FcPatternDel(pattern, FC_HINT_STYLE);
	FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE);
}

/* Remember the first thing that went wrong (see layout.h). */
void pe_layout_set_error(pe_layout *L, const char *why)
{
	if (!L->error[0])
		snprintf(L->error, sizeof L->error, "%s", why);
}

static void layout_oom(pe_layout *L)
{
	pe_layout_set_error(L, "out of memory laying out text");
}

void pe_layout_reset_error(pe_layout *L)
{
	L->error[0] = '\0';
}

const char *pe_layout_error(const pe_layout *L)
{
	return L->error[0] ? L->error : NULL;
}

pe_layout *pe_layout_create(const pe_fonts *fonts, pe_error *err)
{
	pe_layout *L = pe_calloc(1, sizeof *L);
	if (!L) {
		pe_error_set(err, NULL, 0, "out of memory creating the layout");
		return NULL;
	}
	L->fonts = fonts;
	L->cache = pe_calloc(CACHE_SLOTS, sizeof *L->cache);
	if (!L->cache) {
		pe_error_set(err, NULL, 0, "out of memory creating the layout");
		free(L);
		return NULL;
	}
	/* The FreeType font map, not the Cairo one: layout only measures, and
	 * without Cairo the handout command does not load libcairo and the
	 * X11/xcb/pixman/png libraries it pulls in (a quarter of the dynamic
	 * loader's work at start-up). Glyph positions come from HarfBuzz in
	 * both, unhinted as set below, so widths are the same. */
	L->fontmap = pango_ft2_font_map_new();
	if (!L->fontmap || !PANGO_IS_FC_FONT_MAP(L->fontmap)) {
		pe_error_set(err, NULL, 0, "Pango has no FreeType/fontconfig font map");
		goto fail;
	}
	pango_ft2_font_map_set_resolution(PANGO_FT2_FONT_MAP(L->fontmap), 72.0, 72.0);
	pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(L->fontmap), no_hinting, NULL, NULL);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(L->fontmap), pe_fonts_config(fonts));
	L->ctx = pango_font_map_create_context(L->fontmap);
	pango_context_set_round_glyph_positions(L->ctx, FALSE);
	pango_context_set_base_dir(L->ctx, PANGO_DIRECTION_LTR);

	L->lay = pango_layout_new(L->ctx);
	pango_layout_set_wrap(L->lay, PANGO_WRAP_WORD);
	pango_layout_set_alignment(L->lay, PANGO_ALIGN_LEFT);
	/* Each paragraph runs in the direction of its first strong letter: an
	 * English string left untranslated in an Arabic handout stays left to
	 * right, its full stop at its end. The context's base direction (the
	 * language's, pe_layout_set_rtl) serves paragraphs with no letters. */
	pango_layout_set_auto_dir(L->lay, TRUE);

	L->plain_attrs = pango_attr_list_new();
	pango_attr_list_insert(L->plain_attrs, pango_attr_font_features_new(features));
	pango_attr_list_insert(L->plain_attrs, pango_attr_insert_hyphens_new(FALSE));

	for (int f = 0; f < PE_FACE_COUNT; f++) {
		if (!(L->desc[f] = pe_fonts_face_desc(pe_fonts_family(fonts), (pe_face)f))) {
			pe_error_set(err, NULL, 0, "out of memory creating font descriptions");
			goto fail;
		}
		if (!load_metrics(L, (pe_face)f, err))
			goto fail;
	}
	return L;
fail:
	pe_layout_destroy(L);
	return NULL;
}

void pe_layout_destroy(pe_layout *L)
{
	if (!L)
		return;
	for (int f = 0; f < PE_FACE_COUNT; f++)
		if (L->desc[f])
			pango_font_description_free(L->desc[f]);
	if (L->plain_attrs)
		pango_attr_list_unref(L->plain_attrs);
	if (L->lay)
		g_object_unref(L->lay);
	if (L->ctx)
		g_object_unref(L->ctx);
	pe_fonts_fontmap_unref(L->fontmap);
	free(L->buf);
	free(L->run_start);
	free(L->run_style);
	free(L->tmp);
	free(L->pieces);
	if (L->cache)
		for (int i = 0; i < CACHE_SLOTS; i++)
			entry_clear(&L->cache[i]);
	free(L->cache);
	free(L);
}

void pe_layout_set_rtl(pe_layout *L, bool rtl)
{
	if (!L || L->rtl == rtl)
		return;
	L->rtl = rtl;
	pango_context_set_base_dir(L->ctx, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
	pango_layout_context_changed(L->lay);
}

bool pe_layout_rtl(const pe_layout *L)
{
	return L && L->rtl;
}

const pe_fonts *pe_layout_fonts(const pe_layout *L)
{
	return L->fonts;
}

/* ---- text ------------------------------------------------------------ */

static void text_reset(pe_layout *L)
{
	L->len = 0;
	L->n_runs = 0;
}

#define LRI "\u2066"
#define PDI "\u2069"

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Right to left, a number stays left to right: "1-800-227-2345" would
 * come out "2345-227-800-1" and "24–48" as "48–24" (an en dash
 * is neutral). Each run of digits with the separators between them ("-",
 * en dash, ".", ":", ",", "/", a space inside "1 000"), a leading "+" or
 * "(" and a unit after it ("%", "°F", "°C") is wrapped in
 * LRI ... PDI; a phone run as a whole. The marks are gap characters:
 * never in an op. Returns a malloc'd copy, or NULL (out of memory). */
static char *isolate_numbers(const char *s, unsigned style)
{
	size_t n = strlen(s);
	char *out = pe_malloc(n * 7 + 7);
	if (!out)
		return NULL;
	size_t o = 0;
	if (style & PE_RUN_PHONE) {
		snprintf(out, n * 7 + 7, LRI "%s" PDI, s);
		return out;
	}
	for (size_t i = 0; i < n;) {
		bool lead = (s[i] == '+' || s[i] == '(') && is_ascii_digit(s[i + 1]);
		if (!is_ascii_digit(s[i]) && !lead) {
			out[o++] = s[i++];
			continue;
		}
		size_t j = i + (lead ? 1 : 0);
		for (;;) {
			while (is_ascii_digit(s[j]))
				j++;
			size_t sep = 0;
			if (strchr("-.:,/ )", s[j]) && s[j])
				sep = 1;
			else if (strncmp(s + j, "\u2013", 3) == 0)
				sep = 3;
			if (sep && is_ascii_digit(s[j + sep]))
				j += sep;
			else
				break;
		}
		if (s[j] == ')' && lead && s[i] == '(')
			j++;
		if (s[j] == '%')
			j++;
		else if (strncmp(s + j, "\u00b0", 2) == 0 && (s[j + 2] == 'F' || s[j + 2] == 'C'))
			j += 3;
		memcpy(out + o, LRI, 3);
		memcpy(out + o + 3, s + i, j - i);
		memcpy(out + o + 3 + (j - i), PDI, 3);
		o += j - i + 6;
		i = j;
	}
	out[o] = '\0';
	return out;
}

static bool text_append_raw(pe_layout *L, const char *s, unsigned style);

static bool text_append(pe_layout *L, const char *s, unsigned style)
{
	/* A phone number is isolated in any direction: in a left-to-right
	 * paragraph, Arabic words before it made its digits Arabic numbers
	 * and the number read backwards. */
	if (!*s || (!L->rtl && !(style & PE_RUN_PHONE)))
		return text_append_raw(L, s, style);
	char *iso = isolate_numbers(s, style);
	if (!iso)
		return false;
	bool ok = text_append_raw(L, iso, style);
	free(iso);
	return ok;
}

static bool text_append_raw(pe_layout *L, const char *s, unsigned style)
{
	size_t n = strlen(s);
	if (n == 0)
		return true;
	if (!pe_grow((void **)&L->buf, &L->cap, L->len + n + 1, 1))
		return false;
	if (L->n_runs + 2 > L->cap_runs) {
		size_t cap = L->cap_runs ? L->cap_runs * 2 : 16;
		size_t *starts = pe_realloc(L->run_start, cap * sizeof *starts);
		if (!starts)
			return false;
		L->run_start = starts;
		unsigned *styles = pe_realloc(L->run_style, cap * sizeof *styles);
		if (!styles)
			return false;
		L->run_style = styles;
		L->cap_runs = cap;
	}
	memcpy(L->buf + L->len, s, n);
	L->run_start[L->n_runs] = L->len;
	L->run_style[L->n_runs] = style;
	L->n_runs++;
	L->len += n;
	L->buf[L->len] = '\0';
	L->run_start[L->n_runs] = L->len;
	return true;
}

static pe_face valid_face(pe_face face)
{
	return (unsigned)face < PE_FACE_COUNT ? face : PE_FACE_REGULAR;
}

static pe_face face_with(pe_face base, unsigned style)
{
	bool bold = base == PE_FACE_BOLD || base == PE_FACE_BOLD_ITALIC ||
	            (style & (PE_RUN_STRONG | PE_RUN_PHONE));
	bool italic = base == PE_FACE_ITALIC || base == PE_FACE_BOLD_ITALIC ||
	              (style & PE_RUN_EM);
	if (bold && italic)
		return PE_FACE_BOLD_ITALIC;
	return bold ? PE_FACE_BOLD : italic ? PE_FACE_ITALIC : PE_FACE_REGULAR;
}

static size_t run_of(const pe_layout *L, size_t byte)
{
	size_t lo = 0, hi = L->n_runs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (L->run_start[mid] <= byte)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Baseline offset of a line from its top: the glyph box (ascent+descent)
 * centred in the line like CSS half-leading, but never above the line's
 * top, so every op of a line lies at or below it (pagination copies ops by
 * their top edge). */
static double baseline_offset(const pe_layout *L, const pe_text_style *st)
{
	double a = L->ascent[PE_FACE_REGULAR] * st->size;
	double d = L->descent[PE_FACE_REGULAR] * st->size;
	double half = (st->size * st->leading - a - d) / 2;
	return a + (half > 0 ? half : 0);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Line breaks depend on the text, its run styles, the base face, the
 * size and the width; never on colour, leading or position. */
static uint64_t text_hash(const pe_layout *L, pe_face face, double size, double width)
{
	uint64_t h = 1469598103934665603ULL;
	h = fnv(h, L->buf, L->len);
	h = fnv(h, L->run_start, (L->n_runs + 1) * sizeof *L->run_start);
	h = fnv(h, L->run_style, L->n_runs * sizeof *L->run_style);
	h = fnv(h, &face, sizeof face);
	h = fnv(h, &size, sizeof size);
	h = fnv(h, &width, sizeof width);
	h = fnv(h, &L->rtl, sizeof L->rtl);
	return h;
}

static cache_entry *cache_find(pe_layout *L, uint64_t hash, pe_face face, double size,
                               double width)
{
	cache_entry *e = &L->cache[hash % CACHE_SLOTS];
	if (!e->used || e->hash != hash || e->rtl != L->rtl || e->face != face || e->size != size ||
	    e->width != width || e->len != L->len || e->n_runs != L->n_runs ||
	    memcmp(e->text, L->buf, L->len) != 0 ||
	    memcmp(e->starts, L->run_start, (L->n_runs + 1) * sizeof *e->starts) != 0 ||
	    memcmp(e->styles, L->run_style, L->n_runs * sizeof *e->styles) != 0)
		return NULL;
	return e;
}

static void cache_store(pe_layout *L, uint64_t hash, pe_face face, double size,
                        double width, int n_lines, double natural)
{
	cache_entry *e = &L->cache[hash % CACHE_SLOTS];
	entry_clear(e);
	e->text = pe_malloc(L->len ? L->len : 1);
	e->starts = pe_malloc((L->n_runs + 1) * sizeof *e->starts);
	e->styles = pe_malloc((L->n_runs ? L->n_runs : 1) * sizeof *e->styles);
	e->pieces = pe_malloc((L->n_pieces ? L->n_pieces : 1) * sizeof *e->pieces);
	if (!e->text || !e->starts || !e->styles || !e->pieces) {
		entry_clear(e);   /* no room: simply not cached */
		return;
	}
	memcpy(e->text, L->buf, L->len);
	memcpy(e->starts, L->run_start, (L->n_runs + 1) * sizeof *e->starts);
	memcpy(e->styles, L->run_style, L->n_runs * sizeof *e->styles);
	memcpy(e->pieces, L->pieces, L->n_pieces * sizeof *e->pieces);
	e->hash = hash;
	e->used = true;
	e->rtl = L->rtl;
	e->face = face;
	e->size = size;
	e->width = width;
	e->len = L->len;
	e->n_runs = L->n_runs;
	e->n_lines = n_lines;
	e->natural = natural;
	e->n_pieces = L->n_pieces;
}

static bool add_piece(pe_layout *L, size_t a, size_t b, size_t r, int line, double dx,
                      double w, bool rtl)
{
	if (!pe_grow((void **)&L->pieces, &L->cap_pieces, L->n_pieces + 1, sizeof *L->pieces))
		return false;
	L->pieces[L->n_pieces++] = (piece){ (uint32_t)a, (uint32_t)b, (uint32_t)r, line, dx, w, rtl };
	return true;
}

static bool emit_piece(pe_layout *L, pe_page *pg, const pe_text_style *st, const piece *p,
                       double x, double baseline)
{
	size_t a = p->a, b = p->b, r = p->r;
	if (!pe_grow((void **)&L->tmp, &L->cap_tmp, b - a + 1, 1))
		return false;
	memcpy(L->tmp, L->buf + a, b - a);
	L->tmp[b - a] = '\0';
	unsigned style = L->run_style[r];
	pe_face face = face_with(st->face, style);
	pe_color color = st->color;
	char link[64];
	const char *uri = NULL;
	if (style & PE_RUN_PHONE) {
		if (st->link_color.a > 0)
			color = st->link_color;
		/* the link holds the whole number even when this piece is part */
		size_t rs = L->run_start[r], re = L->run_start[r + 1];
		pe_phone_tel_uri(L->buf + rs, re - rs, link, sizeof link);
		uri = link;
	}
	if (!pe_page_add_text(pg, x + p->dx, baseline, p->w, L->tmp, face, st->size,
	                      L->ascent[face] * st->size, L->descent[face] * st->size, color, uri))
		return false;
	pg->ops[pg->n_ops - 1].u.text.rtl = p->rtl;
	return true;
}

static bool is_trailing_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters that no op holds. Spaces other than U+0020 and U+00A0 (the
 * narrow no-break space U+202F French puts in "18 h 30", the thin space
 * U+2009) are missing from the bundled fonts: libharu would stop on them
 * and a painter that shapes again would draw a box or an em-wide gap.
 * Bidi controls (U+200E/F marks, U+202A-202E, the isolates U+2066-2069
 * around a phone number) take no room and are never drawn. Pango has
 * measured every one of them (HarfBuzz gives a missing space its usual
 * width, a narrow one half a space), so layout leaves their gap between
 * two ops. ZWJ and ZWNJ stay: they change how letters join. */
static bool is_gap_char(gunichar c)
{
	return (c >= 0x2000 && c <= 0x200B) || c == 0x200E || c == 0x200F ||
	       (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

static size_t next_char(const pe_layout *L, size_t i)
{
	return (size_t)(g_utf8_next_char(L->buf + i) - L->buf);
}

/* The piece of bytes [a, b) of source run r in a Pango run (item at
 * byte is, glyphs gs, starting at run_x): its left edge and width are the
 * glyphs whose clusters start inside it, in visual order, so the same
 * sums hold for a right-to-left run. False when no glyph starts inside
 * (the caller keeps a wider piece). */
static bool piece_geometry(const PangoGlyphString *gs, size_t is, size_t a, size_t b,
                           int64_t *before, int64_t *width)
{
	int first = -1;
	*before = *width = 0;
	for (int g = 0; g < gs->num_glyphs; g++) {
		size_t c = is + (size_t)gs->log_clusters[g];
		if (c >= a && c < b) {
			if (first < 0)
				first = g;
			*width += gs->glyphs[g].geometry.width;
		}
	}
	for (int g = 0; g < first; g++)
		*before += gs->glyphs[g].geometry.width;
	return first >= 0;
}

/* The pieces of one laid-out line: one per (Pango run x source run), with
 * the line's trailing spaces left out, and split where a gap character
 * (is_gap_char) stands. */
static bool line_pieces(pe_layout *L, PangoLayoutLine *line, int index, double unit)
{
	size_t ls = (size_t)line->start_index;
	size_t le = ls + (size_t)line->length;
	while (le > ls && is_trailing_space(L->buf[le - 1]))
		le--;
	size_t first_piece = L->n_pieces;
	int64_t run_x = 0;   /* (sums of Pango's ints; each fits, see REF_PX) */
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *gi = l->data;
		PangoItem *item = gi->item;
		PangoGlyphString *gs = gi->glyphs;
		bool rtl = item->analysis.level & 1;
		size_t is = (size_t)item->offset, ie = is + (size_t)item->length;
		size_t from = is > ls ? is : ls;
		size_t to = ie < le ? ie : le;
		for (size_t r = from < to ? run_of(L, from) : L->n_runs; r < L->n_runs &&
		     L->run_start[r] < to; r++) {
			size_t a = L->run_start[r] > from ? L->run_start[r] : from;
			size_t b = L->run_start[r + 1] < to ? L->run_start[r + 1] : to;
			if (a >= b)
				continue;
			size_t mark = L->n_pieces;
			bool split_ok = true;
			for (size_t sa = a; split_ok && sa < b;) {
				while (sa < b && is_gap_char(g_utf8_get_char(L->buf + sa)))
					sa = next_char(L, sa);
				size_t sb = sa;
				while (sb < b && !is_gap_char(g_utf8_get_char(L->buf + sb)))
					sb = next_char(L, sb);
				if (sb > b)
					sb = b;
				int64_t before, width;
				if (sa < sb) {
					split_ok = piece_geometry(gs, is, sa, sb, &before, &width);
					if (split_ok && !add_piece(L, sa, sb, r, index,
					                           (double)(run_x + before) / unit,
					                           (double)width / unit, rtl))
						return false;
				}
				sa = sb;
			}
			if (!split_ok) {
				/* A cluster reaching over a gap character: one piece,
				 * as Pango shaped it. */
				L->n_pieces = mark;
				int64_t before, width;
				piece_geometry(gs, is, a, b, &before, &width);
				if (!add_piece(L, a, b, r, index, (double)(run_x + before) / unit,
				               (double)width / unit, rtl))
					return false;
			}
		}
		run_x += pango_glyph_string_get_width(gs);
	}
	/* Right to left: the pieces in the page's mirror image (see
	 * pe_layout_set_rtl): the line's visual right end at dx 0. */
	if (L->rtl)
		for (size_t i = first_piece; i < L->n_pieces; i++)
			L->pieces[i].dx = (double)run_x / unit - L->pieces[i].dx - L->pieces[i].w;
	return true;
}

static void set_font(pe_layout *L, pe_face face)
{
	PangoFontDescription *d = L->desc[face];
	pango_font_description_set_absolute_size(d, REF_SIZE);
	pango_layout_set_font_description(L->lay, d);
}

/* The longest run of bytes with no space, tab or line break in it (all
 * of the text when it is laid out unbroken): what one line may have to
 * hold. Other break opportunities are ignored: this is a bound. */
static size_t longest_word(const char *s, size_t n, bool unbroken)
{
	if (unbroken)
		return n;
	size_t best = 0, run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			run = 0;
			continue;
		}
		if (++run > best)
			best = run;
	}
	return best;
}

/* Run Pango over L->buf and collect its pieces into L->pieces. Returns
 * the line count; *natural gets the unbroken width when width <= 0. -1
 * (and no pieces) when the text cannot be laid out: the layout's error
 * says why. */
static int pango_pieces(pe_layout *L, pe_face base, double size, double width,
                        double *natural)
{
	*natural = 0;
	L->n_pieces = 0;
	size_t word = longest_word(L->buf, L->len, width <= 0);
	if (word > PE_LAYOUT_MAX_WORD) {
		char why[160], start[24];
		size_t k = L->len < 20 ? L->len : 20;
		while (k > 0 && k < L->len && ((unsigned char)L->buf[k] & 0xc0) == 0x80)
			k--;   /* not in the middle of a UTF-8 character */
		snprintf(start, sizeof start, "%.*s", (int)k, L->buf);
		snprintf(why, sizeof why, "a word of %zu characters (\"%s...\") is too long to lay out "
		         "(at most %d)", word, start, PE_LAYOUT_MAX_WORD);
		pe_layout_set_error(L, why);
		return -1;
	}
	set_font(L, base);
	double unit = unit_of(size);
	bool styled = false;
	for (size_t r = 0; r < L->n_runs; r++)
		if (face_with(base, L->run_style[r]) != base)
			styled = true;
	if (styled) {
		PangoAttrList *attrs = pango_attr_list_copy(L->plain_attrs);
		for (size_t r = 0; r < L->n_runs; r++) {
			pe_face f = face_with(base, L->run_style[r]);
			if (f == base)
				continue;
			bool bold = f == PE_FACE_BOLD || f == PE_FACE_BOLD_ITALIC;
			bool italic = f == PE_FACE_ITALIC || f == PE_FACE_BOLD_ITALIC;
			PangoAttribute *w = pango_attr_weight_new(bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
			PangoAttribute *s = pango_attr_style_new(italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
			w->start_index = s->start_index = (guint)L->run_start[r];
			w->end_index = s->end_index = (guint)L->run_start[r + 1];
			pango_attr_list_insert(attrs, w);
			pango_attr_list_insert(attrs, s);
		}
		pango_layout_set_attributes(L->lay, attrs);
		pango_attr_list_unref(attrs);
	} else {
		pango_layout_set_attributes(L->lay, L->plain_attrs);
	}
	pango_layout_set_width(L->lay, width > 0 ? (int)floor(width * unit) : -1);
	pango_layout_set_text(L->lay, L->buf, (int)L->len);

	int n = 0;
	L->n_pieces = 0;
	for (GSList *l = pango_layout_get_lines_readonly(L->lay); l; l = l->next)
		if (!line_pieces(L, l->data, n++, unit)) {
			layout_oom(L);
			L->n_pieces = 0;
			return -1;
		}
	*natural = 0;
	if (width <= 0) {
		PangoRectangle logical;
		pango_layout_get_extents(L->lay, NULL, &logical);
		*natural = (double)logical.width / unit;
	}
	return n;
}

/* Lay out L->buf as prepared by text_append(): from the cache when this
 * text was laid out before at this face, size and width. Returns the line
 * count and leaves the pieces in L->pieces; *natural as pango_pieces(). */
static int shape_buffer(pe_layout *L, pe_face base, double size, double width,
                        double *natural)
{
	base = valid_face(base);
	if (width <= 0)
		width = -1;
	uint64_t hash = text_hash(L, base, size, width);
	cache_entry *e = cache_find(L, hash, base, size, width);
	if (e) {
		if (!pe_grow((void **)&L->pieces, &L->cap_pieces, e->n_pieces + 1, sizeof *L->pieces)) {
			layout_oom(L);
			L->n_pieces = 0;
			return 0;
		}
		memcpy(L->pieces, e->pieces, e->n_pieces * sizeof *e->pieces);
		L->n_pieces = e->n_pieces;
		*natural = e->natural;
		return e->n_lines;
	}
	int n = pango_pieces(L, base, size, width, natural);
	if (n < 0)
		return 0;   /* failed (the layout's error says why): not cached */
	cache_store(L, hash, base, size, width, n, *natural);
	return n;
}

static double lay_buffer(pe_layout *L, pe_page *pg, const pe_text_style *st, double x,
                         double y, double width, int *n_lines)
{
	if (L->len == 0) {
		if (n_lines)
			*n_lines = 0;
		return 0;
	}
	/* A column with no room left (an indent wider than a narrow column)
	 * breaks at every opportunity rather than not at all. */
	if (!(width > 1.0 / unit_of(st->size)))
		width = 1.0 / unit_of(st->size);
	double natural;
	int n = shape_buffer(L, st->face, st->size, width, &natural);
	double lh = st->size * st->leading;
	if (pg) {
		double off = baseline_offset(L, st);
		for (size_t i = 0; i < L->n_pieces; i++)
			if (!emit_piece(L, pg, st, &L->pieces[i], x, y + L->pieces[i].line * lh + off)) {
				layout_oom(L);
				pe_page_fail(pg);
				break;
			}
	}
	if (n_lines)
		*n_lines = n;
	return n * lh;
}

double pe_layout_text(pe_layout *L, pe_page *pg, const pe_text *text,
                      const pe_text_style *st, double x, double y, double width,
                      int *n_lines)
{
	text_reset(L);
	for (size_t i = 0; text && i < text->n_runs; i++)
		if (text->runs[i].text && !text_append(L, text->runs[i].text, text->runs[i].style)) {
			/* (laid out without the rest, for a height; the error
			 * stops the result from being used) */
			layout_oom(L);
			pe_page_fail(pg);
			break;
		}
	return lay_buffer(L, pg, st, x, y, width, n_lines);
}

double pe_layout_plain(pe_layout *L, pe_page *pg, const char *utf8,
                       const pe_text_style *st, double x, double y, double width,
                       int *n_lines)
{
	text_reset(L);
	if (utf8 && !text_append(L, utf8, PE_RUN_PLAIN)) {
		layout_oom(L);
		pe_page_fail(pg);
	}
	return lay_buffer(L, pg, st, x, y, width, n_lines);
}

double pe_layout_width(pe_layout *L, const char *utf8, pe_face face, double size)
{
	if (!utf8 || !*utf8)
		return 0;
	text_reset(L);
	if (!text_append(L, utf8, PE_RUN_PLAIN)) {
		layout_oom(L);
		return 0;
	}
	double natural = 0;
	shape_buffer(L, face, size, -1, &natural);
	return natural;
}

double pe_layout_ascent(const pe_layout *L, pe_face face, double size)
{
	return L->ascent[valid_face(face)] * size;
}

double pe_layout_descent(const pe_layout *L, pe_face face, double size)
{
	return L->descent[valid_face(face)] * size;
}

double pe_layout_baseline(const pe_layout *L, const pe_text_style *st)
{
	return baseline_offset(L, st);
}

/* ---- style ------------------------------------------------------------ */

void pe_style_default(pe_style *st, double body, bool high_contrast)
{
	memset(st, 0, sizeof *st);
	st->body_size = body;
	st->heading_size = round(body * 1.3 * 4) / 4;
	st->title_size = round(body * 1.75 * 4) / 4;
	st->small_size = round(body * 0.8 * 4) / 4;
	st->leading = 1.4;
	st->para_gap = body * 0.6;
	st->block_gap = body * 0.9;
	st->section_gap = body * 1.5;
	st->indent = body * 1.5;
	st->pad = body * 0.9;
	st->rule = body / 14.0 > 0.75 ? body / 14.0 : 0.75;
	st->radius = body * 0.35;
	st->draw_icons = true;
	for (int i = 0; i < PE_PICTURE_WORDS; i++) {
		const char *key = pe_layout_picture_word_key(i);
		const char *eot = strchr(key, '\004');
		st->words[i] = eot ? eot + 1 : key;
	}
	st->page = pe_hex(0xffffff);
	if (high_contrast) {
		pe_color black = pe_hex(0x000000);
		st->text = st->muted = st->heading = st->accent = st->link = black;
		st->info_fg = st->warning_fg = st->emergency_fg = black;
		st->info_bg = st->warning_bg = st->emergency_bg = PE_NO_COLOR;
		st->mild = st->moderate = st->severe = black;
		st->rule *= 1.5;
		return;
	}
	/* Contrast on white: text 17:1, muted 8.6:1, heading 9.9:1, link
	 * 8.8:1; the *_fg colours pass 7:1 on their own tinted backgrounds
	 * (tests/test_layout.c checks every pair). */
	st->text = pe_hex(0x1a1a1a);
	st->muted = pe_hex(0x4a4a4a);
	st->heading = pe_hex(0x0b4650);
	st->accent = pe_hex(0x127580);
	st->link = pe_hex(0x0b4a7a);
	st->info_bg = pe_hex(0xeaf2fa);
	st->info_fg = pe_hex(0x1b4a78);
	st->warning_bg = pe_hex(0xfdf3dc);
	st->warning_fg = pe_hex(0x6b4200);
	st->emergency_bg = pe_hex(0xfcebea);
	st->emergency_fg = pe_hex(0x8f1b1b);
	st->mild = pe_hex(0x2e7d32);
	st->moderate = pe_hex(0xb35c00);
	st->severe = pe_hex(0xc62828);
}
