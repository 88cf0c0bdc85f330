/* SPDX-License-Identifier: MIT */
/*
 * i18n.c - languages, UI strings and localised dates (see i18n.h).
 *
 * The list of languages is whatever the build staged in <datadir>/LINGUAS
 * (English first); adding a language never needs a change here. Native
 * names, month names and the date format come from each language's own
 * catalog, so a translator controls them all.
 *
 * The pseudo-locale "qps" (tools/pseudo-po) is known when the build staged
 * its catalog, so tests and previews can switch to it, but it is not one
 * of the pe_i18n_count() languages offered to patients.
 *
 * This module owns gettext's process-global state (LANGUAGE, the bound
 * directory, the message cache); nothing else may touch it. It never
 * prints and never exits.
 */
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "validate.h"

#define CODE_MAX PE_LANG_CODE_MAX
#define LANG_MAX PE_LANG_MAX
#define PSEUDO_CODE "qps"

struct lang {
	char code[CODE_MAX];
	char *native;           /* owned copy: catalogs may be reloaded */
};

static struct {
	bool ready;
	char localedir[PATH_MAX];
	struct lang langs[LANG_MAX];
	size_t count;           /* offered languages, LINGUAS order */
	bool has_pseudo;        /* langs[count] is "qps" */
	char current[CODE_MAX];
	/* The private copy of the catalogues the domain is bound to (kiosk),
	 * or "" when bound to the data directory itself (handout). */
	char snapdir[PATH_MAX];
} st = { .current = "en" };

static struct lang *find(const char *code)
{
	if (!st.ready || !code)
		return NULL;
	size_t n = st.count + (st.has_pseudo ? 1 : 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(st.langs[i].code, code) == 0)
			return &st.langs[i];
	return NULL;
}

static bool add_lang(const char *code, const char *file, int line, pe_error *err)
{
	if (!pe_lang_valid(code)) {
		pe_error_set(err, file, line, "bad language code '%s'", code);
		return false;
	}
	for (size_t i = 0; i < st.count; i++)
		if (strcmp(st.langs[i].code, code) == 0)
			return true;            /* listed twice: harmless */
	if (st.count >= LANG_MAX - 1) { /* keep a slot for the pseudo-locale */
		pe_error_set(err, file, line, "more than %d languages", LANG_MAX - 1);
		return false;
	}
	snprintf(st.langs[st.count].code, CODE_MAX, "%s", code);
	st.langs[st.count].native = NULL;
	st.count++;
	return true;
}

static bool read_linguas(const char *path, pe_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		pe_error_set(err, path, 0, "cannot read the list of languages (%s)", strerror(errno));
		return false;
	}
	/* English is the source language: always there, always first. */
	bool ok = add_lang("en", path, 0, err);
	char line[256];
	int lineno = 0;
	while (ok && fgets(line, sizeof line, f)) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *save = NULL;
		for (char *tok = strtok_r(line, " \t\r\n", &save); ok && tok;
		     tok = strtok_r(NULL, " \t\r\n", &save))
			ok = add_lang(tok, path, lineno, err);
	}
	fclose(f);
	return ok;
}

/* LC_MESSAGES must not be "C": glibc ignores LANGUAGE there. */
static bool ensure_locale(pe_error *err)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (cur && strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0)
		return true;
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8"))
		return true;
	pe_error_set(err, NULL, 0, "cannot select the C.UTF-8 locale; translations need it");
	return false;
}

/* The language alone of a regional code: "es_419" -> "es", "sr@latin" ->
 * "sr"; "" for a code that is a language alone. */
static void base_language(const char *code, char *out, size_t size)
{
	size_t n = strcspn(code, "_@");
	if (!code[n] || n >= size)
		n = 0;
	snprintf(out, size, "%.*s", (int)n, code);
}

static void switch_to(const char *code)
{
	/* A string a regional catalogue lacks comes from the language's own
	 * (es_419 -> es), then the English msgid. */
	char base[CODE_MAX], list[2 * CODE_MAX + 1];
	base_language(code, base, sizeof base);
	snprintf(list, sizeof list, "%s%s%s", code, base[0] ? ":" : "", base);
	setenv("LANGUAGE", list, 1);
	/* Re-setting the domain bumps gettext's catalog counter, which drops
	 * its cache of translations; without it es -> en keeps Spanish. */
	textdomain(textdomain(NULL));
}

/* Translate in another language and switch back at once. */
static const char *translate_in(const char *code, const char *ctx_msgid, const char *msgid)
{
	if (!find(code))
		return msgid;
	bool other = strcmp(code, st.current) != 0;
	if (other)
		switch_to(code);
	const char *r = ctx_msgid ? pe_i18n_pgettext(ctx_msgid, msgid)
				  : dgettext(PE_TEXT_DOMAIN, msgid);
	if (other)
		switch_to(st.current);
	return r;
}

