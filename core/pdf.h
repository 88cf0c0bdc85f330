/* SPDX-License-Identifier: MIT */
/*
 * pdf.h - paint a display list (dlist.h) into a PDF file with libharu.
 *
 * The painter does no layout: every text op is one finished line drawn at
 * its position with the bundled TrueType fonts embedded. Text is written
 * in WinAnsi (CP1252) when every string of the document converts, else
 * through libharu's UTF-8 route (the pseudo-locale needs it). The file is
 * written to a temporary name in the same directory and renamed on
 * success (atomicfile.h), so a failure never leaves a partial file and
 * leaves an older file at the output path as it was.
 */
#ifndef PE_PDF_H
#define PE_PDF_H

#include <stdbool.h>

#include "dlist.h"
#include "error.h"
#include "fonts.h"

/* Which text encoding a document will use (exposed for tests). */
typedef enum pe_pdf_encoding {
	PE_PDF_WINANSI,   /* every string converts to CP1252 */
	PE_PDF_UTF8,      /* some string does not: libharu's UTF-8 route */
} pe_pdf_encoding;

/* Decide the encoding of a display list. False with err set when some text
 * is not valid UTF-8 (the message quotes the text). */
/* The time a PDF says it was made, in UTC: SOURCE_DATE_EPOCH when set
 * (reproducible builds: the same bytes twice), else now. Both writers
 * (libharu's and Cairo's) use it. */
struct tm;
void pe_pdf_made_at(struct tm *tm);

bool pe_pdf_choose_encoding(const pe_dlist *dl, pe_pdf_encoding *enc, pe_error *err);

/* Write dl to out_path. The version string goes into the Creator field. */
bool pe_pdf_write(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                  pe_error *err);

/* The same with the TrueType file of each face given directly (tests, and
 * tools that have no pe_fonts). */
bool pe_pdf_write_files(const pe_dlist *dl, const char *const font_paths[PE_FACE_COUNT],
                        const char *out_path, pe_error *err);

#endif
