/* SPDX-License-Identifier: MIT */
/*
 * site.c - the clinic's site file (see site.h).
 *
 * A table of settings drives the parser; parsing fills a fresh pe_site that
 * the caller gets only when everything is valid, so a reload is
 * all-or-nothing. Messages name the file, the line and the key (GKeyFile
 * has no line numbers, so the line is found by scanning the text). This
 * module reads one file and checks the logo (pngfile.h); it never
 * prints, never exits, and never touches gettext or the display.
 */
#include "site.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyfile.h"
#include "pngfile.h"
#include "validate.h"

typedef enum site_type {
	S_TEXT,      /* free text, one line */
	S_PHONE,     /* digits and + - ( ) . space; at least 3 digits */
	S_PNG,       /* path to an existing PNG file */
	S_SECONDS,   /* int 10..86400 */
	S_PIN,       /* 4..8 digits */
	S_LANG,      /* gettext language code (pe_lang_valid): es, zh_CN, es_419 */
	S_INCHES,    /* double 5..120 */
	S_BOOL,
} site_type;

typedef struct site_setting {
	const char *group;
	const char *key;
	site_type type;
	size_t offset;
} site_setting;

#define AT(field) offsetof(pe_site, field)

static const site_setting settings[] = {
	{ "clinic", "name", S_TEXT, AT(clinic_name) },
	{ "clinic", "phone", S_PHONE, AT(phone) },
	{ "clinic", "after_hours_phone", S_PHONE, AT(after_hours_phone) },
	{ "clinic", "logo", S_PNG, AT(logo) },
	{ "kiosk", "idle_seconds", S_SECONDS, AT(idle_seconds) },
	{ "kiosk", "staff_pin", S_PIN, AT(staff_pin) },
	{ "kiosk", "printer", S_TEXT, AT(printer) },
	{ "kiosk", "default_language", S_LANG, AT(default_language) },
	{ "kiosk", "screen_diagonal_inches", S_INCHES, AT(screen_diagonal_in) },
	{ "kiosk", "high_contrast", S_BOOL, AT(high_contrast) },
	{ "kiosk", "speech", S_BOOL, AT(speech) },
};

void pe_site_destroy(pe_site *site)
{
	if (!site)
		return;
	free(site->clinic_name);
	free(site->phone);
	free(site->after_hours_phone);
	free(site->logo);
	free(site->staff_pin);
	free(site->printer);
	free(site->default_language);
	free(site);
}

pe_site *pe_site_new_default(void)
{
	pe_site *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->idle_seconds = 90;
	s->screen_diagonal_in = 23.8;
	s->high_contrast = false;
	s->speech = true;
	if (!(s->default_language = strdup("en"))) {
		free(s);
		return NULL;
	}
	return s;
}

