/* SPDX-License-Identifier: MIT */
/*
 * template.h - handout templates: paper, margins, type scale, colours and
 * which elements go in the header and footer, read from an INI file
 * (<datadir>/templates/<name>.ini, GLib GKeyFile syntax).
 *
 * Templates are data: a new paper size or type scale is a new file, not
 * new code. Every key has a default (US Letter, 13 pt body); an unknown
 * group or key and a bad value are errors naming the file, line and key.
 *
 *   [template]  layout = handout | bilingual | wallet-card
 *               description = free text
 *   [paper]     width, height, margin_top, margin_bottom, margin_left,
 *               margin_right  (lengths: 612, 612pt, 215.9mm, 8.5in, 2cm)
 *   [type]      body, heading, title, small  (points), leading (x body)
 *   [colors]    text, muted, heading, accent, band, band_text  (#rrggbb)
 *   [header]    elements = list of: clinic, title
 *   [footer]    elements = list of: page, revised, sources, clinic
 *   [body]      qr = bool (QR code beside phone cards), care_team = bool,
 *               icons = bool (icons before headings)
 */
#ifndef PE_TEMPLATE_H
#define PE_TEMPLATE_H

#include <stdbool.h>

#include "dlist.h"
#include "error.h"
#include "layout.h"

typedef enum pe_template_kind {
	PE_TEMPLATE_HANDOUT,     /* one language, one column */
	PE_TEMPLATE_BILINGUAL,   /* two languages side by side */
	PE_TEMPLATE_WALLET,      /* wallet card: front and back */
} pe_template_kind;

/* Header and footer elements (bits). */
enum pe_template_element {
	PE_EL_CLINIC = 1 << 0,   /* clinic name (or the product name) */
	PE_EL_TITLE = 1 << 1,    /* topic title */
	PE_EL_PAGE = 1 << 2,     /* "Page 1 of 2" */
	PE_EL_REVISED = 1 << 3,  /* "Revised June 4, 2024" */
	PE_EL_SOURCES = 1 << 4,  /* sources of the topic */
};

typedef struct pe_template {
	char *name;              /* owned: file name without .ini ("letter") */
	char *path;              /* owned: the file it came from */
	char *description;       /* owned, may be empty */
	pe_template_kind kind;
	double width, height;    /* points */
	double margin_top, margin_bottom, margin_left, margin_right;
	double body, heading, title, small, leading;
	pe_color text, muted, heading_color, accent, band, band_text;
	unsigned header, footer; /* enum pe_template_element bits */
	bool qr, care_team, icons;
	bool large_print;        /* promises large print: body >= 18, small >= 16 */
} pe_template;

/* Load <datadir>/templates/<name>.ini. An unknown name lists the ones
 * that exist. */
pe_template *pe_template_find(const char *name, pe_error *err);
pe_template *pe_template_load(const char *path, pe_error *err);
/* Parse from memory (tests); name is used in messages and as tpl->name. */
pe_template *pe_template_load_data(const char *data, const char *name, pe_error *err);
void pe_template_destroy(pe_template *tpl);   /* accepts NULL */

/* The layout style for this template (pe_style_default scaled from the
 * body size, then the template's sizes and colours). */
void pe_template_style(const pe_template *tpl, pe_style *st);

/* The smallest type allowed anywhere on this template's pages: 9 pt on a
 * handout, 16 pt in large print, 8 pt on a wallet card. */
double pe_template_min_size(const pe_template *tpl);

/* Printable area: x0, y0 (top-left) and x1, y1 (bottom-right), points. */
void pe_template_area(const pe_template *tpl, double *x0, double *y0, double *x1, double *y1);

/* Parse a length with an optional unit (pt, mm, cm, in) into points.
 * False when it is not a number with a known unit. */
bool pe_template_parse_length(const char *s, double *points);

#endif
