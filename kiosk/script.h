/* SPDX-License-Identifier: MIT */
/*
 * script.h - headless replay of a kiosk script (format: kiosk/SCRIPT.md).
 *
 * Feeds synthetic SDL touch and mouse events through the same input path
 * as the window, on a virtual clock (so "wait 90" takes no real time),
 * paints frames with Cairo alone (no video driver) and writes PNG shots.
 * A failed expectation stops the replay with "FILE:LINE: expected screen
 * topic, got home".
 */
#ifndef PE_KIOSK_SCRIPT_H
#define PE_KIOSK_SCRIPT_H

#include <stdbool.h>

#include "error.h"
#include "kiosk.h"

typedef struct pe_script_options {
	const char *path;         /* the script */
	const char *shots_dir;    /* where "shot NAME" writes NAME.png; NULL: no shots */
	bool paint_every_frame;   /* paint each changed frame, as the window would */
	bool verbose;             /* echo each line to stderr */
} pe_script_options;

/* Replay; on failure err names the script line. events (may be NULL)
 * receives how many input events were fed. */
bool pe_script_run(pe_kiosk *k, const pe_script_options *opts, long *events, pe_error *err);

#endif
