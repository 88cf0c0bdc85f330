/* SPDX-License-Identifier: MIT */
/*
 * speech.c - the speech engine (speech.h): libespeak-ng into 16-bit PCM.
 *
 * eSpeak NG keeps one global synthesizer per process (voice, rate and the
 * synth callback are all global). Every call into it goes through
 * es_lock, and each synthesis sets the voice and rate it needs first, so
 * several pe_speech may be open at once (en and es, say): their worker
 * threads take turns sentence by sentence, each switching the voice back
 * to its own. The library is initialised by the first open and stays
 * (see es_acquire).
 *
 * Each pe_speech has one worker thread that synthesizes the queued
 * sentences ahead of the listener, no more than AHEAD_SECONDS of audio
 * beyond what was pulled, into a buffer of samples; start[i] is the sample
 * where sentence i begins, so the sentence heard is known from the samples
 * pulled. The audio thread's pe_speech_pull() takes sp->mu only to copy
 * samples out (the worker holds it only to copy samples in): it never
 * waits for synthesis. Stop and a new say() bump a generation number; the
 * synthesis under way sees it at its next chunk and aborts.
 *
 * Library code: nothing here prints or exits. eSpeak's own
 * espeak_Initialize() prints and may call exit() when its data is
 * missing, so the espeak_ng_* calls that return a status are used instead.
 */
#include "speech/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words per minute: eSpeak's default is 175, quick for a waiting room
 * where many read and hear poorly; the slower step is for the ones who
 * asked for it. */
#define RATE_NORMAL 160
#define RATE_SLOW 120
/* Synthesize at most this far ahead of the listener (plus one sentence). */
#define AHEAD_SECONDS 4
/* eSpeak hands over audio in chunks of this many milliseconds: the first
 * chunk of a sentence is the delay before the first sample. */
#define CHUNK_MS 40

/* ---- the one eSpeak NG of the process ---------------------------------- */

/* Where synthesized samples go: the engine's buffer or a WAV file. put()
 * returns false to abort the synthesis (stopped, or a write failed). */
typedef struct sink {
	bool (*put)(struct sink *s, const int16_t *pcm, size_t n);
} sink;

static pthread_mutex_t es_lock = PTHREAD_MUTEX_INITIALIZER;
static int es_state;          /* 0 not tried, 1 ready, -1 failed */
static char es_failure[PE_ERROR_MAX];  /* why, when es_state is -1 */
static int es_sample_rate;
static char es_voice[32];     /* voice now set in eSpeak, "" = none */
static int es_wpm;            /* rate now set in eSpeak, 0 = unknown */

static int synth_cb(short *wav, int n, espeak_EVENT *ev)
{
	/* The event list always holds at least its terminator, which carries
	 * the user_data of the espeak_ng_Synthesize() call. */
	sink *s = ev ? ev->user_data : NULL;
	if (!s || !wav || n <= 0)
		return 0;
	return s->put(s, wav, (size_t)n) ? 0 : 1;
}

static void es_message(espeak_ng_STATUS st, char *buf, size_t len)
{
	espeak_ng_GetStatusCodeMessage(st, buf, len);
	/* Some messages end with a full stop or a newline: one line, no dot. */
	size_t n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '.' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

/* Call with es_lock held. */
static bool es_set_voice(const char *voice, int wpm, pe_error *err)
{
	if (strcmp(es_voice, voice) != 0) {
		espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice);
		if (st != ENS_OK) {
			char msg[160];
			es_message(st, msg, sizeof msg);
			es_voice[0] = '\0';
			pe_error_set(err, NULL, 0, "speech: eSpeak NG has no voice \"%s\" (%s)", voice, msg);
			return false;
		}
		snprintf(es_voice, sizeof es_voice, "%s", voice);
		es_wpm = 0; /* a voice brings its own speed */
	}
	if (es_wpm != wpm) {
		espeak_ng_SetParameter(espeakRATE, wpm, 0);
		es_wpm = wpm;
	}
	return true;
}

/* Initialise eSpeak NG once per process and check that the voice is
 * there. It is never terminated: eSpeak NG 1.51 hangs in
 * espeak_ng_Terminate() once it has been initialised a second time (its
 * event thread), and a failed start is not retried for the same reason
 * (a kiosk started without the data needs a restart once it is there).
 * What stays is its dictionaries and one idle thread. */
