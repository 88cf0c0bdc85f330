/* SPDX-License-Identifier: MIT */
/*
 * template.c - read handout templates (see template.h).
 *
 * A table of settings (group, key, type, where it goes) drives the parser,
 * so adding a setting is one line. Parsing fills a fresh struct that the
 * caller gets only when the whole file is valid. This module must never
 * lay out or paint anything: it only turns a file into numbers.
 */
#include "template.h"
#include "keyfile.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

typedef enum setting_type {
	T_LENGTH,    /* double, points; accepts units */
	T_SIZE,      /* double, points, 4..200 */
	T_RATIO,     /* double, 1.0..3.0 */
	T_COLOR,     /* pe_color from #rrggbb */
	T_ELEMENTS,  /* unsigned bits */
	T_BOOL,
	T_KIND,      /* pe_template_kind */
	T_STRING,    /* char * */
} setting_type;

typedef struct setting {
	const char *group;
	const char *key;
	setting_type type;
	size_t offset;
	unsigned allowed;   /* T_ELEMENTS: which bits may appear */
} setting;

#define AT(field) offsetof(pe_template, field)

static const setting settings[] = {
	{ "template", "layout", T_KIND, AT(kind), 0 },
	{ "template", "description", T_STRING, AT(description), 0 },
	{ "template", "large_print", T_BOOL, AT(large_print), 0 },
	{ "paper", "width", T_LENGTH, AT(width), 0 },
	{ "paper", "height", T_LENGTH, AT(height), 0 },
	{ "paper", "margin_top", T_LENGTH, AT(margin_top), 0 },
	{ "paper", "margin_bottom", T_LENGTH, AT(margin_bottom), 0 },
	{ "paper", "margin_left", T_LENGTH, AT(margin_left), 0 },
	{ "paper", "margin_right", T_LENGTH, AT(margin_right), 0 },
	{ "type", "body", T_SIZE, AT(body), 0 },
	{ "type", "heading", T_SIZE, AT(heading), 0 },
	{ "type", "title", T_SIZE, AT(title), 0 },
	{ "type", "small", T_SIZE, AT(small), 0 },
	{ "type", "leading", T_RATIO, AT(leading), 0 },
	{ "colors", "text", T_COLOR, AT(text), 0 },
	{ "colors", "muted", T_COLOR, AT(muted), 0 },
	{ "colors", "heading", T_COLOR, AT(heading_color), 0 },
	{ "colors", "accent", T_COLOR, AT(accent), 0 },
	{ "colors", "band", T_COLOR, AT(band), 0 },
	{ "colors", "band_text", T_COLOR, AT(band_text), 0 },
	{ "header", "elements", T_ELEMENTS, AT(header), PE_EL_CLINIC | PE_EL_TITLE },
	{ "footer", "elements", T_ELEMENTS, AT(footer),
	  PE_EL_PAGE | PE_EL_REVISED | PE_EL_SOURCES | PE_EL_CLINIC },
	{ "body", "qr", T_BOOL, AT(qr), 0 },
	{ "body", "care_team", T_BOOL, AT(care_team), 0 },
	{ "body", "icons", T_BOOL, AT(icons), 0 },
};

static const struct {
	const char *name;
	unsigned bit;
} element_names[] = {
	{ "clinic", PE_EL_CLINIC }, { "title", PE_EL_TITLE }, { "page", PE_EL_PAGE },
	{ "revised", PE_EL_REVISED }, { "sources", PE_EL_SOURCES },
};

static void set_defaults(pe_template *t)
{
	t->kind = PE_TEMPLATE_HANDOUT;
	t->width = 612;
	t->height = 792;
	t->margin_top = t->margin_bottom = 43.2;
	t->margin_left = t->margin_right = 54;
	t->body = 13;
	t->heading = 17;
	t->title = 26;
	t->small = 9.5;
	t->leading = 1.4;
	t->text = pe_hex(0x1a1a1a);
	t->muted = pe_hex(0x4a4a4a);
	t->heading_color = pe_hex(0x0b4650);
	t->accent = pe_hex(0x127580);
	t->band = pe_hex(0xe4f0f1);
	t->band_text = pe_hex(0x0b4650);
	t->header = PE_EL_CLINIC | PE_EL_TITLE;
	t->footer = PE_EL_PAGE | PE_EL_REVISED | PE_EL_SOURCES;
	t->qr = true;
	t->care_team = true;
	t->icons = true;
}