/* Each language's own name, from the catalogues now bound. */
static bool native_names(pe_error *err)
{
	size_t n = st.count + (st.has_pseudo ? 1 : 0);
	for (size_t i = 0; i < n; i++) {
		/* TRANSLATORS: the name of YOUR language, in your language, as
		   shown on the kiosk's language button: "Español", "Français". */
		const char *name = translate_in(st.langs[i].code, NC_("language-name", "English"), "English");
		/* A language whose catalog does not name itself yet shows its
		   code rather than a misleading "English". */
		if (strcmp(name, "English") == 0 && strcmp(st.langs[i].code, "en") != 0)
			name = st.langs[i].code;
		char *copy = strdup(name);
		if (!copy) {
			pe_error_set(err, NULL, 0, "out of memory");
			return false;
		}
		free(st.langs[i].native);
		st.langs[i].native = copy;
	}
	return true;
}

/* ---- catalogue snapshot -------------------------------------------------
 * gettext reads a .mo file when a language is first used and maps it, so
 * catalogues replaced on disk (a package upgrade, a translator's copy)
 * would go live on a running kiosk at the next language tap, outside the
 * staff's all-or-nothing reload, and a broken one would leave the screen
 * half English. The kiosk binds the domain to a private copy instead,
 * made at start and at each reload from catalogues checked first. */

static uint32_t mo_word(const unsigned char *b, size_t at, bool big)
{
	return big ? (uint32_t)b[at] << 24 | (uint32_t)b[at + 1] << 16 | (uint32_t)b[at + 2] << 8 | b[at + 3]
	           : (uint32_t)b[at + 3] << 24 | (uint32_t)b[at + 2] << 16 | (uint32_t)b[at + 1] << 8 | b[at];
}

/* A GNU .mo file gettext can use: magic, revision 0 or 1, and both string
 * tables with every string inside the file and NUL-terminated. */
static bool mo_valid(const unsigned char *b, size_t n)
{
	if (n < 28)
		return false;
	bool big;
	if (mo_word(b, 0, false) == 0x950412deu)
		big = false;
	else if (mo_word(b, 0, true) == 0x950412deu)
		big = true;
	else
		return false;
	uint32_t rev = mo_word(b, 4, big), count = mo_word(b, 8, big);
	uint32_t tables[2] = { mo_word(b, 12, big), mo_word(b, 16, big) };
	if ((rev >> 16) > 1 || count == 0)
		return false;
	for (int t = 0; t < 2; t++) {
		if (tables[t] > n || (uint64_t)count * 8 > n - tables[t])
			return false;
		for (uint32_t i = 0; i < count; i++) {
			uint32_t len = mo_word(b, tables[t] + 8 * (size_t)i, big);
			uint32_t off = mo_word(b, tables[t] + 8 * (size_t)i + 4, big);
			if (off > n || len >= n - off || b[off + len] != 0)
				return false;
		}
	}
	return true;
}

/* Remove a snapshot: dir/<code>/LC_MESSAGES/<file>, nothing deeper. */
static void remove_tree(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char path[PATH_MAX];
			if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
				continue;
			struct stat sb;
			if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && depth < 3)
				remove_tree(path, depth + 1);
			else
				unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Read one language's catalogue whole and check it. True with *buf NULL
 * when the language has none (English, the source, needs none). */
static bool read_catalog(const char *code, char *src, size_t src_size, unsigned char **buf_out,
                         size_t *n_out, pe_error *err)
{
	*buf_out = NULL;
	*n_out = 0;
	snprintf(src, src_size, "%s/%s/LC_MESSAGES/" PE_TEXT_DOMAIN ".mo", st.localedir, code);
	FILE *f = fopen(src, "rb");
	if (!f) {
		if (errno == ENOENT)
			return true;
		pe_error_set(err, src, 0, "cannot read the message catalog (%s)", strerror(errno));
		return false;
	}
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			unsigned char *nb = cap < ((size_t)64 << 20) ? realloc(buf, cap) : NULL;
			if (!nb) {
				ok = false;
				pe_error_set(err, src, 0, "message catalog too large or out of memory");
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ok && ferror(f)) {
		ok = false;
		pe_error_set(err, src, 0, "cannot read the message catalog");
	}
	fclose(f);
	if (ok && !mo_valid(buf, n)) {
		ok = false;
		pe_error_set(err, src, 0, "not a valid message catalog: damaged or truncated (rebuild it with msgfmt)");
	}
	if (!ok) {
		free(buf);
		return false;
	}
	*buf_out = buf;
	*n_out = n;
	return true;
}

