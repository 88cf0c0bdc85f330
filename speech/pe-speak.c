/* SPDX-License-Identifier: MIT */
/*
 * pe-speak - read a topic, or sentences from stdin, aloud into a WAV file.
 *
 *   pe-speak --lang es --topic ivig-aftercare -o out.wav
 *   echo "Call 911 now." | pe-speak --lang en -o out.wav
 *   pe-speak --lang es --topic ivig-aftercare --print   (the sentences, and
 *                                                       the words read)
 *   pe-speak --lang en --topic ivig-aftercare --bench   (make bench-speech)
 *
 * A topic is read in the order the reader shows it: title, then each
 * section's heading and blocks, every text split into sentences
 * (pe_speech_split) - the words of the content the screen shows, not the
 * display list's lines. Prints "OUT: SECONDS s, N sentences".
 */
#include <dirent.h>
#include <getopt.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "paths.h"
#include "speech/speech.h"

#define EXIT_USAGE 2

typedef struct list {
	char **s;
	size_t n, cap;
	bool oom;
} list;

/* Append the sentences of text (any of them may be NULL or empty). */
static void add_text(list *l, const char *text)
{
	if (!text || !text[0])
		return;
	size_t n = pe_speech_split(text, NULL, NULL, 0);
	size_t *st = malloc((n + 1) * sizeof *st), *en = malloc((n + 1) * sizeof *en);
	if (!st || !en) {
		l->oom = true;
		goto out;
	}
	pe_speech_split(text, st, en, n);
	for (size_t i = 0; i < n; i++) {
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 64;
			char **p = realloc(l->s, cap * sizeof *p);
			if (!p) {
				l->oom = true;
				goto out;
			}
			l->s = p;
			l->cap = cap;
		}
		char *s = strndup(text + st[i], en[i] - st[i]);
		if (!s) {
			l->oom = true;
			goto out;
		}
		l->s[l->n++] = s;
	}
out:
	free(st);
	free(en);
}

static void add_run_text(list *l, const pe_text *t)
{
	char *s = pe_text_plain(t);
	if (!s && t->n_runs)
		l->oom = true;
	add_text(l, s);
	free(s);
}

/* "6-12 hours after: A headache may start." - label and text as one. */
static void add_labelled(list *l, const pe_text *label, const pe_text *text)
{
	char *a = pe_text_plain(label), *b = pe_text_plain(text);
	if (!a || !b) {
		l->oom = true;
	} else if (!a[0]) {
		add_text(l, b);
	} else {
		size_t n = strlen(a) + strlen(b) + 3;
		char *s = malloc(n);
		if (s) {
			snprintf(s, n, "%s: %s", a, b);
			add_text(l, s);
		} else {
			l->oom = true;
		}
		free(s);
	}
	free(a);
	free(b);
}

static void add_block(list *l, const pe_block *b)
{
	switch (b->kind) {
	case PE_BLOCK_PARAGRAPH:
		add_run_text(l, &b->text);
		break;
	case PE_BLOCK_LIST:
	case PE_BLOCK_STEPS:
	case PE_BLOCK_CALLOUT:
	case PE_BLOCK_CHECKLIST:
		add_run_text(l, &b->title);
		for (size_t i = 0; i < b->n_items; i++)
			add_run_text(l, &b->items[i].text);
		break;
	case PE_BLOCK_TIMELINE:
	case PE_BLOCK_SCALE:
		for (size_t i = 0; i < b->n_items; i++)
			add_labelled(l, &b->items[i].label, &b->items[i].text);
		break;
	case PE_BLOCK_CONTACT:
		add_run_text(l, &b->contact.name);
		add_text(l, b->contact.phone);
		add_run_text(l, &b->contact.hours);
		add_run_text(l, &b->contact.chat);
		add_run_text(l, &b->contact.note);
		break;
	case PE_BLOCK_GETHELP:
		for (size_t t = 0; t < b->n_tiers; t++) {
			add_run_text(l, &b->tiers[t].title);
			for (size_t i = 0; i < b->tiers[t].n_signs; i++)
				add_run_text(l, &b->tiers[t].signs[i].text);
			for (size_t i = 0; i < b->tiers[t].n_paras; i++)
				add_run_text(l, &b->tiers[t].paras[i].text);
		}
		break;
	}
}

