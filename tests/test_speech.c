/* SPDX-License-Identifier: MIT */
/* test_speech.c - the speech engine (speech/speech.c, speech_text.c):
 * the words read, WAV files that are heard and grow with the text, the
 * sentence heard advancing as samples are pulled, pause/stop/volume, two
 * languages at once, and clean errors for a missing voice or missing
 * eSpeak NG data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "speech/speech.h"

/* ---- pe_speech_text ------------------------------------------------------ */

static void check_text(const char *lang, const char *in, const char *want)
{
	char buf[512];
	size_t n = pe_speech_text(lang, in, buf, sizeof buf);
	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

static void text_en(void **state)
{
	(void)state;
	check_text("en", "Call 1-800-227-2345 any time.", "Call 1, 8 0 0, 2 2 7, 2 3 4 5 any time.");
	check_text("en", "Call (800) 227-2345.", "Call 8 0 0, 2 2 7, 2 3 4 5.");
	check_text("en", "Call 800.227.2345", "Call 8 0 0, 2 2 7, 2 3 4 5");
	check_text("en", "Or 227-2345", "Or 2 2 7, 2 3 4 5");
	check_text("en", "Call 911 now if you have:", "Call 9 1 1 now if you have:");
	check_text("en", "Call 911.", "Call 9 1 1.");
	check_text("en", "Call 988", "Call 9 8 8");
	check_text("en", "It may start 6-12 hours after.", "It may start 6 to 12 hours after.");
	check_text("en", "1–2 days before", "1 to 2 days before"); /* en dash */
	check_text("en", "It can last 24-72 hours.", "It can last 24 to 72 hours.");
	check_text("en", "Open 24/7.", "Open 24 hours a day, 7 days a week.");
	check_text("en", "from 7:00 am to 6:30 pm", "from 7 am to 6:30 pm");
	check_text("en", "at 8:00 a.m.", "at 8 a.m.");
	check_text("en", "at 8:15 a.m.", "at 8:15 a.m.");
	/* Left alone: plain numbers, dates, numbers inside words or others. */
	check_text("en", "Fewer than 5 in 100 people", "Fewer than 5 in 100 people");
	check_text("en", "Revised 2026-12-02", "Revised 2026-12-02");
	check_text("en", "1,911 people, 911mg, A911", "1,911 people, 911mg, A911");
	check_text("en", "Room 312 or 411", "Room 312 or 4 1 1");
	check_text("en", "", "");
}

static void text_es(void **state)
{
	(void)state;
	check_text("es", "Llame al 911 ahora si tiene:", "Llame al 9 1 1 ahora si tiene:");
	check_text("es", "Puede empezar 6-12 horas después.", "Puede empezar 6 a 12 horas después.");
	check_text("es_419", "De 1-2 días antes a 1-2 días después",
	           "De 1 a 2 días antes a 1 a 2 días después");
	check_text("es", "Llame al 1-800-227-2345.", "Llame al 1, 8 0 0, 2 2 7, 2 3 4 5.");
	check_text("es", "Abierto 24/7", "Abierto las 24 horas del día, los 7 días de la semana");
	check_text("es", "de 7:00 am a 6:30 pm", "de 7 am a 6:30 pm");
	/* "en" and other languages keep the English joining word */
	check_text("en_US", "6-12", "6 to 12");
}

static void text_sizes(void **state)
{
	(void)state;
	const char *in = "Call 911 now";
	size_t need = pe_speech_text("en", in, NULL, 0);
	assert_int_equal(need, strlen("Call 9 1 1 now"));
	char small[6];
	memset(small, 'x', sizeof small);
	assert_int_equal(pe_speech_text("en", in, small, sizeof small), need);
	assert_string_equal(small, "Call ");
}

static void split(void **state)
{
	(void)state;
	const char *t = "Drink water. Open from 7:00 a.m. to 6 p.m. every day!  ¿Qué es? \"Yes.\" Then 24 hours";
	size_t st[8], en[8];
	size_t n = pe_speech_split(t, st, en, 8);
	assert_int_equal(n, 5);
	const char *want[] = { "Drink water.", "Open from 7:00 a.m. to 6 p.m. every day!", "¿Qué es?",
	                       "\"Yes.\"", "Then 24 hours" };
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(en[i] - st[i], strlen(want[i]));
		assert_memory_equal(t + st[i], want[i], strlen(want[i]));
	}
	assert_int_equal(pe_speech_split("   ", st, en, 8), 0);
	assert_int_equal(pe_speech_split("One. Two. Three.", st, en, 1), 3); /* counts past max */
}

