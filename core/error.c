/* SPDX-License-Identifier: MIT */
/* error.c - see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pe_error_set(pe_error *err, const char *file, int line, const char *fmt, ...)
{
	if (!err)
		return;
	size_t n = 0;
	if (file && line > 0)
		n = (size_t)snprintf(err->msg, sizeof err->msg, "%s:%d: ", file, line);
	else if (file)
		n = (size_t)snprintf(err->msg, sizeof err->msg, "%s: ", file);
	if (n >= sizeof err->msg)
		n = sizeof err->msg - 1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof err->msg - n, fmt, ap);
	va_end(ap);
	/* One line, always: a message from libxml2 may end in '\n'. */
	for (char *p = err->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = (p[1] ? ' ' : '\0');
}

void pe_error_prefix(pe_error *err, const char *what)
{
	if (!err || !what)
		return;
	char tmp[PE_ERROR_MAX];
	size_t n = strlen(what);
	if (n > sizeof tmp - 3)
		n = sizeof tmp - 3;
	memcpy(tmp, what, n);
	memcpy(tmp + n, ": ", 2);
	size_t rest = strnlen(err->msg, sizeof err->msg - 1);
	if (rest > sizeof tmp - 1 - n - 2)
		rest = sizeof tmp - 1 - n - 2;
	memcpy(tmp + n + 2, err->msg, rest);
	tmp[n + 2 + rest] = '\0';
	memcpy(err->msg, tmp, sizeof tmp);
}

char *pe_error_quote(char *dst, size_t size, const char *s)
{
	if (size == 0)
		return dst;
	size_t n = strnlen(s, size);
	if (n < size) {
		memcpy(dst, s, n + 1);
		return dst;
	}
	if (size < 4) {
		dst[0] = '\0';
		return dst;
	}
	n = size - 4;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)   /* not inside a character */
		n--;
	memcpy(dst, s, n);
	memcpy(dst + n, "...", 4);
	return dst;
}
