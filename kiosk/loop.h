/* SPDX-License-Identifier: MIT */
/*
 * loop.h - the kiosk's event loop in an SDL window.
 *
 * One loop, one deadline, one dirty flag: sleep in SDL_WaitEventTimeout
 * until the next event or the one deadline the kiosk reports (idle
 * warning, countdown second, momentum frame, print poll), and paint only
 * when something changed. A pristine home screen has no deadline at all,
 * so an idle kiosk wakes up 0 times a second.
 *
 * With PE_KIOSK_STATS=FILE it writes figures for bench-kiosk there: the
 * wall-clock time of the first frame, and at exit the loop wake-ups,
 * frames painted, paint times (p50, p99) and the last Listen's time from
 * the tap to the first sample of speech handed to the audio device.
 */
#ifndef PE_KIOSK_LOOP_H
#define PE_KIOSK_LOOP_H

#include <stdbool.h>

#include "error.h"
#include "kiosk.h"
#include "output.h"

bool pe_loop_run(const pe_kiosk_options *kopts, const pe_output_options *oopts,
                 pe_error *err);

#endif
