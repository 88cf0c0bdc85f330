/* SPDX-License-Identifier: MIT */
/*
 * fuzz_script.c - the kiosk's headless script (kiosk/script.c): bytes as a
 * .kiosk script, replayed on a fresh kiosk (default site, 1280x800, the
 * staged content) as `kiosk --headless --script FILE` replays one. Every
 * parsed command drives the real app, screens and layout, so this also
 * fuzzes the kiosk's state machine through its input.
 *
 * Made safe to run unattended:
 *   - an input with "exec" anywhere is refused (libFuzzer drops it):
 *     exec runs a shell command, and a line over the read buffer is split,
 *     so "exec" is looked for everywhere, not only at a line's start;
 *   - "repeat" counts that multiply past 1000 are refused (slow, not
 *     wrong: a script is trusted test input);
 *   - PATH has no lp, so "Print this" fails the way a missing lp does;
 *   - no shots directory: "shot" writes nothing.
 */
#define _GNU_SOURCE   /* memmem */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk.h"
#include "script.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pe_fuzz_setup();
	pe_fuzz_no_lp();
	return 0;
}

static bool acceptable(const uint8_t *data, size_t size)
{
	if (memmem(data, size, "exec", 4))
		return false;
	double product = 1;
	for (const uint8_t *p = data, *end = data + size;
	     (p = memmem(p, (size_t)(end - p), "repeat", 6)) != NULL; p += 6) {
		char num[32];
		size_t n = 0;
		for (const uint8_t *q = p + 6; q < end && n + 1 < sizeof num && *q != '\n'; q++)
			num[n++] = (char)*q;
		num[n] = 0;
		long count = atol(num);
		if (count > 1)
			product *= (double)count;
		if (product > 1000)
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!acceptable(data, size))
		return -1;
	pe_error err = { { 0 } };
	pe_kiosk_options ko = { .width = 1280, .height = 800 };
	pe_kiosk *k = pe_kiosk_create(&ko, 0, &err);
	if (!k)
		pe_fuzz_fail("kiosk: %s", err.msg);
	char path[64];
	int fd = pe_fuzz_file(data, size, path, sizeof path);
	pe_script_options so = { .path = path };
	long events = 0;
	pe_script_run(k, &so, &events, &err);
	close(fd);
	pe_kiosk_destroy(k);
	return 0;
}