/* Every catalogue is checked when the languages are read: gettext takes a
 * truncated .mo without a word and the handout comes out with English
 * UI strings in a Spanish text (or a footer reading "L"). */
static bool check_catalogs(pe_error *err)
{
	size_t n = st.count + (st.has_pseudo ? 1 : 0);
	for (size_t i = 0; i < n; i++) {
		char src[PATH_MAX + 64];
		unsigned char *buf;
		size_t len;
		if (!read_catalog(st.langs[i].code, src, sizeof src, &buf, &len, err))
			return false;
		free(buf);
	}
	return true;
}

/* Copy one language's catalogue into the snapshot after checking it. */
static bool snapshot_lang(const char *snap, const char *code, pe_error *err)
{
	char src[PATH_MAX + 64], dst[PATH_MAX + 64];
	unsigned char *buf;
	size_t n;
	if (!read_catalog(code, src, sizeof src, &buf, &n, err))
		return false;
	if (!buf)
		return true;
	bool ok = true;
	snprintf(dst, sizeof dst, "%s/%s", snap, code);
	mkdir(dst, 0700);
	snprintf(dst, sizeof dst, "%s/%s/LC_MESSAGES", snap, code);
	mkdir(dst, 0700);
	snprintf(dst, sizeof dst, "%s/%s/LC_MESSAGES/" PE_TEXT_DOMAIN ".mo", snap, code);
	FILE *out = fopen(dst, "wb");
	if (!out || fwrite(buf, 1, n, out) != n) {
		ok = false;
		pe_error_set(err, dst, 0, "cannot write the catalog snapshot (%s)", strerror(errno));
	}
	if (out && fclose(out) != 0 && ok) {
		ok = false;
		pe_error_set(err, dst, 0, "cannot write the catalog snapshot (%s)", strerror(errno));
	}
	free(buf);
	return ok;
}