/* ---- WAV files ----------------------------------------------------------- */

static char tmpdir[] = "/tmp/test_speech.XXXXXX";
static const char *self; /* argv[0]: missing_data runs it again (not
                          * /proc/self/exe, which is valgrind's own) */

static int make_tmpdir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

typedef struct wav {
	long frames;
	int rate, channels;
	double rms; /* of full scale */
} wav;

static wav read_wav(const char *path)
{
	SF_INFO info = { 0 };
	SNDFILE *f = sf_open(path, SFM_READ, &info);
	assert_non_null(f);
	wav w = { (long)info.frames, info.samplerate, info.channels, 0 };
	short buf[4096];
	double sum = 0;
	sf_count_t k, total = 0;
	while ((k = sf_read_short(f, buf, 4096)) > 0) {
		for (sf_count_t i = 0; i < k; i++)
			sum += (double)buf[i] * buf[i];
		total += k;
	}
	sf_close(f);
	assert_int_equal(total, info.frames * info.channels);
	w.rms = total ? sqrt(sum / (double)total) / 32768.0 : 0;
	return w;
}

static wav write_wav(const char *lang, bool slow, const char *const *s, size_t n, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	pe_error err = { { 0 } };
	if (!pe_speech_to_wav(lang, slow, s, n, path, &err))
		fail_msg("%s", err.msg);
	return read_wav(path);
}

static const char *const EN[] = {
	"Drink plenty of fluids before the infusion.",
	"Call 911 now if you have trouble breathing.",
	"A headache may start 6-12 hours after.",
};
static const char *const ES[] = {
	"Beba muchos líquidos antes de la infusión.",
	"Llame al 911 ahora si le cuesta respirar.",
	"Puede empezar un dolor de cabeza 6-12 horas después.",
};

static void wav_heard_and_grows(const char *lang, const char *const *s)
{
	char n1[32], n2[32];
	snprintf(n1, sizeof n1, "%s-1.wav", lang);
	snprintf(n2, sizeof n2, "%s-2.wav", lang);
	wav one = write_wav(lang, false, s, 1, n1);
	wav two = write_wav(lang, false, s, 2, n2);
	assert_int_equal(one.channels, 1);
	assert_int_equal(one.rate, 22050);
	/* Speech, not silence: eSpeak's voices sit around 0.08-0.1 RMS. */
	assert_true(one.rms > 0.02);
	assert_true(two.rms > 0.02);
	/* A sentence of 7 or 8 words lasts 1.5 to 5 seconds... */
	assert_in_range(one.frames, one.rate * 3 / 2, one.rate * 5);
	/* ...and the second adds about as much again. */
	assert_true(two.frames > one.frames * 3 / 2);
}

static void wav_en(void **state)
{
	(void)state;
	wav_heard_and_grows("en", EN);
}

static void wav_es(void **state)
{
	(void)state;
	wav_heard_and_grows("es", ES);
}

static void wav_slow_is_longer(void **state)
{
	(void)state;
	wav normal = write_wav("en", false, EN, 3, "normal.wav");
	wav slow = write_wav("en", true, EN, 3, "slow.wav");
	assert_true(slow.frames > normal.frames * 6 / 5);
}

static void wav_unwritable(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	assert_false(pe_speech_to_wav("en", false, EN, 1, "/nonexistent/dir/x.wav", &err));
	assert_non_null(strstr(err.msg, "/nonexistent/dir/x.wav: cannot write"));
}

/* ---- the engine ---------------------------------------------------------- */

/* eSpeak NG carries a little state from one synthesis to the next: the
 * same sentence after another one comes out a few samples longer (13 in
 * "Hello there." twice). The engine's stream and a WAV of the same
 * sentences agree to within 20 ms a sentence. */
