/*
 * validate.h - the small values people type: ids, phone numbers, dates.
 *
 * One definition each, used by the content loader, the site file and the
 * painters alike, so the same value is never good in one place and bad in
 * another. Pure functions: no allocation, no I/O, no locale.
 */
#ifndef PE_VALIDATE_H
#define PE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* An id: lower-case letters and digits joined by single hyphens
 * ([a-z0-9]+(-[a-z0-9]+)*), as topic, section and source ids are. */
bool pe_ident_valid(const char *s);

/* A phone number as written in a topic: [0-9+][0-9 ()-]{2,30}. */
bool pe_phone_valid(const char *s);

/* An ISO date, exactly YYYY-MM-DD and a real calendar day (year 1 to
 * 9999, leap years counted). *y, *m, *d are set only on success; any of
 * them may be NULL. */
bool pe_date_parse(const char *iso, int *y, int *m, int *d);

#endif
