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
			if (groups_hint)
				pe_error_set(err, file, pe_keyfile_line(data, *g, NULL),
				             "unknown group [%s] (known: %s)", *g, groups_hint);
			else
				pe_error_set(err, file, pe_keyfile_line(data, *g, NULL),
				             "unknown group [%s]", *g);
			ok = false;
			break;
		}
		gchar **keys = g_key_file_get_keys(kf, *g, NULL, NULL);
		for (gchar **k = keys; ok && k && *k; k++) {
			if (!known(*g, *k)) {
				pe_error_set(err, file, pe_keyfile_line(data, *g, *k),
				             "[%s] %s: unknown key", *g, *k);
				ok = false;
			}
		}
		g_strfreev(keys);
	}
	g_strfreev(groups);
	return ok;
}
