/* SPDX-License-Identifier: MIT */
/*
 * speak.h - the kiosk's voice: the speech engine (speech/speech.h) played
 * through one SDL audio device, or written to a WAV file in tests.
 *
 * The device is opened when reading starts and closed when it ends, so an
 * idle kiosk holds no audio device and no audio thread wakes it. The
 * device's thread pulls PCM from the engine; when the sentence heard
 * changes it stores it and pushes an SDL user event (SDL_PushEvent is
 * thread safe) so the event loop wakes and the kiosk repaints the
 * highlight: no timers while playing.
 *
 * With PE_KIOSK_WAV=FILE (tests, headless replay) there is no device: the
 * kiosk pulls the PCM itself as its clock moves (pe_speak_pump) and
 * writes it to FILE, a 16-bit mono WAV.
 *
 * Never stops the kiosk: no audio device or no voice is an error the
 * kiosk shows on its Listen button.
 */
#ifndef PE_KIOSK_SPEAK_H
#define PE_KIOSK_SPEAK_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct pe_speak pe_speak;

pe_speak *pe_speak_create(void);
void pe_speak_destroy(pe_speak *s);     /* accepts NULL */

/* Read these sentences in lang (slow: the slower step; volume percent).
 * Opens the voice (kept for the next time) and the device or file. */
bool pe_speak_start(pe_speak *s, const char *lang, const char *const *sentences, size_t n,
                    bool slow, int volume, pe_error *err);
void pe_speak_pause(pe_speak *s, bool paused);
void pe_speak_set_slow(pe_speak *s, bool slow);
void pe_speak_set_volume(pe_speak *s, int volume);
/* Stop and close the device (or finish the file). */
void pe_speak_stop(pe_speak *s);
bool pe_speak_active(const pe_speak *s);

/* Tests without a device: pull the PCM of `seconds` of playing into the
 * WAV file. Does nothing when playing through a device. */
void pe_speak_pump(pe_speak *s, double seconds);

/* What the engine reported since the last call: true with the sentence
 * heard now (-1: reading ended, the device is closed). */
bool pe_speak_take_progress(pe_speak *s, int *sentence);

/* Time from the last start to the first sample of speech handed to the
 * device, in ms (-1 until then): the bench's figure. */
double pe_speak_first_sample_ms(const pe_speak *s);

#endif