static bool es_acquire(const char *voice, pe_error *err)
{
	pthread_mutex_lock(&es_lock);
	if (es_state == 0) {
		espeak_ng_InitializePath(NULL); /* ESPEAK_DATA_PATH, else the built-in one */
		espeak_ng_ERROR_CONTEXT ctx = NULL;
		espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
		espeak_ng_ClearErrorContext(&ctx);
		if (st == ENS_OK)
			st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, CHUNK_MS, NULL);
		if (st == ENS_OK) {
			espeak_SetSynthCallback(synth_cb);
			es_sample_rate = espeak_ng_GetSampleRate();
			es_state = 1;
		} else {
			char msg[120];
			es_message(st, msg, sizeof msg);
			const char *path = getenv("ESPEAK_DATA_PATH");
			snprintf(es_failure, sizeof es_failure,
			         "speech: eSpeak NG data%s%s%s cannot be loaded (%s; Debian: espeak-ng-data)",
			         path ? " in " : "", path ? path : "", path ? "/espeak-ng-data" : "", msg);
			es_state = -1;
		}
	}
	bool ok = false;
	if (es_state < 0)
		pe_error_set(err, NULL, 0, "%s", es_failure);
	else
		ok = es_set_voice(voice, RATE_NORMAL, err);
	pthread_mutex_unlock(&es_lock);
	return ok;
}

/* Synthesize one piece of text (UTF-8) into s. False when the voice could
 * not be set or synthesis failed; an abort by s is not a failure. */
static bool es_synth(const char *voice, int wpm, const char *text, sink *s, pe_error *err)
{
	pthread_mutex_lock(&es_lock);
	bool ok = es_set_voice(voice, wpm, err);
	if (ok && text[0]) {
		espeak_ng_STATUS st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
		                                           espeakCHARS_UTF8 | espeakENDPAUSE, NULL, s);
		if (st != ENS_OK) {
			char msg[160];
			es_message(st, msg, sizeof msg);
			pe_error_set(err, NULL, 0, "speech: eSpeak NG could not synthesize (%s)", msg);
			ok = false;
		}
	}
	pthread_mutex_unlock(&es_lock);
	return ok;
}

/* The eSpeak voice for a language tag: es is Latin American Spanish
 * (es-419) but for Spain (es_ES); en is American English. Other tags go
 * to eSpeak as they are, '_' written '-' ("pt_BR" -> "pt-br"). */
static void voice_for(const char *lang, char *voice, size_t size)
{
	char tag[32];
	size_t n = 0;
	for (; lang[n] && n < sizeof tag - 1; n++)
		tag[n] = lang[n] == '_' ? '-' : (char)(lang[n] >= 'A' && lang[n] <= 'Z' ? lang[n] + 32 : lang[n]);
	tag[n] = '\0';
	if (strcmp(tag, "es-es") == 0)
		snprintf(voice, size, "es");
	else if (strcmp(tag, "es") == 0 || strncmp(tag, "es-", 3) == 0)
		snprintf(voice, size, "es-419");
	else if (strcmp(tag, "en") == 0 || strcmp(tag, "en-us") == 0)
		snprintf(voice, size, "en-us");
	else
		snprintf(voice, size, "%s", tag);
}

/* A sentence's words to read (pe_speech_text), newly allocated. */
static char *spoken(const char *lang, const char *sentence)
{
	size_t need = pe_speech_text(lang, sentence, NULL, 0);
	char *s = malloc(need + 1);
	if (s)
		pe_speech_text(lang, sentence, s, need + 1);
	return s;
}

/* ---- the engine --------------------------------------------------------- */

struct pe_speech {
	char lang[32];
	char voice[32];
	int rate;                  /* samples per second */
	pthread_t worker;

	pthread_mutex_t mu;        /* everything below */
	pthread_cond_t wake;       /* worker: work to do, room ahead, or quit */
	bool quit;
	unsigned gen;              /* bumped by say() and stop() */
	bool slow;
	int volume;                /* percent */

	char **sent;               /* the queue: words to read, owned */
	size_t n_sent;
	size_t next;               /* next sentence the worker synthesizes */
	uint64_t *start;           /* start[i]: first sample of sentence i, i < n_started */
	size_t n_started;
	bool synth_done;           /* every queued sentence synthesized */

