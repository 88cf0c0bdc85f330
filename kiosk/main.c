/* SPDX-License-Identifier: MIT */
/*
 * main.c - the kiosk program: read the arguments, run the window or a
 * headless script. Everything else lives in the modules.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "kiosk.h"
#include "loop.h"
#include "script.h"

static void usage(FILE *f)
{
	fputs("usage: kiosk [--site FILE] [--lang L] [--windowed] [--size WxH]\n"
	      "       kiosk --headless --size WxH --script FILE [--shots DIR] [--lang L]\n"
	      "             [--site FILE] [--paint-every-frame] [--verbose]\n",
	      f);
}

static bool parse_size(const char *s, int *w, int *h)
{
	char x;
	return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 100 &&
	       *h >= 100 && *w <= 16384 && *h <= 16384;
}

int main(int argc, char **argv)
{
	pe_kiosk_options ko = { 0 };
	pe_output_options oo = { 0 };
	pe_script_options so = { 0 };
	bool headless = false;
	int w = 0, h = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--site") == 0 && next) {
			ko.site_path = argv[++i];
		} else if (strcmp(a, "--lang") == 0 && next) {
			ko.lang = argv[++i];
		} else if (strcmp(a, "--windowed") == 0) {
			oo.windowed = true;
		} else if (strcmp(a, "--size") == 0 && next) {
			if (!parse_size(argv[++i], &w, &h)) {
				fprintf(stderr, "kiosk: --size wants WIDTHxHEIGHT, like 1920x1080\n");
				return 2;
			}
		} else if (strcmp(a, "--headless") == 0) {
			headless = true;
		} else if (strcmp(a, "--script") == 0 && next) {
			so.path = argv[++i];
		} else if (strcmp(a, "--shots") == 0 && next) {
			so.shots_dir = argv[++i];
		} else if (strcmp(a, "--paint-every-frame") == 0) {
			so.paint_every_frame = true;
		} else if (strcmp(a, "--verbose") == 0) {
			so.verbose = true;
		} else if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "kiosk: unknown or incomplete argument '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	pe_error err = { "" };
	if (!headless) {
		oo.width = w;
		oo.height = h;
		if (!pe_loop_run(&ko, &oo, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		return 0;
	}
	if (!so.path || w <= 0) {
		fprintf(stderr, "kiosk: --headless needs --size WxH and --script FILE\n");
		return 2;
	}
	/* The screenshots' folder is made if missing (like make's build/). */
	if (so.shots_dir && g_mkdir_with_parents(so.shots_dir, 0755) != 0) {
		fprintf(stderr, "kiosk: %s: cannot make the screenshot folder: %s\n", so.shots_dir,
		        strerror(errno));
		return 1;
	}
	ko.width = w;
	ko.height = h;
	pe_kiosk *k = pe_kiosk_create(&ko, 0, &err);
	if (!k) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	long events = 0;
	bool ok = pe_script_run(k, &so, &events, &err);
	/* Every replay also checks that each letter painted had a glyph
	 * (a box instead is a missing font, never a pass). */
	const pe_painter *painter = pe_kiosk_painter(k);
	unsigned long missing = ok ? pe_painter_missing_glyphs(painter) : 0;
	if (missing)
		pe_error_set(&err, so.path, 0, "%lu glyphs painted with no font (first U+%04X in \"%s\")",
		             missing, pe_painter_first_missing(painter), pe_painter_first_missing_text(painter));
	pe_kiosk_destroy(k);
	if (!ok || missing) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	return 0;
}
