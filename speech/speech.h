/* SPDX-License-Identifier: MIT */
/*
 * speech.h - offline text-to-speech (libespeak-ng) into 16-bit mono PCM,
 * for the kiosk's "Listen" button and for tests (WAV files).
 *
 * One pe_speech per language; a worker thread synthesizes the queued
 * sentences ahead into a buffer; the audio device's thread pulls PCM with
 * pe_speech_pull(), which never blocks. The engine knows nothing of SDL.
 */
#ifndef PE_SPEECH_H
#define PE_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/error.h"

typedef struct pe_speech pe_speech;

typedef enum pe_speech_state {
	PE_SPEECH_IDLE,     /* nothing queued */
	PE_SPEECH_SPEAKING, /* sentences queued and playing */
	PE_SPEECH_PAUSED,
	PE_SPEECH_DONE      /* the last sentence has been pulled */
} pe_speech_state;

/* Open the engine for a language tag ("en", "es", "es_419", ...); es uses
 * the Latin American Spanish voice. NULL and a one-line reason in err when
 * espeak-ng's data or the voice is missing. */
pe_speech *pe_speech_open(const char *lang, pe_error *err);
void pe_speech_close(pe_speech *sp); /* stops, joins the worker, frees; NULL ok */
int pe_speech_sample_rate(const pe_speech *sp);

/* Replace whatever is queued with these sentences (UTF-8, the words shown
 * on screen; pe_speech_text() is applied inside) and start. Copies them. */
bool pe_speech_say(pe_speech *sp, const char *const *sentences, size_t n, pe_error *err);
void pe_speech_set_slow(pe_speech *sp, bool slow); /* a slower speed step */
void pe_speech_set_volume(pe_speech *sp, int percent); /* 0..100, applied in pull */
void pe_speech_pause(pe_speech *sp);
void pe_speech_resume(pe_speech *sp);
void pe_speech_stop(pe_speech *sp); /* back to IDLE, buffer dropped */

/* From the audio thread: copy up to `frames` samples into out and fill the
 * rest with silence; returns the frames of speech copied. Never blocks. */
size_t pe_speech_pull(pe_speech *sp, int16_t *out, size_t frames);
pe_speech_state pe_speech_state_now(pe_speech *sp);
/* Index of the sentence being heard (by samples pulled); -1 when none. */
int pe_speech_sentence(pe_speech *sp);
/* fn runs on the pulling thread when the sentence heard changes, and with
 * -1 when speech ends; it must not block (the kiosk pushes an SDL event). */
void pe_speech_on_progress(pe_speech *sp, void (*fn)(void *ud, int sentence), void *ud);

/* The words to read for one sentence shown on screen: phone numbers digit
 * by digit ("1-800-227-2345" -> "1, 8 0 0, 2 2 7, 2 3 4 5"), "911" as
 * "9 1 1", ranges "6-12 hours" -> "6 to 12 hours" (es: "6 a 12 horas").
 * Writes at most outlen bytes with a NUL; returns the length it needed. */
size_t pe_speech_text(const char *lang, const char *in, char *out, size_t outlen);

/* Added (not in the first header): split a paragraph into sentences, as
 * pe-speak does. A sentence ends after '.', '!' or '?' (and closing quotes
 * or brackets) followed by a space and a capital, a digit, or an opening
 * '¿' / '¡' / quote, so "7:00 a.m. to 6" and "e.g. this" stay whole.
 * Writes the byte range [starts[i], ends[i]) of up to max sentences
 * (spaces around them left out) and returns how many there are. */
size_t pe_speech_split(const char *text, size_t *starts, size_t *ends, size_t max);

/* Blocking: all sentences to a WAV file (tests, the pe-speak command). */
bool pe_speech_to_wav(const char *lang, bool slow, const char *const *sentences,
                      size_t n, const char *path, pe_error *err);

#endif