	int16_t *pcm;              /* samples not yet pulled: pcm[head..len) */
	size_t cap, head, len;
	uint64_t written, pulled;  /* samples since say() */

	pe_speech_state state;     /* IDLE, SPEAKING or DONE; paused is separate */
	bool paused;
	int heard;                 /* sentence of the last sample pulled, -1 none */
	void (*progress)(void *ud, int sentence);
	void *progress_ud;
};

typedef struct engine_sink {
	sink base;
	pe_speech *sp;
	unsigned gen;
} engine_sink;

static bool engine_put(sink *base, const int16_t *pcm, size_t n)
{
	engine_sink *es = (engine_sink *)base;
	pe_speech *sp = es->sp;
	pthread_mutex_lock(&sp->mu);
	if (sp->quit || sp->gen != es->gen) {
		pthread_mutex_unlock(&sp->mu);
		return false;
	}
	if (sp->len + n > sp->cap && sp->head > 0) {
		memmove(sp->pcm, sp->pcm + sp->head, (sp->len - sp->head) * sizeof *sp->pcm);
		sp->len -= sp->head;
		sp->head = 0;
	}
	if (sp->len + n > sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : (size_t)sp->rate;
		while (cap < sp->len + n)
			cap *= 2;
		int16_t *p = realloc(sp->pcm, cap * sizeof *p);
		if (!p) {
			pthread_mutex_unlock(&sp->mu);
			return false; /* the sentence is cut short; the next may fit */
		}
		sp->pcm = p;
		sp->cap = cap;
	}
	memcpy(sp->pcm + sp->len, pcm, n * sizeof *pcm);
	sp->len += n;
	sp->written += n;
	pthread_mutex_unlock(&sp->mu);
	return true;
}

static void *worker_main(void *arg)
{
	pe_speech *sp = arg;
	uint64_t ahead = (uint64_t)sp->rate * AHEAD_SECONDS;
	pthread_mutex_lock(&sp->mu);
	while (!sp->quit) {
		bool work = sp->state == PE_SPEECH_SPEAKING && sp->next < sp->n_sent &&
		            sp->written - sp->pulled < ahead;
		if (!work) {
			pthread_cond_wait(&sp->wake, &sp->mu);
			continue;
		}
		size_t i = sp->next++;
		sp->start[i] = sp->written;
		sp->n_started = i + 1;
		engine_sink s = { { engine_put }, sp, sp->gen };
		char *text = strdup(sp->sent[i]);
		int wpm = sp->slow ? RATE_SLOW : RATE_NORMAL;
		pthread_mutex_unlock(&sp->mu);
		/* A failure here (out of memory) leaves the sentence silent. */
		if (text)
			es_synth(sp->voice, wpm, text, &s.base, NULL);
		free(text);
		pthread_mutex_lock(&sp->mu);
		if (sp->gen == s.gen && sp->next == sp->n_sent)
			sp->synth_done = true;
	}
	pthread_mutex_unlock(&sp->mu);
	return NULL;
}

pe_speech *pe_speech_open(const char *lang, pe_error *err)
{
	if (!lang || !lang[0]) {
		pe_error_set(err, NULL, 0, "speech: no language given");
		return NULL;
	}
	pe_speech *sp = calloc(1, sizeof *sp);
	if (!sp) {
		pe_error_set(err, NULL, 0, "speech: out of memory");
		return NULL;
	}
	snprintf(sp->lang, sizeof sp->lang, "%s", lang);
	voice_for(lang, sp->voice, sizeof sp->voice);
	if (!es_acquire(sp->voice, err)) {
		free(sp);
		return NULL;
	}
	sp->rate = es_sample_rate;
	sp->volume = 100;
	sp->heard = -1;
	sp->state = PE_SPEECH_IDLE;
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->wake, NULL);
	if (pthread_create(&sp->worker, NULL, worker_main, sp) != 0) {
		pthread_cond_destroy(&sp->wake);
		pthread_mutex_destroy(&sp->mu);
		free(sp);
		pe_error_set(err, NULL, 0, "speech: cannot start the synthesis thread");
		return NULL;
	}
	return sp;
}