#define SAME_LENGTH(a, b, sentences) \
	assert_in_range((long)(a), (long)(b) - 441L * (sentences), (long)(b) + 441L * (sentences))

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct heard {
	int seq[16];
	int n;
} heard;

static void on_progress(void *ud, int sentence)
{
	heard *h = ud;
	if (h->n < 16)
		h->seq[h->n++] = sentence;
}

/* Pull until DONE (or `limit` samples), as an audio callback would, in
 * blocks of 512; when nothing is ready yet, wait 1 ms. Every block's
 * sentence is checked to never go back. Returns the samples pulled. */
static size_t pull_until(pe_speech *sp, size_t limit, int16_t *keep, size_t keep_max)
{
	int16_t buf[512];
	size_t total = 0;
	int last = -1;
	double give_up = now() + 20;
	while (pe_speech_state_now(sp) == PE_SPEECH_SPEAKING && total < limit) {
		size_t want = limit - total < 512 ? limit - total : 512;
		size_t k = pe_speech_pull(sp, buf, want);
		if (keep && total < keep_max)
			memcpy(keep + total, buf, (k < keep_max - total ? k : keep_max - total) * sizeof *buf);
		total += k;
		int s = pe_speech_sentence(sp);
		if (s >= 0) {
			assert_true(s >= last);
			last = s;
		}
		if (k == 0) {
			assert_true(now() < give_up);
			usleep(1000);
		}
	}
	return total;
}

static void sentence_advances(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_speech *sp = pe_speech_open("en", &err);
	assert_non_null(sp);
	assert_int_equal(pe_speech_sample_rate(sp), 22050);
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_IDLE);
	assert_int_equal(pe_speech_sentence(sp), -1);
	heard h = { { 0 }, 0 };
	pe_speech_on_progress(sp, on_progress, &h);
	assert_true(pe_speech_say(sp, EN, 3, &err));
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_SPEAKING);
	assert_int_equal(pe_speech_sentence(sp), -1); /* nothing heard yet */

	/* The first sentence's WAV says where sentence 1 starts. */
	/* (Sentences end in a pause: 0.1 s either side of the boundary is
	 * well inside one sentence or the other.) */
	wav first = write_wav("en", false, EN, 1, "first.wav");
	size_t got = pull_until(sp, (size_t)first.frames - 2205, NULL, 0);
	assert_int_equal(got, first.frames - 2205);
	assert_int_equal(pe_speech_sentence(sp), 0);
	got += pull_until(sp, 2 * 2205, NULL, 0);
	assert_int_equal(pe_speech_sentence(sp), 1);
	got += pull_until(sp, SIZE_MAX, NULL, 0);
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_DONE);
	assert_int_equal(pe_speech_sentence(sp), -1);

	/* Heard 0, 1, 2 in turn, then the end; every sample the WAV has. */
	assert_int_equal(h.n, 4);
	assert_int_equal(h.seq[0], 0);
	assert_int_equal(h.seq[1], 1);
	assert_int_equal(h.seq[2], 2);
	assert_int_equal(h.seq[3], -1);
	wav all = write_wav("en", false, EN, 3, "all.wav");
	SAME_LENGTH(got, all.frames, 3);

	/* Once done, pull gives silence. */
	int16_t buf[64];
	memset(buf, 0x55, sizeof buf);
	assert_int_equal(pe_speech_pull(sp, buf, 64), 0);
	for (int i = 0; i < 64; i++)
		assert_int_equal(buf[i], 0);
	pe_speech_close(sp);
}

