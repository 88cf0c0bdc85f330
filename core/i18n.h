/* SPDX-License-Identifier: MIT */
/*
 * i18n.h - languages: which exist, UI strings, localised dates.
 *
 * The languages are the ones the build produced (<datadir>/LINGUAS); an
 * unknown code is an error that lists the available ones. UI strings
 * written in C use gettext in the domain "patient-ed" (catalogs in
 * <datadir>/locale). Switching language works in one process on a host
 * that has only the C.UTF-8 locale: setlocale(LC_ALL, "C.UTF-8"), LANGUAGE
 * set to the code, and textdomain() called again to drop gettext's cache.
 * A long-running program binds to a private snapshot of the catalogues
 * (pe_i18n_snapshot) so that drop never picks up files changed on disk.
 * Content is per language and loaded side by side (content.h), so a PDF can
 * be made in one language while the screen shows another.
 *
 * gettext's state is process-global by nature; this module is the one
 * place that touches it.
 */
#ifndef PE_I18N_H
#define PE_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "error.h"

/* The most languages a build may offer, the pseudo-locale's slot
 * included: a LINGUAS that lists more (besides English) is an error that
 * says so, never a silent drop. The kiosk's language switch offers every
 * one, so its arrays are this size too. */
#define PE_LANG_MAX 16

/* Every UI string carries a context (msgctxt) naming where it is shown,
 * "kiosk/print", "handout/footer", "timeline": the same English word
 * ("Print", "Clear", "Home") may need two translations, and translators
 * see where each string goes. Code uses C_(), NC_() and CP_(); _(), N_()
 * and P_() are still extracted, but `make po-qa` fails on the entry they
 * make (no context), naming the file and line. */
#define PE_TEXT_DOMAIN "patient-ed"
#define _(s) dgettext(PE_TEXT_DOMAIN, s)
#define N_(s) (s)
#define C_(ctx, s) pe_i18n_pgettext(ctx "\004" s, s)
/* Plural: P_("%d page", "%d pages", n) (xgettext keyword P_:1,2). */
#define P_(s, p, n) dngettext(PE_TEXT_DOMAIN, s, p, n)
/* Plural with context: CP_("kiosk/print", "%d copy", "%d copies", n)
 * (xgettext keyword CP_:1c,2,3). */
#define CP_(ctx, s, p, n) pe_i18n_npgettext(ctx "\004" s, s, p, n)
/* Mark a string with context for extraction only; the value is the
 * "ctx\004msgid" key to pass to pe_i18n_pgettext(), pe_i18n_trc() or
 * pe_i18n_tr_key() later (xgettext keyword NC_:1c,2). */
#define NC_(ctx, s) (ctx "\004" s)

/* Bind the text domain to <datadir>/locale and read LINGUAS. Every
 * language's catalogue is checked to be a whole .mo file: a truncated one
 * is an error naming it (gettext would take it without a word). */
bool pe_i18n_init(pe_error *err);
/* Also removes the snapshot, if one was made. */
void pe_i18n_finish(void);

/* For a long-running program (the kiosk): copy every language's built
 * catalogue, each checked to be a valid .mo file, into a private
 * directory (under $XDG_RUNTIME_DIR, else /tmp) and bind the domain to
 * it, so a catalogue changed on disk changes nothing until the next
 * snapshot. Call after pe_i18n_init and at each reload. On failure (a
 * broken catalogue: err names it) the previous binding stays as it was. */
bool pe_i18n_snapshot(pe_error *err);

/* Built languages, in LINGUAS order ("en" first). The pseudo-locale "qps"
 * (long accented text for layout tests) is known and can be set when the
 * build staged it, but is not counted here: it is never offered to
 * patients. */
size_t pe_i18n_count(void);
const char *pe_i18n_code(size_t i);
/* The language's own name: "English", "Español", from that language's
 * catalog (msgctxt "language-name", msgid "English"). NULL if unknown. */
const char *pe_i18n_native_name(const char *code);
bool pe_i18n_known(const char *code);
/* Check a code; on failure err says "unknown language 'xx' (available: en, es)". */
bool pe_i18n_check(const char *code, pe_error *err);

/* Switch the UI language for _() calls. */
bool pe_i18n_set_language(const char *code, pe_error *err);
const char *pe_i18n_language(void);

/* Translate msgid in a given language without changing the current one
 * for long (switches, translates, switches back). Returns a pointer into
 * the catalog or msgid itself. */
const char *pe_i18n_tr(const char *code, const char *msgid);

/* The same with a context key made by NC_(). */
const char *pe_i18n_trc(const char *code, const char *ctx_msgid, const char *msgid);

/* pgettext helper behind C_(). */
const char *pe_i18n_pgettext(const char *ctx_msgid, const char *msgid);

/* pe_i18n_trc() with the msgid taken from the key itself:
 * pe_i18n_tr_key("es", NC_("handout/footer", "Sources")). A key without
 * a context is looked up as a plain msgid. */
static inline const char *pe_i18n_tr_key(const char *code, const char *key)
{
	const char *eot = strchr(key, '\004');
	return eot ? pe_i18n_trc(code, key, eot + 1) : pe_i18n_tr(code, key);
}

/* npgettext helper behind CP_(): gettext hands back the key itself when
 * there is no translation and n is 1 (then the English singular). */
static inline const char *pe_i18n_npgettext(const char *ctx_msgid, const char *msgid,
                                            const char *msgid_plural, unsigned long n)
{
	const char *t = dngettext(PE_TEXT_DOMAIN, ctx_msgid, msgid_plural, n);
	return t == ctx_msgid ? msgid : t;
}

/* "2024-06-04" -> "June 4, 2024" / "4 de junio de 2024" in that language.
 * Returns false if iso is not a valid date or buf is too small. */
bool pe_i18n_format_date(const char *code, const char *iso, char *buf, size_t size);

#endif