bool pe_i18n_snapshot(pe_error *err)
{
	if (!st.ready) {
		pe_error_set(err, NULL, 0, "pe_i18n_snapshot before pe_i18n_init");
		return false;
	}
	const char *base = getenv("XDG_RUNTIME_DIR");
	struct stat sb;
	if (!base || !*base || stat(base, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
	    access(base, W_OK) != 0)
		base = "/tmp";
	char snap[PATH_MAX];
	if (snprintf(snap, sizeof snap, "%s/patient-ed-ui-XXXXXX", base) >= (int)sizeof snap ||
	    !mkdtemp(snap)) {
		pe_error_set(err, base, 0, "cannot make a directory for the catalogs (%s)",
		             strerror(errno));
		return false;
	}
	size_t n = st.count + (st.has_pseudo ? 1 : 0);
	for (size_t i = 0; i < n; i++) {
		/* The language a regional code falls back to comes along even
		 * when LINGUAS does not offer it alone (es_419 without es). */
		char lang_only[CODE_MAX];
		base_language(st.langs[i].code, lang_only, sizeof lang_only);
		if (!snapshot_lang(snap, st.langs[i].code, err) ||
		    (lang_only[0] && !find(lang_only) && !snapshot_lang(snap, lang_only, err))) {
			remove_tree(snap, 0);
			return false;
		}
	}
	if (!bindtextdomain(PE_TEXT_DOMAIN, snap)) {
		pe_error_set(err, snap, 0, "cannot bind the text domain (%s)", strerror(errno));
		remove_tree(snap, 0);
		return false;
	}
	/* The old copy goes only now: until here gettext still read it. */
	if (st.snapdir[0])
		remove_tree(st.snapdir, 0);
	snprintf(st.snapdir, sizeof st.snapdir, "%s", snap);
	switch_to(st.current);
	return native_names(err);
}

bool pe_i18n_init(pe_error *err)
{
	if (st.ready)
		pe_i18n_finish();
	char path[PATH_MAX];
	errno = 0;
	if (!pe_paths_data(path, sizeof path, "locale") || !realpath(path, st.localedir)) {
		pe_error_set(err, path, 0, "no message catalogs here (%s); was the data built?",
			     strerror(errno ? errno : ENAMETOOLONG));
		return false;
	}
	if (!ensure_locale(err))
		return false;
	st.count = 0;
	st.has_pseudo = false;
	if (!pe_paths_data(path, sizeof path, "LINGUAS")) {
		pe_error_set(err, NULL, 0, "data directory path too long");
		return false;
	}
	if (!read_linguas(path, err))
		goto fail;
	if (!bindtextdomain(PE_TEXT_DOMAIN, st.localedir) ||
	    !bind_textdomain_codeset(PE_TEXT_DOMAIN, "UTF-8")) {
		pe_error_set(err, st.localedir, 0, "cannot bind the text domain (%s)", strerror(errno));
		goto fail;
	}
	char mo[PATH_MAX + 64];
	struct stat sb;
	snprintf(mo, sizeof mo, "%s/" PSEUDO_CODE "/LC_MESSAGES/" PE_TEXT_DOMAIN ".mo", st.localedir);
	if (stat(mo, &sb) == 0 && !find(PSEUDO_CODE)) {
		snprintf(st.langs[st.count].code, CODE_MAX, PSEUDO_CODE);
		st.langs[st.count].native = NULL;
		st.has_pseudo = true;
	}
	st.ready = true;
	if (!check_catalogs(err))
		goto fail;
	snprintf(st.current, sizeof st.current, "en");
	switch_to("en");

	if (!native_names(err))
		goto fail;
	return true;
fail:
	pe_i18n_finish();
	return false;
}

void pe_i18n_finish(void)
{
	if (st.snapdir[0]) {
		remove_tree(st.snapdir, 0);
		st.snapdir[0] = 0;
		/* Nothing may read from the removed copy. */
		if (st.localedir[0])
			bindtextdomain(PE_TEXT_DOMAIN, st.localedir);
	}
	for (size_t i = 0; i < LANG_MAX; i++) {
		free(st.langs[i].native);
		st.langs[i].native = NULL;
	}
	st.count = 0;
	st.has_pseudo = false;
	st.ready = false;
	snprintf(st.current, sizeof st.current, "en");
}

size_t pe_i18n_count(void)
{
	return st.ready ? st.count : 0;
}

const char *pe_i18n_code(size_t i)
{
	return st.ready && i < st.count ? st.langs[i].code : NULL;
}

const char *pe_i18n_native_name(const char *code)
{
	const struct lang *l = find(code);
	return l ? l->native : NULL;
}

bool pe_i18n_known(const char *code)
{
	return find(code) != NULL;
}

bool pe_i18n_check(const char *code, pe_error *err)
{
	if (find(code))
		return true;
	char list[LANG_MAX * (CODE_MAX + 2)] = "";
	size_t used = 0;
	for (size_t i = 0; i < pe_i18n_count(); i++) {
		int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", st.langs[i].code);
		if (n < 0 || (size_t)n >= sizeof list - used)
			break;
		used += (size_t)n;
	}
	pe_error_set(err, NULL, 0, "unknown language '%s' (available: %s)", code ? code : "(null)",
		     st.ready ? list : "none: call pe_i18n_init first");
	return false;
}

bool pe_i18n_set_language(const char *code, pe_error *err)
{
	if (!pe_i18n_check(code, err))
		return false;
	if (!ensure_locale(err))
		return false;
	snprintf(st.current, sizeof st.current, "%s", code);
	switch_to(code);
	return true;
}

const char *pe_i18n_language(void)
{
	return st.current;
}

const char *pe_i18n_tr(const char *code, const char *msgid)
{
	return translate_in(code, NULL, msgid);
}

const char *pe_i18n_trc(const char *code, const char *ctx_msgid, const char *msgid)
{
	return translate_in(code, ctx_msgid, msgid);
}

const char *pe_i18n_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = dgettext(PE_TEXT_DOMAIN, ctx_msgid);
	/* No translation: gettext hands back the "ctx\004msgid" key itself. */
	return t == ctx_msgid ? msgid : t;
}

bool pe_i18n_format_date(const char *code, const char *iso, char *buf, size_t size)
{
	int y, m, d;
	if (!buf || size == 0 || !pe_date_parse(iso, &y, &m, &d) || !find(code))
		return false;
	bool other = strcmp(code, st.current) != 0;
	if (other)
		switch_to(code);
	/* Built at run time so each name is looked up in the language now set.
	   TRANSLATORS: month names as they stand inside a full date (Spanish
	   writes them in lower case: "junio"). */
	const char *months[12] = {
		C_("month", "January"), C_("month", "February"), C_("month", "March"),
		C_("month", "April"), C_("month", "May"), C_("month", "June"),
		C_("month", "July"), C_("month", "August"), C_("month", "September"),
		C_("month", "October"), C_("month", "November"), C_("month", "December"),
	};
	/* TRANSLATORS: a full date, e.g. "June 4, 2024". %1$s is the month
	   name, %2$d the day, %3$d the year; reorder them as your language
	   writes dates, e.g. Spanish "%2$d de %1$s de %3$d" (4 de junio de
	   2024). Keep the three conversions exactly (msgfmt checks them). */
	const char *fmt = C_("date", "%1$s %2$d, %3$d");
	int n = snprintf(buf, size, fmt, months[m - 1], d, y);
	if (other)
		switch_to(st.current);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return false;
	}
	return true;
}