static void pause_resume_stop(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_speech *sp = pe_speech_open("en", &err);
	assert_non_null(sp);
	assert_true(pe_speech_say(sp, EN, 3, &err));
	assert_int_equal(pull_until(sp, 22050, NULL, 0), 22050);
	int s = pe_speech_sentence(sp);
	assert_int_equal(s, 0);

	pe_speech_pause(sp);
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_PAUSED);
	int16_t buf[512];
	for (int i = 0; i < 20; i++) {
		memset(buf, 0x55, sizeof buf);
		assert_int_equal(pe_speech_pull(sp, buf, 512), 0);
		assert_int_equal(buf[0], 0);
		assert_int_equal(buf[511], 0);
		usleep(1000);
	}
	assert_int_equal(pe_speech_sentence(sp), s); /* still where it paused */

	pe_speech_resume(sp);
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_SPEAKING);
	assert_int_equal(pull_until(sp, 512, NULL, 0), 512);

	pe_speech_stop(sp);
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_IDLE);
	assert_int_equal(pe_speech_sentence(sp), -1);
	usleep(20000); /* a worker that kept writing would show up here */
	assert_int_equal(pe_speech_pull(sp, buf, 512), 0);
	pe_speech_pause(sp); /* nothing to pause */
	assert_int_equal(pe_speech_state_now(sp), PE_SPEECH_IDLE);

	/* A new say() after stop starts from the first sentence again. */
	assert_true(pe_speech_say(sp, EN + 1, 1, &err));
	wav w = write_wav("en", false, EN + 1, 1, "again.wav");
	SAME_LENGTH(pull_until(sp, SIZE_MAX, NULL, 0), w.frames, 1);
	/* say() while speaking replaces the queue */
	assert_true(pe_speech_say(sp, EN, 3, &err));
	pull_until(sp, 1000, NULL, 0);
	assert_true(pe_speech_say(sp, EN + 2, 1, &err));
	wav w2 = write_wav("en", false, EN + 2, 1, "replaced.wav");
	SAME_LENGTH(pull_until(sp, SIZE_MAX, NULL, 0), w2.frames, 1);
	/* Stopping in the middle and closing while the worker synthesizes. */
	assert_true(pe_speech_say(sp, EN, 3, &err));
	pe_speech_close(sp);
	pe_speech_close(NULL);
}

/* The same sentence at 100 % and 50 %: the mean amplitude halves (the
 * two syntheses differ by a few samples, so not sample for sample), and
 * at 0 % speech is pulled as silence. */
static double mean_abs(const int16_t *x, size_t n)
{
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += abs(x[i]);
	return sum / (double)n;
}

static void volume(void **state)
{
	(void)state;
	enum { N = 2 * 22050 };
	int16_t *full = calloc(N, sizeof *full), *half = calloc(N, sizeof *half);
	assert_non_null(full);
	assert_non_null(half);
	pe_error err = { { 0 } };
	pe_speech *sp = pe_speech_open("es", &err);
	assert_non_null(sp);
	assert_true(pe_speech_say(sp, ES, 1, &err));
	assert_int_equal(pull_until(sp, N, full, N), N);
	pe_speech_set_volume(sp, 50);
	assert_true(pe_speech_say(sp, ES, 1, &err));
	assert_int_equal(pull_until(sp, N, half, N), N);
	double ratio = mean_abs(half, N) / mean_abs(full, N);
	assert_true(mean_abs(full, N) > 500);
	assert_true(ratio > 0.48 && ratio < 0.52);
	pe_speech_set_volume(sp, -5); /* clamped to 0: silence, still "speech" */
	assert_true(pe_speech_say(sp, ES, 1, &err));
	assert_int_equal(pull_until(sp, N, half, N), N);
	for (int i = 0; i < N; i++)
		assert_int_equal(half[i], 0);
	pe_speech_close(sp);
	free(full);
	free(half);
}

/* en and es open at once take turns in eSpeak: each still speaks with its
 * own voice (as long as its own WAV, sample for sample). */
static void two_languages(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_speech *en = pe_speech_open("en", &err);
	pe_speech *es = pe_speech_open("es", &err);
	assert_non_null(en);
	assert_non_null(es);
	assert_true(pe_speech_say(en, EN, 2, &err));
	assert_true(pe_speech_say(es, ES, 2, &err));
	size_t got_en = 0, got_es = 0;
	int16_t buf[512];
	double give_up = now() + 20;
	while (pe_speech_state_now(en) == PE_SPEECH_SPEAKING || pe_speech_state_now(es) == PE_SPEECH_SPEAKING) {
		size_t a = pe_speech_pull(en, buf, 512), b = pe_speech_pull(es, buf, 512);
		got_en += a;
		got_es += b;
		if (!a && !b) {
			assert_true(now() < give_up);
			usleep(1000);
		}
	}
	pe_speech_close(en);
	pe_speech_close(es);
	wav wen = write_wav("en", false, EN, 2, "two-en.wav");
	wav wes = write_wav("es", false, ES, 2, "two-es.wav");
	SAME_LENGTH(got_en, wen.frames, 2);
	SAME_LENGTH(got_es, wes.frames, 2);
	/* es is the Latin American voice (es-419): Spain's voice reads the
	 * same words about 9 % faster. */
	wav spain = write_wav("es_ES", false, ES, 2, "es-es.wav");
	assert_true(spain.frames < wes.frames * 95 / 100);
}

