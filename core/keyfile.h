/* SPDX-License-Identifier: MIT */
/*
 * keyfile.h - what GKeyFile does not do for our INI files (site file,
 * handout templates): line numbers for messages, and refusing groups and
 * keys the program does not know (a typo must not be silently ignored).
 * Parsing values stays with each module; this one never reads files.
 */
#ifndef PE_KEYFILE_H
#define PE_KEYFILE_H

#include <glib.h>
#include <stdbool.h>

#include "error.h"

/* The 1-based line of "key =" in [group] of INI text (the last one, as
 * GKeyFile keeps the last), of "[group]" when key is NULL, or 0 when
 * absent. GKeyFile reports no line numbers; messages need them. */
int pe_keyfile_line(const char *data, const char *group, const char *key);

/* The first line GKeyFile would reject (not blank, comment, [group] or
 * key=value), or 0. */
int pe_keyfile_bad_line(const char *data);

/* Check INI text read from a file before GKeyFile sees it, and return
 * where the text to parse starts (after a UTF-8 byte-order mark, which
 * Windows editors write and GKeyFile does not take). NULL with err set
 * ("FILE:LINE: ...") for a NUL byte (GKeyFile would silently stop there:
 * a clinic name cut short) or bytes that are not UTF-8. len is the
 * length of data, NUL bytes included. */
const char *pe_keyfile_text(const char *data, size_t len, const char *file, pe_error *err);

/* g_key_file_load_from_data on checked text, with the error as
 * "FILE:LINE: ..." quoting at most PE_QUOTE_MAX bytes of the bad line. */
bool pe_keyfile_load(GKeyFile *kf, const char *text, const char *file, pe_error *err);

/* Whether a group (key NULL) or a key in a group is one the caller knows. */
typedef bool (*pe_keyfile_known_fn)(const char *group, const char *key);

/* Every group and key of kf must be known. On the first that is not,
 * err gets "file:line: unknown group [g] (known: HINT)" or
 * "file:line: [g] k: unknown key" and the result is false. groups_hint
 * may be NULL. data is the text kf was parsed from (for line numbers). */
bool pe_keyfile_check_known(GKeyFile *kf, const char *file, const char *data,
                            pe_keyfile_known_fn known, const char *groups_hint,
                            pe_error *err);

#endif
