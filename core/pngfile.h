/* SPDX-License-Identifier: MIT */
/*
 * pngfile.h - the one place that reads PNG files we are given (the clinic's
 * logo): its header for the size, or the whole file, checked.
 *
 * libharu hands PNG errors to libpng without a setjmp, so a damaged file
 * makes libpng abort() the process: the handout command and the kiosk's
 * Print with it. So a PNG is read whole here first, every chunk and every
 * row decoded (one row at a time: memory stays bounded), and the painter
 * then embeds exactly the bytes that were checked. A logo larger than
 * PE_PNG_MAX_SIDE pixels on a side is refused: nothing on paper needs it,
 * and a 20000 x 20000 one took libharu 156 s and 1.2 GB.
 */
#ifndef PE_PNGFILE_H
#define PE_PNGFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* 2000 px is 6.7 in at 300 dpi: more than any logo on a page needs. */
#define PE_PNG_MAX_SIDE 2000
/* A file larger than this is not read (a 2000 x 2000 RGBA image that
 * does not compress at all is 16 MB). */
#define PE_PNG_MAX_BYTES (32u << 20)

typedef struct pe_png {
	unsigned char *data;   /* the whole file, owned */
	size_t size;
	unsigned width, height;
	int bit_depth;         /* 1, 2, 4, 8 or 16 */
} pe_png;

/* Width, height and bit depth from the signature and IHDR chunk at the
 * start of the file (bit_depth may be NULL). False with err set
 * ("PATH: truncated PNG", "PATH: not a PNG image", "PATH: does not exist")
 * otherwise. Reads 33 bytes: for layout, after pe_png_load checked the
 * file once. */
bool pe_png_header(const char *path, unsigned *width, unsigned *height, int *bit_depth,
                   pe_error *err);

/* Read and check a whole PNG: signature, header, size limit, the CRC of
 * every chunk and all of the image data. On success png holds the file's
 * bytes (free with pe_png_free). On failure err names the file and the
 * problem: "truncated PNG", "damaged PNG (IDAT: CRC error)", "is 20000 x
 * 20000 pixels; at most 2000 x 2000", ... */
bool pe_png_load(const char *path, pe_png *png, pe_error *err);

/* The same check for bytes already in memory (name is for messages). */
bool pe_png_check(const unsigned char *data, size_t size, const char *name, pe_png *info,
                  pe_error *err);

void pe_png_free(pe_png *png);   /* accepts NULL and a zeroed pe_png */

#endif