static void first_sample_soon(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_speech *sp = pe_speech_open("en", &err);
	assert_non_null(sp);
	int16_t buf[256];
	double t0 = now();
	assert_true(pe_speech_say(sp, EN, 3, &err));
	while (pe_speech_pull(sp, buf, 256) == 0) {
		assert_true(now() - t0 < 0.3); /* issue 14: under 300 ms */
		usleep(500);
	}
	pe_speech_close(sp);
}

static void missing_voice(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	assert_null(pe_speech_open("xx", &err));
	assert_string_equal(err.msg, "speech: eSpeak NG has no voice \"xx\" (The specified espeak-ng voice does not exist)");
	assert_null(strchr(err.msg, '\n'));
	assert_false(pe_speech_to_wav("xx", false, EN, 1, "/dev/null", &err));
	assert_non_null(strstr(err.msg, "no voice \"xx\""));
	/* the engine is still usable afterwards */
	pe_speech *sp = pe_speech_open("en", &err);
	assert_non_null(sp);
	pe_speech_close(sp);
}

/* eSpeak NG's data missing: only a fresh process sees it (the library is
 * initialised once), so the test runs itself with the data path pointing
 * at an empty espeak-ng-data directory. */
static void missing_data(void **state)
{
	(void)state;
	char data[256], out[256];
	snprintf(data, sizeof data, "%s/espeak-ng-data", tmpdir);
	assert_int_equal(mkdir(data, 0755), 0);
	snprintf(out, sizeof out, "%s/nodata.txt", tmpdir);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setenv("ESPEAK_DATA_PATH", tmpdir, 1);
		setenv("PE_TEST_SPEECH_NODATA", out, 1);
		execl(self, self, (char *)NULL);
		_exit(127);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	FILE *f = fopen(out, "r");
	assert_non_null(f);
	char line[1024] = "";
	assert_non_null(fgets(line, sizeof line, f));
	fclose(f);
	char want[512];
	snprintf(want, sizeof want, "speech: eSpeak NG data in %s/espeak-ng-data cannot be loaded "
	         "(No such file or directory; Debian: espeak-ng-data)\n", tmpdir);
	assert_string_equal(line, want);
}

/* The child of missing_data: open must fail cleanly, twice (no retry,
 * no abort), and a WAV too. Exit 0 and the message in the file. */
static int nodata_child(const char *out)
{
	pe_error err = { { 0 } }, err2 = { { 0 } };
	if (pe_speech_open("en", &err) || pe_speech_open("es", &err2) ||
	    pe_speech_to_wav("en", false, EN, 1, "/dev/null", &err2))
		return 1;
	if (strcmp(err.msg, err2.msg) != 0)
		return 2;
	FILE *f = fopen(out, "w");
	if (!f)
		return 3;
	fprintf(f, "%s\n", err.msg);
	return fclose(f) == 0 ? 0 : 4;
}

int main(int argc, char **argv)
{
	(void)argc;
	self = argv[0];
	const char *nodata = getenv("PE_TEST_SPEECH_NODATA");
	if (nodata)
		return nodata_child(nodata);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_en),
		cmocka_unit_test(text_es),
		cmocka_unit_test(text_sizes),
		cmocka_unit_test(split),
		cmocka_unit_test(wav_en),
		cmocka_unit_test(wav_es),
		cmocka_unit_test(wav_slow_is_longer),
		cmocka_unit_test(wav_unwritable),
		cmocka_unit_test(sentence_advances),
		cmocka_unit_test(pause_resume_stop),
		cmocka_unit_test(volume),
		cmocka_unit_test(two_languages),
		cmocka_unit_test(first_sample_soon),
		cmocka_unit_test(missing_voice),
		cmocka_unit_test(missing_data),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
