/* SPDX-License-Identifier: MIT */
/*
 * pngfile.c - read and check PNG files (see pngfile.h). The one copy of PNG
 * header parsing in the tree. Never prints (libpng's warnings are
 * silenced), never aborts: libpng errors come back here through setjmp.
 */
#include "pngfile.h"

#include <errno.h>
#include <stdarg.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* Bytes up to the end of IHDR's data: signature, length, type, 13 bytes. */
#define HEADER_BYTES 29

/* Paths in messages: whole up to 200 bytes (a site file's 1 MB "logo ="
 * line must not push the problem out of the message). */
static void set_error(pe_error *err, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set_error(pe_error *err, const char *file, const char *fmt, ...)
{
	char q[200], what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	pe_error_set(err, pe_error_quote(q, sizeof q, file), 0, "%s", what);
}

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The header checks shared by pe_png_header and pe_png_check. */
static bool parse_header(const unsigned char *b, size_t n, const char *name, pe_png *info,
                         pe_error *err)
{
	if (n < sizeof signature || memcmp(b, signature, sizeof signature) != 0) {
		set_error(err, name, "not a PNG image");
		return false;
	}
	if (n < HEADER_BYTES) {
		set_error(err, name, "truncated PNG");
		return false;
	}
	if (be32(b + 8) != 13 || memcmp(b + 12, "IHDR", 4) != 0) {
		set_error(err, name, "damaged PNG (no IHDR chunk first)");
		return false;
	}
	uint32_t w = be32(b + 16), h = be32(b + 20);
	if (w == 0 || h == 0) {
		set_error(err, name, "damaged PNG (%u x %u pixels)", (unsigned)w, (unsigned)h);
		return false;
	}
	if (w > PE_PNG_MAX_SIDE || h > PE_PNG_MAX_SIDE) {
		set_error(err, name, "is %u x %u pixels; at most %d x %d (scale it down)",
		             (unsigned)w, (unsigned)h, PE_PNG_MAX_SIDE, PE_PNG_MAX_SIDE);
		return false;
	}
	info->width = w;
	info->height = h;
	info->bit_depth = b[24];
	return true;
}

static bool open_problem(const char *path, pe_error *err)
{
	set_error(err, path, "%s", errno == ENOENT ? "does not exist" : strerror(errno));
	return false;
}

bool pe_png_header(const char *path, unsigned *width, unsigned *height, int *bit_depth,
                   pe_error *err)
{
	unsigned char b[HEADER_BYTES];
	FILE *f = fopen(path, "rb");
	if (!f)
		return open_problem(path, err);
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	pe_png info = { 0 };
	if (!parse_header(b, n, path, &info, err))
		return false;
	*width = info.width;
	*height = info.height;
	if (bit_depth)
		*bit_depth = info.bit_depth;
	return true;
}

/* ---- the whole file, through libpng ------------------------------------ */

typedef struct reader {
	const unsigned char *data;
	size_t size, pos;
	bool truncated;
	char msg[160];     /* libpng's first error */
} reader;

static void on_error(png_structp png, png_const_charp msg)
{
	reader *r = png_get_error_ptr(png);
	if (!r->msg[0])
		snprintf(r->msg, sizeof r->msg, "%s", msg);
	png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;   /* a library never prints; a warning is no failure */
}

static void on_read(png_structp png, png_bytep out, size_t n)
{
	reader *r = png_get_io_ptr(png);
	if (n > r->size - r->pos) {
		r->truncated = true;
		png_error(png, "truncated");
	}
	memcpy(out, r->data + r->pos, n);
	r->pos += n;
}

/* Decode every row of every pass into one row buffer and read on to IEND:
 * what libharu will later do, but with errors that come back. */
static bool decode_all(reader *r)
{
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r, on_error, on_warning);
	if (!png) {
		snprintf(r->msg, sizeof r->msg, "out of memory");
		return false;
	}
	png_infop info = png_create_info_struct(png);
	unsigned char *volatile row = NULL;
	bool ok = false;
	if (!info) {
		snprintf(r->msg, sizeof r->msg, "out of memory");
		goto out;
	}
	if (setjmp(png_jmpbuf(png)))
		goto out;
	png_set_read_fn(png, r, on_read);
	png_set_user_limits(png, PE_PNG_MAX_SIDE, PE_PNG_MAX_SIDE);
	/* A damaged chunk is a damaged file, ancillary or not. */
	png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
	png_read_info(png, info);
	int passes = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	png_uint_32 h = png_get_image_height(png, info);
	if (!(row = malloc(png_get_rowbytes(png, info)))) {
		snprintf(r->msg, sizeof r->msg, "out of memory");
		goto out;
	}
	for (int p = 0; p < passes; p++)
		for (png_uint_32 y = 0; y < h; y++)
			png_read_row(png, row, NULL);
	png_read_end(png, NULL);
	ok = true;
out:
	free(row);
	png_destroy_read_struct(&png, info ? &info : NULL, NULL);
	return ok;
}

bool pe_png_check(const unsigned char *data, size_t size, const char *name, pe_png *info,
                  pe_error *err)
{
	pe_png tmp = { 0 };
	if (!parse_header(data, size, name, &tmp, err))
		return false;
	reader r = { .data = data, .size = size };
	if (!decode_all(&r)) {
		if (r.truncated)
			set_error(err, name, "truncated PNG");
		else
			set_error(err, name, "damaged PNG (%s)", r.msg);
		return false;
	}
	if (info) {
		info->width = tmp.width;
		info->height = tmp.height;
		info->bit_depth = tmp.bit_depth;
	}
	return true;
}

bool pe_png_load(const char *path, pe_png *png, pe_error *err)
{
	memset(png, 0, sizeof *png);
	FILE *f = fopen(path, "rb");
	if (!f)
		return open_problem(path, err);
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;
	for (;;) {
		if (n == cap) {
			if (cap >= PE_PNG_MAX_BYTES) {
				set_error(err, path, "larger than %u MB; not a logo",
				             PE_PNG_MAX_BYTES >> 20);
				ok = false;
				break;
			}
			cap = cap ? cap * 2 : 65536;
			unsigned char *nb = realloc(buf, cap + 1);
			if (!nb) {
				set_error(err, path, "out of memory reading the PNG");
				ok = false;
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ok && ferror(f)) {
		set_error(err, path, "cannot read the PNG");
		ok = false;
	}
	fclose(f);
	if (ok && (ok = pe_png_check(buf, n, path, png, err))) {
		png->data = buf;
		png->size = n;
		return true;
	}
	free(buf);
	memset(png, 0, sizeof *png);
	return false;
}

void pe_png_free(pe_png *png)
{
	if (!png)
		return;
	free(png->data);
	memset(png, 0, sizeof *png);
}
