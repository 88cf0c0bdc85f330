/* SPDX-License-Identifier: MIT */
/* keyfile.c - see keyfile.h. */
#include "keyfile.h"

#include <string.h>

int pe_keyfile_line(const char *data, const char *group, const char *key)
{
	int line = 0, found = 0;
	bool in_group = false;
	size_t glen = strlen(group), klen = key ? strlen(key) : 0;
	for (const char *s = data; *s;) {
		line++;
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		const char *p = s;
		while (p < s + n && (*p == ' ' || *p == '\t'))
			p++;
		if (*p == '[') {
			in_group = (size_t)(s + n - p) >= glen + 2 && strncmp(p + 1, group, glen) == 0 &&
			           p[glen + 1] == ']';
			if (in_group && !key)
				found = line;
		} else if (in_group && key && strncmp(p, key, klen) == 0) {
			const char *q = p + klen;
			if (*q == '[')     /* localised key: key[es] = ... */
				q = memchr(q, ']', (size_t)(s + n - q)) ? (char *)memchr(q, ']', (size_t)(s + n - q)) + 1 : q;
			while (q < s + n && (*q == ' ' || *q == '\t'))
				q++;
			if (q < s + n && *q == '=')
				found = line;
		}
		s = end ? end + 1 : s + n;
	}
	return found;
}

/* "[name]" with nothing but blanks after it ("[type]  # note" is no
 * group to GKeyFile: it reads it as a key). */
static bool group_line(const char *p, const char *end)
{
	const char *close = memchr(p, ']', (size_t)(end - p));
	if (*p != '[' || !close)
		return false;
	for (const char *q = close + 1; q < end; q++)
		if (!g_ascii_isspace(*q))
			return false;
	return true;
}

/* "key = value" or "key[locale] = value": a key with no '[' but for a
 * locale at its end. */
static bool key_line(const char *p, const char *end)
{
	const char *eq = memchr(p, '=', (size_t)(end - p));
	if (!eq || eq == p)
		return false;
	const char *k = eq;
	while (k > p && g_ascii_isspace(k[-1]))
		k--;
	const char *open = memchr(p, '[', (size_t)(k - p));
	return !open || (k[-1] == ']' && !memchr(open + 1, '[', (size_t)(k - open - 1)));
}

/* The first line GKeyFile would reject: not blank, not a comment, not a
 * [group] and not key=value. */
int pe_keyfile_bad_line(const char *data)
{
	int line = 0;
	for (const char *s = data; *s;) {
		line++;
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		const char *p = s;
		while (p < s + n && g_ascii_isspace(*p))
			p++;
		bool ok = p == s + n || *p == '#' || group_line(p, s + n) || key_line(p, s + n);
		if (!ok)
			return line;
		s = end ? end + 1 : s + n;
	}
	return 0;
}

bool pe_keyfile_check_known(GKeyFile *kf, const char *file, const char *data,
                            pe_keyfile_known_fn known, const char *groups_hint,
                            pe_error *err)
{
	bool ok = true;
	gchar **groups = g_key_file_get_groups(kf, NULL);
	for (gchar **g = groups; ok && *g; g++) {
		if (!known(*g, NULL)) {
			char q[PE_QUOTE_MAX];
			pe_error_quote(q, sizeof q, *g);
			if (groups_hint)
				pe_error_set(err, file, pe_keyfile_line(data, *g, NULL),
				             "unknown group [%s] (known: %s)", q, groups_hint);
			else
				pe_error_set(err, file, pe_keyfile_line(data, *g, NULL),
				             "unknown group [%s]", q);
			ok = false;
			break;
		}
		gchar **keys = g_key_file_get_keys(kf, *g, NULL, NULL);
		for (gchar **k = keys; ok && k && *k; k++) {
			if (!known(*g, *k)) {
				char q[PE_QUOTE_MAX];
				pe_error_set(err, file, pe_keyfile_line(data, *g, *k),
				             "[%s] %s: unknown key", *g, pe_error_quote(q, sizeof q, *k));
				ok = false;
			}
		}
		g_strfreev(keys);
	}
	g_strfreev(groups);
	return ok;
}

/* The 1-based line that byte offset at falls on. */
static int line_at(const char *data, size_t at)
{
	int line = 1;
	for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + at - p))); p++)
		line++;
	return line;
}

const char *pe_keyfile_text(const char *data, size_t len, const char *file, pe_error *err)
{
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		pe_error_set(err, file, line_at(data, (size_t)(nul - data)),
		             "a NUL byte: not a text file (saved by a word processor?)");
		return NULL;
	}
	const char *bad;
	if (!g_utf8_validate(data, (gssize)len, &bad)) {
		pe_error_set(err, file, line_at(data, (size_t)(bad - data)),
		             "not UTF-8 text (save the file as UTF-8)");
		return NULL;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		return data + 3;   /* the same lines, so the same line numbers */
	return data;
}

bool pe_keyfile_load(GKeyFile *kf, const char *text, const char *file, pe_error *err)
{
	GError *gerr = NULL;
	if (g_key_file_load_from_data(kf, text, (gsize)-1, G_KEY_FILE_NONE, &gerr))
		return true;
	int line = pe_keyfile_bad_line(text);
	if (line > 0) {
		/* GKeyFile quotes the whole line: cut it, so the cause shows. */
		const char *s = text;
		for (int i = 1; i < line; i++)
			s = strchr(s, '\n') + 1;
		size_t n = strcspn(s, "\r\n");
		char *copy = g_strndup(s, n), q[PE_QUOTE_MAX];
		pe_error_set(err, file, line, "not a [group], a key = value or a # comment: \"%s\"",
		             pe_error_quote(q, sizeof q, g_strstrip(copy)));
		g_free(copy);
	} else {
		char q[256];
		pe_error_set(err, file, 0, "%s", pe_error_quote(q, sizeof q, gerr->message));
	}
	g_error_free(gerr);
	return false;
}