static void add_topic(list *l, const pe_topic *t)
{
	add_text(l, t->title);
	for (size_t s = 0; s < t->n_sections; s++) {
		add_run_text(l, &t->sections[s].heading);
		for (size_t b = 0; b < t->sections[s].n_blocks; b++)
			add_block(l, &t->sections[s].blocks[b]);
	}
}

static bool load_topic(list *l, const char *lang, const char *id, pe_error *err)
{
	char path[4096], rel[256];
	pe_schema *schema = NULL;
	pe_library *lib = NULL;
	bool ok = false;
	if (!pe_paths_data(path, sizeof path, "topic.rng")) {
		pe_error_set(err, NULL, 0, "data directory path too long");
		return false;
	}
	if (!(schema = pe_schema_load(path, err)))
		return false;
	snprintf(rel, sizeof rel, "content/%s", lang);
	if (!pe_paths_data(path, sizeof path, rel))
		pe_error_set(err, NULL, 0, "data directory path too long");
	else if ((lib = pe_library_load(path, lang, schema, err))) {
		const pe_topic *t = pe_library_find(lib, id);
		if (!t)
			pe_error_set(err, path, 0, "no topic \"%s\"", id);
		else {
			add_topic(l, t);
			ok = true;
		}
	}
	pe_library_destroy(lib);
	pe_schema_destroy(schema);
	return ok;
}

static void read_stdin(list *l)
{
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, stdin) >= 0)
		add_text(l, line);
	free(line);
}

