/* SPDX-License-Identifier: MIT */
/*
 * speak.c - the kiosk's voice (see speak.h).
 */
#include "speak.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sndfile.h>

#include "speech/speech.h"

/* eSpeak NG's rate for every voice: the device is opened at it before
 * the voice is loaded (and again if the voice says otherwise). */
#define ESPEAK_RATE 22050
/* Not yet reported / nothing new. */
#define NO_PROGRESS (-2)
/* Pull mode: how long to wait for the worker to synthesize what the
 * virtual clock asks for, real seconds. */
#define PUMP_PATIENCE 20.0

struct pe_speak {
	pe_speech *sp;
	char lang[16];
	SDL_AudioDeviceID dev;
	bool audio_init;              /* we started SDL's audio subsystem */
	Uint32 wake_event;            /* SDL user event type; 0: none */
	SNDFILE *wav;                 /* pull mode */
	const char *wav_path;
	bool active;
	SDL_atomic_t heard;           /* sentence from the callback */
	int reported;
	SDL_atomic_t first_ns_set;
	double start_at;              /* monotonic seconds */
	double first_ms;
};

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

pe_speak *pe_speak_create(void)
{
	pe_speak *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	const char *wav = getenv("PE_KIOSK_WAV");
	s->wav_path = wav && *wav ? wav : NULL;
	SDL_AtomicSet(&s->heard, NO_PROGRESS);
	s->reported = NO_PROGRESS;
	s->first_ms = -1;
	return s;
}

/* The engine's thread (the device's, or ours in pull mode). */
static void on_progress(void *ud, int sentence)
{
	pe_speak *s = ud;
	SDL_AtomicSet(&s->heard, sentence);
	if (s->wake_event) {
		SDL_Event ev;
		memset(&ev, 0, sizeof ev);
		ev.type = s->wake_event;
		ev.user.code = sentence;
		SDL_PushEvent(&ev);
	}
}

static void note_first(pe_speak *s, size_t got)
{
	if (got && SDL_AtomicCAS(&s->first_ns_set, 0, 1))
		s->first_ms = (monotonic() - s->start_at) * 1000;
}

static void SDLCALL audio_cb(void *ud, Uint8 *stream, int len)
{
	pe_speak *s = ud;
	size_t got = pe_speech_pull(s->sp, (int16_t *)(void *)stream, (size_t)len / 2);
	note_first(s, got);
}

static void close_output(pe_speak *s)
{
	if (s->dev) {
		SDL_CloseAudioDevice(s->dev);
		s->dev = 0;
	}
	/* The audio subsystem too: a sound server's connection keeps a
	 * thread that would wake an idle kiosk. */
	if (s->audio_init) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		s->audio_init = false;
	}
	if (s->wav) {
		sf_close(s->wav);
		s->wav = NULL;
	}
}

static bool open_voice(pe_speak *s, const char *lang, pe_error *err)
{
	if (s->sp && strcmp(s->lang, lang) == 0)
		return true;
	pe_speech_close(s->sp);
	s->sp = pe_speech_open(lang, err);
	if (!s->sp)
		return false;
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	pe_speech_on_progress(s->sp, on_progress, s);
	return true;
}

static bool open_output(pe_speak *s, int rate, pe_error *err)
{
	if (s->wav_path) {
		SF_INFO info = { .samplerate = rate, .channels = 1,
		                 .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
		/* One file for the session: each reading is appended. */
		bool append = access(s->wav_path, F_OK) == 0;
		s->wav = sf_open(s->wav_path, append ? SFM_RDWR : SFM_WRITE, &info);
		if (s->wav && append)
			sf_seek(s->wav, 0, SEEK_END);
		if (!s->wav) {
			pe_error_set(err, s->wav_path, 0, "cannot write the WAV: %s", sf_strerror(NULL));
			return false;
		}
		return true;
	}
	if (!SDL_WasInit(SDL_INIT_AUDIO)) {
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			pe_error_set(err, NULL, 0, "speech: no audio: %s", SDL_GetError());
			return false;
		}
		s->audio_init = true;
	}
	if (!s->wake_event && SDL_WasInit(SDL_INIT_VIDEO)) {
		Uint32 t = SDL_RegisterEvents(1);
		s->wake_event = t == (Uint32)-1 ? 0 : t;
	}
	SDL_AudioSpec want, have;
	memset(&want, 0, sizeof want);
	want.freq = rate;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 1024;            /* about 46 ms at 22050 Hz */
	want.callback = audio_cb;
	want.userdata = s;
	/* No changes allowed: SDL converts to what the device takes. */
	s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (!s->dev) {
		pe_error_set(err, NULL, 0, "speech: no audio device: %s", SDL_GetError());
		return false;
	}
	return true;
}

