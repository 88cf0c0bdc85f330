/* SPDX-License-Identifier: MIT */
/*
 * error.h - one-line error messages that name the file, line and problem.
 *
 * Library code never prints and never exits: it fills a pe_error (when the
 * caller passed one) and returns NULL or false. Programs print err.msg.
 * Format: "content/ivig.xml:41: <event> needs an \"at\" attribute".
 */
#ifndef PE_ERROR_H
#define PE_ERROR_H

#include <stddef.h>

#define PE_ERROR_MAX 1024

typedef struct pe_error {
	char msg[PE_ERROR_MAX];
} pe_error;

/* Set the message. file may be NULL (then no "file:" prefix); line <= 0
 * leaves out the line. err may be NULL (then nothing happens). */
void pe_error_set(pe_error *err, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A value quoted in a message: s itself when it fits in size - 1 bytes,
 * else its start cut on a UTF-8 character boundary and "..." (a 1 MB
 * line must not push the cause out of the message). Returns dst. */
#define PE_QUOTE_MAX 64
char *pe_error_quote(char *dst, size_t size, const char *s);

/* Prefix an existing message with "what: " (e.g. the program stage). */
void pe_error_prefix(pe_error *err, const char *what);

#endif