/* ---- --bench ------------------------------------------------------------ */

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static long max_rss_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* Context switches of every thread of this process: each one is a wake-up. */
static long wakeups(void)
{
	DIR *d = opendir("/proc/self/task");
	if (!d)
		return -1;
	long n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[300], line[256];
		snprintf(path, sizeof path, "/proc/self/task/%s/status", e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		while (fgets(line, sizeof line, f)) {
			long v;
			if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1 ||
			    sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1)
				n += v;
		}
		fclose(f);
	}
	closedir(d);
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The figures of issue 14 for one language and text, as the kiosk would
 * see them: open (eSpeak's start-up, once per process), say() to the
 * first sample (median of 9), CPU while speaking in real time (10 ms
 * pulls, 5 s), wake-ups while idle (2 s after stop), CPU to synthesize all
 * of it, peak RSS. */
static int bench(const char *lang, char **sent, size_t n)
{
	pe_error err = { { 0 } };
	double t0 = now_ms();
	pe_speech *sp = pe_speech_open(lang, &err);
	if (!sp) {
		fprintf(stderr, "pe-speak: %s\n", err.msg);
		return EXIT_FAILURE;
	}
	double open_ms = now_ms() - t0;
	int rate = pe_speech_sample_rate(sp);
	int16_t buf[4096];
	double first[9];
	for (int r = 0; r < 9; r++) {
		t0 = now_ms();
		if (!pe_speech_say(sp, (const char *const *)sent, n, &err)) {
			fprintf(stderr, "pe-speak: %s\n", err.msg);
			pe_speech_close(sp);
			return EXIT_FAILURE;
		}
		while (pe_speech_pull(sp, buf, 256) == 0)
			usleep(100);
		first[r] = now_ms() - t0;
		pe_speech_stop(sp);
	}
	qsort(first, 9, sizeof *first, cmp_double);

	/* Real time: an audio callback pulls 10 ms every 10 ms. */
	if (!pe_speech_say(sp, (const char *const *)sent, n, &err)) {
		fprintf(stderr, "pe-speak: %s\n", err.msg);
		pe_speech_close(sp);
		return EXIT_FAILURE;
	}
	double c0 = cpu_ms();
	t0 = now_ms();
	size_t per = (size_t)rate / 100;
	while (now_ms() - t0 < 5000 && pe_speech_state_now(sp) == PE_SPEECH_SPEAKING) {
		pe_speech_pull(sp, buf, per);
		usleep(10000);
	}
	double speak_cpu = cpu_ms() - c0, speak_ms = now_ms() - t0;
	pe_speech_stop(sp);
	usleep(100000);
	long w0 = wakeups();
	sleep(2);
	long idle = wakeups() - w0;

	/* All of it, pulled as fast as it comes: the synthesis CPU. */
	if (!pe_speech_say(sp, (const char *const *)sent, n, &err)) {
		fprintf(stderr, "pe-speak: %s\n", err.msg);
		pe_speech_close(sp);
		return EXIT_FAILURE;
	}
	c0 = cpu_ms();
	t0 = now_ms();
	size_t total = 0, k;
	while (pe_speech_state_now(sp) == PE_SPEECH_SPEAKING) {
		if ((k = pe_speech_pull(sp, buf, 4096)) == 0)
			usleep(1000);
		total += k;
	}
	double all_cpu = cpu_ms() - c0, all_ms = now_ms() - t0;
	pe_speech_close(sp);
	printf("%s: %zu sentences, %.1f s of speech\n", lang, n, (double)total / rate);
	printf("  open (eSpeak start-up)      %7.1f ms\n", open_ms);
	printf("  say() to first sample       %7.2f ms median, %.2f ms max (9 runs)\n", first[4], first[8]);
	printf("  CPU while speaking          %7.2f %% (%.0f ms CPU over %.0f ms, 10 ms pulls)\n",
	       100 * speak_cpu / speak_ms, speak_cpu, speak_ms);
	printf("  wake-ups idle after stop    %7ld in 2 s (all threads)\n", idle);
	printf("  synthesize all of it        %7.0f ms CPU, %.0f ms wall (%.0fx real time)\n",
	       all_cpu, all_ms, (double)total / rate * 1000 / all_ms);
	printf("  peak RSS                    %7ld KiB\n", max_rss_kib());
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: pe-speak [--lang LANG] [--slow] [--topic ID] (-o OUT.wav | --print | --bench)\n"
	           "Reads the topic, or the lines of stdin, aloud into OUT.wav (16-bit mono).\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "topic", required_argument, NULL, 't' },
		{ "slow", no_argument, NULL, 's' },
		{ "print", no_argument, NULL, 'p' },
		{ "bench", no_argument, NULL, 'b' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *lang = "en", *topic = NULL, *out = NULL;
	bool slow = false, print = false, do_bench = false;
	int c;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'l': lang = optarg; break;
		case 't': topic = optarg; break;
		case 's': slow = true; break;
		case 'p': print = true; break;
		case 'b': do_bench = true; break;
		case 'o': out = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc || (!out && !print && !do_bench)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	list l = { 0 };
	pe_error err = { { 0 } };
	int status = EXIT_FAILURE;
	if (topic) {
		if (!load_topic(&l, lang, topic, &err)) {
			fprintf(stderr, "pe-speak: %s\n", err.msg);
			goto out;
		}
	} else {
		read_stdin(&l);
	}
	if (l.oom) {
		fprintf(stderr, "pe-speak: out of memory\n");
		goto out;
	}
	if (print) {
		for (size_t i = 0; i < l.n; i++) {
			size_t n = pe_speech_text(lang, l.s[i], NULL, 0);
			char *w = malloc(n + 1);
			if (!w)
				goto out;
			pe_speech_text(lang, l.s[i], w, n + 1);
			printf("%zu\t%s\n", i, l.s[i]);
			if (strcmp(w, l.s[i]) != 0)
				printf("%zu\t-> %s\n", i, w);
			free(w);
		}
	}
	if (do_bench && (status = bench(lang, l.s, l.n)) != 0)
		goto out;
	status = EXIT_FAILURE;
	if (out) {
		if (!pe_speech_to_wav(lang, slow, (const char *const *)l.s, l.n, out, &err)) {
			fprintf(stderr, "pe-speak: %s\n", err.msg);
			goto out;
		}
		SF_INFO info = { 0 };
		SNDFILE *f = sf_open(out, SFM_READ, &info);
		if (!f) {
			fprintf(stderr, "pe-speak: %s: cannot read back (%s)\n", out, sf_strerror(NULL));
			goto out;
		}
		sf_close(f);
		printf("%s: %.1f s, %zu sentences\n", out,
		       info.samplerate ? (double)info.frames / info.samplerate : 0.0, l.n);
	}
	status = 0;
out:
	for (size_t i = 0; i < l.n; i++)
		free(l.s[i]);
	free(l.s);
	return status;
}