bool pe_speak_start(pe_speak *s, const char *lang, const char *const *sentences, size_t n,
                    bool slow, int volume, pe_error *err)
{
	pe_speak_stop(s);
	SDL_AtomicSet(&s->heard, NO_PROGRESS);
	s->reported = NO_PROGRESS;
	SDL_AtomicSet(&s->first_ns_set, 0);
	s->first_ms = -1;
	s->start_at = monotonic();
	/* The device first (it opens paused): with no audio at all the voice
	 * is never loaded, and a kiosk that cannot speak keeps its memory. */
	int rate = s->sp ? pe_speech_sample_rate(s->sp) : ESPEAK_RATE;
	if (!open_output(s, rate, err))
		goto fail;
	if (!open_voice(s, lang, err))
		goto fail;
	if (pe_speech_sample_rate(s->sp) != rate) {
		close_output(s);
		if (!open_output(s, pe_speech_sample_rate(s->sp), err))
			goto fail;
	}
	pe_speech_set_slow(s->sp, slow);
	pe_speech_set_volume(s->sp, volume);
	if (!pe_speech_say(s->sp, sentences, n, err))
		goto fail;
	s->active = true;
	if (s->dev)
		SDL_PauseAudioDevice(s->dev, 0);
	return true;
fail:
	close_output(s);
	if (s->sp)
		pe_speech_stop(s->sp);
	return false;
}

void pe_speak_pause(pe_speak *s, bool paused)
{
	if (!s->active)
		return;
	if (paused)
		pe_speech_pause(s->sp);
	else
		pe_speech_resume(s->sp);
	if (s->dev)
		SDL_PauseAudioDevice(s->dev, paused);
}

void pe_speak_set_slow(pe_speak *s, bool slow)
{
	if (s->sp)
		pe_speech_set_slow(s->sp, slow);
}

void pe_speak_set_volume(pe_speak *s, int volume)
{
	if (s->sp)
		pe_speech_set_volume(s->sp, volume);
}

void pe_speak_stop(pe_speak *s)
{
	if (!s)
		return;
	/* The device first: its thread stops pulling before the engine
	 * drops the buffer. */
	close_output(s);
	if (s->sp)
		pe_speech_stop(s->sp);
	s->active = false;
}

bool pe_speak_active(const pe_speak *s)
{
	return s->active;
}

void pe_speak_pump(pe_speak *s, double seconds)
{
	if (!s->active || !s->wav || seconds <= 0)
		return;
	int16_t buf[4096];
	size_t want = (size_t)(seconds * pe_speech_sample_rate(s->sp));
	double give_up = monotonic() + PUMP_PATIENCE;
	while (want > 0) {
		pe_speech_state st = pe_speech_state_now(s->sp);
		if (st != PE_SPEECH_SPEAKING)
			break;
		size_t n = want < 4096 ? want : 4096;
		size_t got = pe_speech_pull(s->sp, buf, n);
		note_first(s, got);
		if (got) {
			sf_write_short(s->wav, buf, (sf_count_t)got);
			want -= got;
			give_up = monotonic() + PUMP_PATIENCE;
		} else if (monotonic() > give_up) {
			break;
		} else {
			/* Only here, in tests: the worker is still synthesizing
			 * what the virtual clock has already reached. */
			usleep(2000);
		}
	}
}

bool pe_speak_take_progress(pe_speak *s, int *sentence)
{
	int v = SDL_AtomicGet(&s->heard);
	if (v == s->reported)
		return false;
	s->reported = v;
	*sentence = v;
	if (v < 0)
		pe_speak_stop(s);
	return true;
}

double pe_speak_first_sample_ms(const pe_speak *s)
{
	return s->first_ms;
}

void pe_speak_destroy(pe_speak *s)
{
	if (!s)
		return;
	pe_speak_stop(s);
	pe_speech_close(s->sp);
	free(s);
}
