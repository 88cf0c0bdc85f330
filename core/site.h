/* SPDX-License-Identifier: MIT */
/*
 * site.h - the clinic's own settings (a GKeyFile / INI site file).
 *
 *   [clinic]
 *   name = Riverside Infusion Center
 *   phone = 555-0100
 *   after_hours_phone = 555-0199
 *   logo = /etc/patient-ed/logo.png     (optional, PNG)
 *   [kiosk]
 *   idle_seconds = 90
 *   staff_pin = 4321
 *   printer = infusion-desk             (CUPS queue; empty: default)
 *   default_language = en
 *   screen_diagonal_inches = 23.8       (for 15 mm touch targets)
 *   high_contrast = false
 *   speech = true                       (the "Listen" button; false: none)
 *
 * Every key has a default; no site file at all is valid (handouts then
 * carry blank lines for the care team's phone). An unknown group or key,
 * a bad value or a logo that does not exist is an error naming the file,
 * line and key. Parsing builds a fresh struct; callers swap it in only on
 * success (reload is all-or-nothing).
 */
#ifndef PE_SITE_H
#define PE_SITE_H

#include <stdbool.h>

#include "error.h"

typedef struct pe_site {
	char *clinic_name;        /* owned; NULL = not set */
	char *phone;              /* owned; NULL = not set */
	char *after_hours_phone;  /* owned; NULL = not set */
	char *logo;               /* owned absolute path to a PNG; NULL = none */
	int idle_seconds;         /* default 90 */
	char *staff_pin;          /* owned; NULL = staff menu disabled */
	char *printer;            /* owned; NULL = CUPS default destination */
	char *default_language;   /* owned; default "en" */
	double screen_diagonal_in;/* default 23.8 */
	bool high_contrast;       /* default false */
	bool speech;              /* default true: the kiosk reads aloud */
} pe_site;

/* Defaults only (no file). Returns NULL when out of memory. */
pe_site *pe_site_new_default(void);
/* Parse a site file; NULL with err set on any problem. */
pe_site *pe_site_load(const char *path, pe_error *err);
/* Parse from memory (tests); name is used in messages. */
pe_site *pe_site_load_data(const char *data, const char *name, pe_error *err);
void pe_site_destroy(pe_site *site);   /* accepts NULL */

#endif