void pe_template_destroy(pe_template *tpl)
{
	if (!tpl)
		return;
	free(tpl->name);
	free(tpl->path);
	free(tpl->description);
	free(tpl);
}

/* ---- values ------------------------------------------------------------ */

bool pe_template_parse_length(const char *s, double *points)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno || !isfinite(v))
		return false;
	while (*end == ' ')
		end++;
	double scale;
	if (!*end || strcmp(end, "pt") == 0)
		scale = 1;
	else if (strcmp(end, "mm") == 0)
		scale = 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		scale = 720.0 / 25.4;
	else if (strcmp(end, "in") == 0)
		scale = 72.0;
	else
		return false;
	*points = v * scale;
	return true;
}

static bool parse_number(const char *s, double *v)
{
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	while (*end == ' ')
		end++;
	return end != s && !*end && !errno && isfinite(*v);
}

static bool parse_color(const char *s, pe_color *c)
{
	if (s[0] != '#' || strlen(s) != 7)
		return false;
	for (int i = 1; i < 7; i++)
		if (!g_ascii_isxdigit(s[i]))
			return false;
	*c = pe_hex((unsigned)strtoul(s + 1, NULL, 16));
	return true;
}

/* The 1-based line that byte offset at falls on. */
static int line_at(const char *data, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

/* Report a problem with one key: "file:line: [group] key: problem". */
static void key_error(pe_error *err, const char *file, const char *data, const setting *st,
                      const char *fmt, const char *value)
{
	char what[256];
	snprintf(what, sizeof what, fmt, value);
	pe_error_set(err, file, pe_keyfile_line(data, st->group, st->key), "[%s] %s: %s",
	             st->group, st->key, what);
}

static bool apply(pe_template *t, const setting *st, GKeyFile *kf, const char *file,
                  const char *data, pe_error *err)
{
	char *raw = g_key_file_get_value(kf, st->group, st->key, NULL);
	if (!raw)
		return true;   /* not set: keep the default */
	char *v = g_strstrip(raw);
	char *field = (char *)t + st->offset;
	bool ok = true;
	double d;
	switch (st->type) {
	case T_LENGTH:
		if (!pe_template_parse_length(v, &d) || d < 0 || d > 14400) {
			key_error(err, file, data, st, "'%s' is not a length (e.g. 612, 8.5in, 210mm)", v);
			ok = false;
		} else {
			*(double *)field = d;
		}
		break;
	case T_SIZE:
		if (!parse_number(v, &d) || d < 4 || d > 200) {
			key_error(err, file, data, st, "'%s' is not a type size in points (4 to 200)", v);
			ok = false;
		} else {
			*(double *)field = d;
		}
		break;
	case T_RATIO:
		if (!parse_number(v, &d) || d < 1 || d > 3) {
			key_error(err, file, data, st, "'%s' is not a line height (1.0 to 3.0 times the size)", v);
			ok = false;
		} else {
			*(double *)field = d;
		}
		break;
	case T_COLOR:
		if (!parse_color(v, (pe_color *)field)) {
			key_error(err, file, data, st, "'%s' is not a colour (#rrggbb)", v);
			ok = false;
		}
		break;
	case T_ELEMENTS: {
		unsigned bits = 0;
		char **parts = g_strsplit(v, ",", -1);
		for (char **p = parts; ok && *p; p++) {
			char *name = g_strstrip(*p);
			if (!*name)
				continue;
			unsigned bit = 0;
			for (size_t i = 0; i < G_N_ELEMENTS(element_names); i++)
				if (strcmp(name, element_names[i].name) == 0)
					bit = element_names[i].bit;
			if (!bit || !(bit & st->allowed)) {
				key_error(err, file, data, st, "unknown element '%s'", name);
				ok = false;
			}
			bits |= bit;
		}
		g_strfreev(parts);
		if (ok)
			*(unsigned *)field = bits;
		break;
	}
	case T_BOOL:
		if (strcmp(v, "true") == 0)
			*(bool *)field = true;
		else if (strcmp(v, "false") == 0)
			*(bool *)field = false;
		else {
			key_error(err, file, data, st, "'%s' is not true or false", v);
			ok = false;
		}
		break;
	case T_KIND:
		if (strcmp(v, "handout") == 0)
			*(pe_template_kind *)field = PE_TEMPLATE_HANDOUT;
		else if (strcmp(v, "bilingual") == 0)
			*(pe_template_kind *)field = PE_TEMPLATE_BILINGUAL;
		else if (strcmp(v, "wallet-card") == 0)
			*(pe_template_kind *)field = PE_TEMPLATE_WALLET;
		else {
			key_error(err, file, data, st, "'%s' is not handout, bilingual or wallet-card", v);
			ok = false;
		}
		break;
	case T_STRING: {
		char **dst = (char **)field;
		free(*dst);
		if (!(*dst = strdup(v))) {
			pe_error_set(err, file, 0, "out of memory");
			ok = false;
		}
		break;
	}
	}
	g_free(raw);
	return ok;
}

/* Every group and key in the file must be one we know. */
static bool known_key(const char *group, const char *key)
{
	for (size_t i = 0; i < G_N_ELEMENTS(settings); i++)
		if (strcmp(settings[i].group, group) == 0 && (!key || strcmp(settings[i].key, key) == 0))
			return true;
	return false;
}

/* What patients must be able to read: a handout's body at least 12 pt
 * and nothing under 9 pt; a template that says it is large print
 * (large_print = true) body at least 18 pt and nothing under 16 pt; a
 * wallet card, read up close and cut to a card's size, nothing under
 * 8 pt. pe_template_min_size() is the floor the layout check holds every
 * painted word to. The error names the size's line, or the large_print
 * line when the size is the default. */
double pe_template_min_size(const pe_template *tpl)
{
	return tpl->kind == PE_TEMPLATE_WALLET ? 8 : tpl->large_print ? 16 : 9;
}

static bool check_type_floor(const pe_template *t, const char *file, const char *data,
                             pe_error *err)
{
	static const struct {
		const char *key;
		size_t offset;
		double handout, large, wallet;
	} floors[] = {
		{ "body", AT(body), 12, 18, 8 },
		{ "small", AT(small), 9, 16, 8 },
	};
	bool wallet = t->kind == PE_TEMPLATE_WALLET;
	for (size_t i = 0; i < G_N_ELEMENTS(floors); i++) {
		double v = *(const double *)((const char *)t + floors[i].offset);
		double min = wallet ? floors[i].wallet : t->large_print ? floors[i].large : floors[i].handout;
		if (v >= min)
			continue;
		int line = pe_keyfile_line(data, "type", floors[i].key);
		if (!line && t->large_print)
			line = pe_keyfile_line(data, "template", "large_print");
		pe_error_set(err, file, line, "[type] %s: %g pt is under the %g pt %s", floors[i].key, v,
		             min, wallet ? "a wallet card needs"
		             : t->large_print ? "that large print needs (large_print = true)"
		                              : "a handout needs (14 pt for older readers)");
		return false;
	}
	return true;
}

/* The page must leave room to print: margins inside the paper, a usable
 * area, and type sizes in a sane order. */
static bool check_geometry(const pe_template *t, const char *file, const char *data, pe_error *err)
{
	if (t->width < 72 || t->height < 72) {
		pe_error_set(err, file, pe_keyfile_line(data, "paper", t->width < 72 ? "width" : "height"),
		             "[paper] %s: smaller than 1 inch", t->width < 72 ? "width" : "height");
		return false;
	}
	if (t->width - t->margin_left - t->margin_right < 0.5 * t->width) {
		pe_error_set(err, file, pe_keyfile_line(data, "paper", "margin_left"),
		             "[paper] margin_left + margin_right: leave less than half the width to print on");
		return false;
	}
	if (t->height - t->margin_top - t->margin_bottom < 0.5 * t->height) {
		pe_error_set(err, file, pe_keyfile_line(data, "paper", "margin_top"),
		             "[paper] margin_top + margin_bottom: leave less than half the height to print on");
		return false;
	}
	if (t->small > t->body || t->body > t->heading || t->heading > t->title) {
		pe_error_set(err, file, pe_keyfile_line(data, "type", "body"),
		             "[type] sizes must grow: small <= body <= heading <= title");
		return false;
	}
	return check_type_floor(t, file, data, err);
}

pe_template *pe_template_load_data(const char *data, const char *name, pe_error *err)
{
	pe_template *t = calloc(1, sizeof *t);
	GKeyFile *kf = g_key_file_new();
	GError *gerr = NULL;
	if (!t || !kf) {
		pe_error_set(err, name, 0, "out of memory");
		goto fail;
	}
	set_defaults(t);
	if (!(t->path = strdup(name)) || !(t->description = strdup(""))) {
		pe_error_set(err, name, 0, "out of memory");
		goto fail;
	}
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	size_t blen = strlen(base);
	if (blen > 4 && strcmp(base + blen - 4, ".ini") == 0)
		blen -= 4;
	if (!(t->name = strndup(base, blen))) {
		pe_error_set(err, name, 0, "out of memory");
		goto fail;
	}
	/* GKeyFile checks only the values it is asked for as strings: a
	 * description in Latin-1 would pass (found by tests/fuzz). */
	const char *bad;
	if (!g_utf8_validate(data, -1, &bad)) {
		pe_error_set(err, name, line_at(data, (size_t)(bad - data)),
		             "not UTF-8 text (save the file as UTF-8)");
		goto fail;
	}
	if (!g_key_file_load_from_data(kf, data, (gsize)-1, G_KEY_FILE_NONE, &gerr)) {
		pe_error_set(err, name, pe_keyfile_bad_line(data), "%s", gerr->message);
		g_error_free(gerr);
		goto fail;
	}
	if (!pe_keyfile_check_known(kf, name, data, known_key, NULL, err))
		goto fail;
	for (size_t i = 0; i < G_N_ELEMENTS(settings); i++)
		if (!apply(t, &settings[i], kf, name, data, err))
			goto fail;
	if (!check_geometry(t, name, data, err))
		goto fail;
	g_key_file_free(kf);
	return t;

fail:
	if (kf)
		g_key_file_free(kf);
	pe_template_destroy(t);
	return NULL;
}

pe_template *pe_template_load(const char *path, pe_error *err)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *gerr = NULL;
	if (!g_file_get_contents(path, &data, &len, &gerr)) {
		pe_error_set(err, path, 0, "cannot read template: %s",
		             gerr->code == G_FILE_ERROR_NOENT ? "no such file" : gerr->message);
		g_error_free(gerr);
		return NULL;
	}
	/* The text is parsed as a C string: at a NUL byte the rest of the
	 * file would be ignored without a word (found by tests/fuzz). */
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		pe_error_set(err, path, line_at(data, (size_t)(nul - data)),
		             "a NUL byte: not a text file (saved by a word processor?)");
		g_free(data);
		return NULL;
	}
	pe_template *t = pe_template_load_data(data, path, err);
	g_free(data);
	return t;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