static void free_queue(char **sent, size_t n, uint64_t *start)
{
	for (size_t i = 0; i < n; i++)
		free(sent[i]);
	free(sent);
	free(start);
}

void pe_speech_close(pe_speech *sp)
{
	if (!sp)
		return;
	pthread_mutex_lock(&sp->mu);
	sp->quit = true;
	sp->gen++;
	pthread_cond_signal(&sp->wake);
	pthread_mutex_unlock(&sp->mu);
	pthread_join(sp->worker, NULL);
	free_queue(sp->sent, sp->n_sent, sp->start);
	free(sp->pcm);
	pthread_cond_destroy(&sp->wake);
	pthread_mutex_destroy(&sp->mu);
	free(sp);
}

int pe_speech_sample_rate(const pe_speech *sp)
{
	return sp ? sp->rate : 0;
}

/* Swap in a new queue (NULL, 0: none) and reset the buffer; returns the
 * old queue's arrays through the pointers for the caller to free outside
 * the lock. Call with sp->mu held. */
static void replace_queue(pe_speech *sp, char ***sent, size_t *n, uint64_t **start)
{
	char **old_sent = sp->sent;
	size_t old_n = sp->n_sent;
	uint64_t *old_start = sp->start;
	sp->sent = *sent;
	sp->n_sent = *n;
	sp->start = *start;
	*sent = old_sent;
	*n = old_n;
	*start = old_start;
	sp->gen++;
	sp->next = 0;
	sp->n_started = 0;
	sp->synth_done = sp->n_sent == 0;
	sp->head = sp->len = 0;
	sp->written = sp->pulled = 0;
	sp->paused = false;
	sp->heard = -1;
	sp->state = sp->n_sent ? PE_SPEECH_SPEAKING : PE_SPEECH_IDLE;
}

bool pe_speech_say(pe_speech *sp, const char *const *sentences, size_t n, pe_error *err)
{
	char **sent = n ? calloc(n, sizeof *sent) : NULL;
	uint64_t *start = n ? calloc(n, sizeof *start) : NULL;
	if (n && (!sent || !start))
		goto oom;
	for (size_t i = 0; i < n; i++)
		if (!(sent[i] = spoken(sp->lang, sentences[i] ? sentences[i] : "")))
			goto oom;
	pthread_mutex_lock(&sp->mu);
	replace_queue(sp, &sent, &n, &start);
	pthread_cond_signal(&sp->wake);
	pthread_mutex_unlock(&sp->mu);
	free_queue(sent, n, start);
	return true;
oom:
	free_queue(sent, sent ? n : 0, start);
	pe_error_set(err, NULL, 0, "speech: out of memory for %zu sentences", n);
	return false;
}

void pe_speech_stop(pe_speech *sp)
{
	if (!sp)
		return;
	char **sent = NULL;
	size_t n = 0;
	uint64_t *start = NULL;
	pthread_mutex_lock(&sp->mu);
	replace_queue(sp, &sent, &n, &start);
	pthread_mutex_unlock(&sp->mu);
	free_queue(sent, n, start);
}

void pe_speech_set_slow(pe_speech *sp, bool slow)
{
	pthread_mutex_lock(&sp->mu);
	sp->slow = slow; /* from the next sentence synthesized */
	pthread_mutex_unlock(&sp->mu);
}

void pe_speech_set_volume(pe_speech *sp, int percent)
{
	pthread_mutex_lock(&sp->mu);
	sp->volume = percent < 0 ? 0 : percent > 100 ? 100 : percent;
	pthread_mutex_unlock(&sp->mu);
}

void pe_speech_pause(pe_speech *sp)
{
	pthread_mutex_lock(&sp->mu);
	if (sp->state == PE_SPEECH_SPEAKING)
		sp->paused = true;
	pthread_mutex_unlock(&sp->mu);
}

void pe_speech_resume(pe_speech *sp)
{
	pthread_mutex_lock(&sp->mu);
	sp->paused = false;
	pthread_mutex_unlock(&sp->mu);
}

