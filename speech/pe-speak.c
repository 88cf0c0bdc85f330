/* SPDX-License-Identifier: MIT */
/*
 * pe-speak - read a topic, or sentences from stdin, aloud into a WAV file.
 *
 *   pe-speak --lang es --topic ivig-aftercare -o out.wav
 *   echo "Call 911 now." | pe-speak --lang en -o out.wav
 *   pe-speak --lang es --topic ivig-aftercare --print   (the sentences, and
 *                                                       the words read)
 *
 * A topic is read in the order the reader shows it: title, then each
 * section's heading and blocks, every text split into sentences
 * (pe_speech_split) - the words of the content the screen shows, not the
 * display list's lines. Prints "OUT: SECONDS s, N sentences".
 */
#include <getopt.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void usage(FILE *f)
{
	fprintf(f, "usage: pe-speak [--lang LANG] [--slow] [--topic ID] (-o OUT.wav | --print)\n"
	           "Reads the topic, or the lines of stdin, aloud into OUT.wav (16-bit mono).\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "topic", required_argument, NULL, 't' },
		{ "slow", no_argument, NULL, 's' },
		{ "print", no_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *lang = "en", *topic = NULL, *out = NULL;
	bool slow = false, print = false;
	int c;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'l': lang = optarg; break;
		case 't': topic = optarg; break;
		case 's': slow = true; break;
		case 'p': print = true; break;
		case 'o': out = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc || (!out && !print)) {
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
