/* SPDX-License-Identifier: MIT */
/*
 * validate.h - the small values people type: ids, phone numbers, language
 * codes, dates.
 *
 * One definition each, used by the content loader, the site file, i18n,
 * layout and the painters alike, so the same value is never good in one
 * place and bad in another, and a phone number always dials the same
 * digits. Pure functions: no allocation, no I/O, no locale.
 */
#ifndef PE_VALIDATE_H
#define PE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* An id: lower-case letters and digits joined by single hyphens
 * ([a-z0-9]+(-[a-z0-9]+)*), as topic, section and source ids are. */
bool pe_ident_valid(const char *s);

/* A phone number as people write it, in a topic's <phone> and in the site
 * file alike: digits, spaces, ( ) - and ., and at most one + before the
 * first digit ("+1 (555) 010-0199", "(+44) 20 7946 0000", "555.010.0100",
 * "911"); it starts with a digit, a + or a (; 3 to 15 digits (E.164 has at
 * most 15); at most PE_PHONE_MAX_CHARS characters. Matched as written: no
 * trimming. */
#define PE_PHONE_MAX_CHARS 31
bool pe_phone_valid(const char *s);

/* The tel: URI that dials the first n bytes of a written phone number (n
 * stops early at a NUL): "tel:" and its digits, with the + kept when it
 * comes before every digit ("(+44) 20 7946 0000" -> "tel:+442079460000",
 * "1-800-227-2345" -> "tel:18002272345"). Always NUL-terminated; cut at
 * size - 1 bytes (64 bytes hold any number pe_phone_valid accepts). */
void pe_phone_tel_uri(const char *text, size_t n, char *out, size_t size);

/* A gettext language code, as locales/LINGUAS lists them and the kiosk and
 * the handout command take them: ll or lll, optionally _CC (an upper-case
 * country) or _NNN (a UN M.49 region), optionally @variant (lower-case
 * letters and digits): "es", "fil", "pt_BR", "zh_CN", "es_419", "sr@latin". Shorter than PE_LANG_CODE_MAX bytes. */
#define PE_LANG_CODE_MAX 16
bool pe_lang_valid(const char *code);

/* Whether the language of a gettext code is written right to left:
 * Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Kurdish (Sorani), Uyghur,
 * Yiddish, Dhivehi; the country or variant does not matter ("ar_EG").
 * False for NULL or an unknown code. */
bool pe_lang_rtl(const char *code);

/* The BCP 47 tag of a valid gettext code, for a PDF's /Lang: "pt_BR" ->
 * "pt-BR", "es_419" -> "es-419", "sr@latin" -> "sr-Latn", "sr@cyrillic" -> "sr-Cyrl"; any other
 * @variant is dropped (the language alone is still right). False when the
 * code is not valid or out (PE_LANG_CODE_MAX bytes is enough) is too
 * small. */
bool pe_lang_tag(const char *code, char *out, size_t size);

/* An ISO date, exactly YYYY-MM-DD and a real calendar day (year 1 to
 * 9999, leap years counted). *y, *m, *d are set only on success; any of
 * them may be NULL. */
bool pe_date_parse(const char *iso, int *y, int *m, int *d);

#endif