static bool apply(pe_site *s, const site_setting *st, GKeyFile *kf, const char *file,
                  const char *data, pe_error *err)
{
	char *raw = g_key_file_get_string(kf, st->group, st->key, NULL);
	if (!raw)
		return true;
	char *v = g_strstrip(raw);
	char *field = (char *)s + st->offset;
	int line = pe_keyfile_line(data, st->group, st->key);
	const char *problem = NULL;
	char *owned = NULL;
	bool empty_means_unset = st->type == S_TEXT || st->type == S_PHONE || st->type == S_PNG ||
	                         st->type == S_PIN;
	if (!*v && empty_means_unset) {
		free(*(char **)field);
		*(char **)field = NULL;
		g_free(raw);
		return true;
	}
	/* GKeyFile has already turned the escapes \n, \t and \r into real
	 * control characters; no value of ours may hold one (a clinic name on
	 * two lines overflows every header, a queue name with one is none). */
	for (const char *c = v; *c && !problem; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			problem = "a control character (an escape such as \\n or \\t) is not allowed";
	if (problem) {
		pe_error_set(err, file, line, "[%s] %s: %s", st->group, st->key, problem);
		g_free(raw);
		return false;
	}
	char *end;
	switch (st->type) {
	case S_TEXT:
		if (strlen(v) > 200)
			problem = "longer than 200 characters";
		else
			owned = strdup(v);
		break;
	case S_PHONE:
		if (!pe_phone_valid(v))
			problem = "not a phone number (digits, spaces and + - ( ) . only)";
		else
			owned = strdup(v);
		break;
	case S_PNG: {
		/* A relative path is relative to the site file, not to wherever
		 * the program happens to be started. */
		char *path;
		if (g_path_is_absolute(v)) {
			path = g_strdup(v);
		} else {
			char *dir = g_path_get_dirname(file);
			path = g_build_filename(dir, v, NULL);
			g_free(dir);
		}
		char *abs = g_canonicalize_filename(path, NULL);
		g_free(path);
		/* Read whole and checked now, so a damaged or huge logo is a
		 * site-file error naming the line, not a failed handout later
		 * (pngfile.h). */
		pe_png png;
		pe_error perr = { { 0 } };
		if (pe_png_load(abs, &png, &perr)) {
			pe_png_free(&png);
			owned = strdup(abs);
		} else {
			pe_error_set(err, file, line, "[%s] %s: %s", st->group, st->key, perr.msg);
			g_free(abs);
			g_free(raw);
			return false;
		}
		g_free(abs);
		break;
	}
	case S_SECONDS: {
		errno = 0;
		long n = strtol(v, &end, 10);
		if (end == v || *end || errno || n < 10 || n > 86400)
			problem = "not a number of seconds from 10 to 86400";
		else
			*(int *)field = (int)n;
		break;
	}
	case S_PIN:
		if (strlen(v) < 4 || strlen(v) > 8 || strspn(v, "0123456789") != strlen(v))
			problem = "not a PIN of 4 to 8 digits";
		else
			owned = strdup(v);
		break;
	case S_LANG:
		if (!pe_lang_valid(v))
			problem = "not a language code (en, es, ...)";
		else
			owned = strdup(v);
		break;
	case S_INCHES: {
		errno = 0;
		double d = strtod(v, &end);
		if (end == v || *end || errno || !isfinite(d) || d < 5 || d > 120)
			problem = "not a screen diagonal in inches from 5 to 120";
		else
			*(double *)field = d;
		break;
	}
	case S_BOOL:
		if (strcmp(v, "true") == 0)
			*(bool *)field = true;
		else if (strcmp(v, "false") == 0)
			*(bool *)field = false;
		else
			problem = "not true or false";
		break;
	}
	if (problem) {
		char q[PE_QUOTE_MAX];
		pe_error_set(err, file, line, "[%s] %s: '%s' is %s", st->group, st->key,
		             pe_error_quote(q, sizeof q, v), problem);
		g_free(raw);
		return false;
	}
	bool is_string = st->type == S_TEXT || st->type == S_PHONE || st->type == S_PNG ||
	                 st->type == S_PIN || st->type == S_LANG;
	if (is_string) {
		if (!owned) {
			pe_error_set(err, file, line, "out of memory");
			g_free(raw);
			return false;
		}
		free(*(char **)field);
		*(char **)field = owned;
	}
	g_free(raw);
	return true;
}

static bool known_key(const char *group, const char *key)
{
	for (size_t i = 0; i < G_N_ELEMENTS(settings); i++)
		if (strcmp(settings[i].group, group) == 0 && (!key || strcmp(settings[i].key, key) == 0))
			return true;
	return false;
}

/* data holds len bytes (NUL bytes in it are an error, not an end). */
static pe_site *load_text(const char *data, size_t len, const char *name, pe_error *err)
{
	pe_site *s = pe_site_new_default();
	GKeyFile *kf = g_key_file_new();
	const char *text;
	if (!s) {
		pe_error_set(err, name, 0, "out of memory");
		goto fail;
	}
	if (!(text = pe_keyfile_text(data, len, name, err)) || !pe_keyfile_load(kf, text, name, err))
		goto fail;
	if (!pe_keyfile_check_known(kf, name, text, known_key, "[clinic], [kiosk]", err))
		goto fail;
	for (size_t i = 0; i < G_N_ELEMENTS(settings); i++)
		if (!apply(s, &settings[i], kf, name, text, err))
			goto fail;
	g_key_file_free(kf);
	return s;

fail:
	g_key_file_free(kf);
	pe_site_destroy(s);
	return NULL;
}

pe_site *pe_site_load_data(const char *data, const char *name, pe_error *err)
{
	return load_text(data, strlen(data), name, err);
}

pe_site *pe_site_load(const char *path, pe_error *err)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *gerr = NULL;
	if (!g_file_get_contents(path, &data, &len, &gerr)) {
		pe_error_set(err, path, 0, "cannot read site file: %s",
		             gerr->code == G_FILE_ERROR_NOENT ? "no such file" : gerr->message);
		g_error_free(gerr);
		return NULL;
	}
	pe_site *s = load_text(data, len, path, err);
	g_free(data);
	return s;
}