size_t pe_speech_pull(pe_speech *sp, int16_t *out, size_t frames)
{
	size_t k = 0;
	int before, after = -1, volume = 100;
	bool ended = false;
	void (*fn)(void *, int);
	void *ud;
	pthread_mutex_lock(&sp->mu);
	before = sp->heard;
	fn = sp->progress;
	ud = sp->progress_ud;
	if (sp->state == PE_SPEECH_SPEAKING && !sp->paused) {
		size_t avail = sp->len - sp->head;
		k = avail < frames ? avail : frames;
		if (k) /* before the first chunk pcm is NULL (UB even for 0 bytes) */
			memcpy(out, sp->pcm + sp->head, k * sizeof *out);
		sp->head += k;
		sp->pulled += k;
		if (k > 0 && sp->n_started > 0) {
			uint64_t last = sp->pulled - 1;
			int i = sp->heard < 0 ? 0 : sp->heard;
			if (sp->start[i] <= last) {
				while ((size_t)i + 1 < sp->n_started && sp->start[i + 1] <= last)
					i++;
				sp->heard = i;
			}
		}
		after = sp->heard;
		if (sp->synth_done && sp->head == sp->len) {
			sp->state = PE_SPEECH_DONE;
			sp->heard = -1;
			ended = true;
		}
		volume = sp->volume;
		if (sp->written - sp->pulled < (uint64_t)sp->rate * AHEAD_SECONDS)
			pthread_cond_signal(&sp->wake);
	}
	pthread_mutex_unlock(&sp->mu);

	if (volume < 100)
		for (size_t j = 0; j < k; j++)
			out[j] = (int16_t)((int32_t)out[j] * volume / 100);
	memset(out + k, 0, (frames - k) * sizeof *out);
	if (fn && after != before && after >= 0)
		fn(ud, after);
	if (fn && ended)
		fn(ud, -1);
	return k;
}

pe_speech_state pe_speech_state_now(pe_speech *sp)
{
	pthread_mutex_lock(&sp->mu);
	pe_speech_state st = sp->state == PE_SPEECH_SPEAKING && sp->paused ? PE_SPEECH_PAUSED : sp->state;
	pthread_mutex_unlock(&sp->mu);
	return st;
}

int pe_speech_sentence(pe_speech *sp)
{
	pthread_mutex_lock(&sp->mu);
	int i = sp->state == PE_SPEECH_SPEAKING ? sp->heard : -1;
	pthread_mutex_unlock(&sp->mu);
	return i;
}

void pe_speech_on_progress(pe_speech *sp, void (*fn)(void *ud, int sentence), void *ud)
{
	pthread_mutex_lock(&sp->mu);
	sp->progress = fn;
	sp->progress_ud = ud;
	pthread_mutex_unlock(&sp->mu);
}

/* ---- WAV files ---------------------------------------------------------- */

typedef struct wav_sink {
	sink base;
	SNDFILE *f;
	bool failed;
} wav_sink;

static bool wav_put(sink *base, const int16_t *pcm, size_t n)
{
	wav_sink *w = (wav_sink *)base;
	if (sf_write_short(w->f, pcm, (sf_count_t)n) != (sf_count_t)n)
		w->failed = true;
	return !w->failed;
}

bool pe_speech_to_wav(const char *lang, bool slow, const char *const *sentences,
                      size_t n, const char *path, pe_error *err)
{
	char voice[32];
	voice_for(lang, voice, sizeof voice);
	if (!es_acquire(voice, err))
		return false;
	SF_INFO info = { .samplerate = es_sample_rate, .channels = 1,
	                 .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	wav_sink w = { { wav_put }, sf_open(path, SFM_WRITE, &info), false };
	bool ok = w.f != NULL;
	if (!ok)
		pe_error_set(err, path, 0, "cannot write (%s)", sf_strerror(NULL));
	for (size_t i = 0; ok && i < n; i++) {
		char *text = spoken(lang, sentences[i] ? sentences[i] : "");
		if (!text) {
			pe_error_set(err, NULL, 0, "speech: out of memory");
			ok = false;
			break;
		}
		ok = es_synth(voice, slow ? RATE_SLOW : RATE_NORMAL, text, &w.base, err);
		free(text);
		if (ok && w.failed) {
			pe_error_set(err, path, 0, "cannot write (%s)", sf_strerror(w.f));
			ok = false;
		}
	}
	if (w.f && sf_close(w.f) != 0 && ok) {
		pe_error_set(err, path, 0, "cannot write (closing failed)");
		ok = false;
	}
	return ok;
}