pe_template *pe_template_find(const char *name, pe_error *err)
{
	char rel[256], path[4096];
	bool plain = name[0] && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(name);
	if (plain && (size_t)snprintf(rel, sizeof rel, "templates/%s.ini", name) < sizeof rel &&
	    pe_paths_data(path, sizeof path, rel) && g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return pe_template_load(path, err);

	/* Unknown: list what there is. */
	GString *avail = g_string_new(NULL);
	char dir[4096];
	GDir *d = pe_paths_data(dir, sizeof dir, "templates") ? g_dir_open(dir, 0, NULL) : NULL;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	for (const char *e; d && (e = g_dir_read_name(d));)
		if (g_str_has_suffix(e, ".ini"))
			g_ptr_array_add(names, g_strndup(e, strlen(e) - 4));
	if (d)
		g_dir_close(d);
	g_ptr_array_sort(names, compare_names);
	for (guint i = 0; i < names->len; i++)
		g_string_append_printf(avail, "%s%s", i ? ", " : "", (char *)names->pdata[i]);
	pe_error_set(err, NULL, 0, "unknown template '%s' (available: %s)", name,
	             avail->len ? avail->str : "none found in the data directory");
	g_ptr_array_free(names, TRUE);
	g_string_free(avail, TRUE);
	return NULL;
}

void pe_template_style(const pe_template *tpl, pe_style *st)
{
	pe_style_default(st, tpl->body, false);
	st->body_size = tpl->body;
	st->heading_size = tpl->heading;
	st->title_size = tpl->title;
	st->small_size = tpl->small;
	st->leading = tpl->leading;
	st->text = tpl->text;
	st->muted = tpl->muted;
	st->heading = tpl->heading_color;
	st->accent = tpl->accent;
	st->draw_icons = tpl->icons;
}

void pe_template_area(const pe_template *tpl, double *x0, double *y0, double *x1, double *y1)
{
	*x0 = tpl->margin_left;
	*y0 = tpl->margin_top;
	*x1 = tpl->width - tpl->margin_right;
	*y1 = tpl->height - tpl->margin_bottom;
}
