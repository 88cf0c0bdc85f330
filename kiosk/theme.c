/* SPDX-License-Identifier: MIT */
/*
 * theme.c - the kiosk's two colour themes and the reader's type steps
 * (see screens_private.h).
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calm: warm paper, deep teal, white tiles; every text colour is 7:1 or
 * better on what it sits on (tests/test_screens.c checks). */
static const theme calm = {
	.bg = { 0.969, 0.961, 0.941, 1 },            /* #f7f5f0 */
	.text = { 0.102, 0.125, 0.153, 1 },          /* #1a2027 */
	.muted = { 0.231, 0.275, 0.314, 1 },         /* #3b4650 */
	.header_bg = { 0.043, 0.310, 0.424, 1 },     /* #0b4f6c */
	.header_fg = { 1, 1, 1, 1 },
	.tile_bg = { 1, 1, 1, 1 },
	.tile_border = { 0.675, 0.757, 0.808, 1 },   /* #acc1ce */
	.tile_title = { 0.024, 0.212, 0.302, 1 },    /* #06364d */
	.tile_text = { 0.180, 0.227, 0.267, 1 },     /* #2e3a44 */
	.icon = { 0.043, 0.310, 0.424, 1 },
	.button_bg = { 1, 1, 1, 1 },
	.button_fg = { 0.024, 0.212, 0.302, 1 },
	.button_border = { 0.043, 0.310, 0.424, 1 },
	.selected_bg = { 0.043, 0.310, 0.424, 1 },
	.selected_fg = { 1, 1, 1, 1 },
	.primary_bg = { 0.043, 0.310, 0.424, 1 },
	.primary_fg = { 1, 1, 1, 1 },
	.emergency_bg = { 0.608, 0.110, 0.110, 1 },  /* #9b1c1c: 8:1 with white */
	.emergency_fg = { 1, 1, 1, 1 },
	.panel_bg = { 0.910, 0.933, 0.945, 1 },      /* #e8eef1 */
	.dim = { 0, 0, 0, 0.6 },
	.dialog_bg = { 1, 1, 1, 1 },
	.good = { 0.059, 0.333, 0.153, 1 },          /* #0f5527 */
	.bad = { 0.608, 0.110, 0.110, 1 },
	.bar_track = { 0.85, 0.87, 0.89, 1 },
	.bar_thumb = { 0.043, 0.310, 0.424, 1 },
	.speaking = { 1, 0.878, 0.4, 1 },            /* #ffe066 behind dark text */
	.border = 3,
};

/* High contrast: black on white, thick black borders, no tints. */
static const theme contrast = {
	.bg = { 1, 1, 1, 1 },
	.text = { 0, 0, 0, 1 },
	.muted = { 0, 0, 0, 1 },
	.header_bg = { 0, 0, 0, 1 },
	.header_fg = { 1, 1, 1, 1 },
	.tile_bg = { 1, 1, 1, 1 },
	.tile_border = { 0, 0, 0, 1 },
	.tile_title = { 0, 0, 0, 1 },
	.tile_text = { 0, 0, 0, 1 },
	.icon = { 0, 0, 0, 1 },
	.button_bg = { 1, 1, 1, 1 },
	.button_fg = { 0, 0, 0, 1 },
	.button_border = { 0, 0, 0, 1 },
	.selected_bg = { 0, 0, 0, 1 },
	.selected_fg = { 1, 1, 1, 1 },
	.primary_bg = { 0, 0, 0, 1 },
	.primary_fg = { 1, 1, 1, 1 },
	.emergency_bg = { 0.5, 0, 0, 1 },
	.emergency_fg = { 1, 1, 1, 1 },
	.panel_bg = { 1, 1, 1, 1 },
	.dim = { 0, 0, 0, 0.75 },
	.dialog_bg = { 1, 1, 1, 1 },
	.good = { 0, 0, 0, 1 },
	.bad = { 0.5, 0, 0, 1 },
	.bar_track = { 0.8, 0.8, 0.8, 1 },
	.bar_thumb = { 0, 0, 0, 1 },
	.speaking = { 1, 1, 0, 1 },                  /* yellow behind black: 19:1 */
	.border = 5,
};

/* Reader body sizes per text step, dp. */
const double pe_sc_body_steps[PE_TEXT_STEPS] = { 32, 40, 50 };

const theme *pe_sc_theme(bool high_contrast)
{
	return high_contrast ? &contrast : &calm;
}
