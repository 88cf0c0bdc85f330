/* SPDX-License-Identifier: MIT */
/*
 * handout.c - the handout command: topic(s) + language -> PDF.
 *
 * Thin on purpose: parse the arguments, load what they name from the data
 * directory, and call core (handout.c lays out, pdf.c writes). Every error
 * is one line naming what failed. Exit status: 0 success, 2 usage error
 * (bad option, unknown topic, language or template), 1 anything else
 * (content, fonts, site file, rendering, writing). The output is written
 * to a temporary file and renamed (core/atomicfile.h), so a failure never
 * leaves a partial OUT and never touches an older one.
 */
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "error.h"
#include "fonts.h"
#include "handout.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "pdf.h"
#include "site.h"
#include "template.h"

#ifndef PE_VERSION
#define PE_VERSION "0"
#endif

enum { EXIT_USAGE = 2 };

#define MAX_TOPICS 64

typedef struct options {
	bool list, all, wallet, sheet, large_print, bilingual, help, version;
	long cards;   /* --cards N: wallet cards on the sheet (0: as many as fit) */
	const char *topics[MAX_TOPICS];
	size_t n_topics;
	const char *lang;
	const char *second_lang;   /* --second-lang: the bilingual handout's other column */
	const char *paper;
	const char *template_name;
	const char *site;
	const char *out;
	const char *out_dir;
	long repeat;   /* benchmarks: make the same PDF this many times */
} options;

/* What a run needs, loaded once. */
typedef struct env {
	pe_fonts *fonts;
	pe_layout *layout;
	pe_schema *schema;
	pe_site *site;
} env;

/* The command's name as it was started (argv[0]'s last part): `make
 * install` puts it in BINDIR as patient-ed-handout, and --help told the
 * reader to type "handout", which is not there. */
static const char *prog = "handout";

static void set_prog(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
	const char *name = slash ? slash + 1 : argv0;
	if (name && *name)
		prog = name;
}

static void usage(FILE *to)
{
	int w = (int)strlen(prog);   /* continued lines line up under the options */
	fprintf(to,
	        "Usage:\n"
	        "  %s --list [--lang L]\n"
	        "  %s --topic ID [--topic ID ...] --lang L [--paper letter|a4] [--large-print]\n"
	        "  %*s [--bilingual [--second-lang L2]] [--template NAME|FILE.ini] [--site FILE]\n"
	        "  %*s -o OUT.pdf\n"
	        "  %s --wallet-card --lang L [--site FILE] -o OUT.pdf\n"
	        "  %s --wallet-card --sheet [--cards N] [--paper letter|a4] --lang L\n"
	        "  %*s [--site FILE] -o OUT.pdf\n"
	        "  %s --all --out-dir DIR [--site FILE]\n"
	        "  %s --help | --version\n"
	        "  (--repeat N with --topic: make the PDF N times in one process and\n"
	        "   print the time per handout, for benchmarks)\n"
	        "\n"
	        "Makes patient handouts as PDF from the topics in the data directory\n"
	        "(%s). --bilingual puts the topic in L and in the\n"
	        "second language side by side: L2, or Spanish for English and English\n"
	        "for any other language.\n"
	        "--site names the clinic's site file (name, phone numbers, logo).\n"
	        "--sheet prints the wallet card on one sheet: front and back side by\n"
	        "side at 85.6 x 54 mm with a fold line, crop marks and a thin border,\n"
	        "as many cards as fit (4) or --cards N. Fold, then cut.\n"
	        "Exit status: 0 done; 2 usage error (bad option, unknown topic, language\n"
	        "or template); 1 other error (content, fonts, site file, writing). On\n"
	        "any error OUT is not touched: no partial PDF, and an older OUT stays as\n"
	        "it was. Only a regular file (or a new path) is ever replaced.\n",
	        prog, prog, w, "", w, "", prog, prog, w, "", prog, prog, pe_paths_datadir());
}

static int die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return code;
}

static int parse_args(int argc, char **argv, options *o)
{
	static const struct option longs[] = {
		{ "list", no_argument, NULL, 'L' },
		{ "topic", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ "paper", required_argument, NULL, 'p' },
		{ "large-print", no_argument, NULL, 'P' },
		{ "bilingual", no_argument, NULL, 'b' },
		{ "second-lang", required_argument, NULL, '2' },
		{ "template", required_argument, NULL, 'T' },
		{ "wallet-card", no_argument, NULL, 'w' },
		{ "sheet", no_argument, NULL, 'S' },
		{ "cards", required_argument, NULL, 'C' },
		{ "site", required_argument, NULL, 's' },
		{ "all", no_argument, NULL, 'a' },
		{ "out-dir", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "repeat", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
		switch (c) {
		case 'L': o->list = true; break;
		case 't':
			if (o->n_topics == MAX_TOPICS)
				return die(EXIT_USAGE, "at most %d topics", MAX_TOPICS);
			o->topics[o->n_topics++] = optarg;
			break;
		case 'l': o->lang = optarg; break;
		case 'p': o->paper = optarg; break;
		case 'P': o->large_print = true; break;
		case 'b': o->bilingual = true; break;
		case '2': o->second_lang = optarg; break;
		case 'T': o->template_name = optarg; break;
		case 'w': o->wallet = true; break;
		case 'S': o->sheet = true; break;
		case 'C': {
			char *end;
			o->cards = strtol(optarg, &end, 10);
			if (*end || o->cards < 1 || o->cards > 100)
				return die(EXIT_USAGE, "--cards needs a count from 1 to 100");
			break;
		}
		case 's': o->site = optarg; break;
		case 'a': o->all = true; break;
		case 'd': o->out_dir = optarg; break;
		case 'o': o->out = optarg; break;
		case 'h': o->help = true; break;
		case 'V': o->version = true; break;
		case 'R': {
			char *end;
			o->repeat = strtol(optarg, &end, 10);
			if (*end || o->repeat < 1 || o->repeat > 100000)
				return die(EXIT_USAGE, "--repeat needs a count from 1 to 100000");
			break;
		}
		case ':':
			return die(EXIT_USAGE, "option %s needs a value (see --help)", argv[optind - 1]);
		default:
			return die(EXIT_USAGE, "unknown option %s (see --help)", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return die(EXIT_USAGE, "unexpected argument '%s' (see --help)", argv[optind]);
	if (o->help || o->version)
		return 0;
	int modes = o->list + o->all + o->wallet + (o->n_topics > 0);
	if (modes != 1)
		return die(EXIT_USAGE, "give exactly one of --list, --topic, --wallet-card or --all (see --help)");
	if ((o->n_topics || o->wallet) && !o->lang)
		return die(EXIT_USAGE, "--lang is required (e.g. --lang en)");
	if ((o->n_topics || o->wallet) && !o->out)
		return die(EXIT_USAGE, "-o OUT.pdf is required");
	if (o->all && !o->out_dir)
		return die(EXIT_USAGE, "--all needs --out-dir DIR");
	if (o->paper && strcmp(o->paper, "letter") != 0 && strcmp(o->paper, "a4") != 0)
		return die(EXIT_USAGE, "--paper must be letter or a4, not '%s'", o->paper);
	if ((o->sheet || o->cards) && !o->wallet)
		return die(EXIT_USAGE, "--sheet and --cards go with --wallet-card");
	if (o->cards && !o->sheet)
		return die(EXIT_USAGE, "--cards goes with --sheet");
	/* --paper letter goes with anything; --paper a4 with --large-print
	 * (large-print-a4) or alone. */
	if ((o->paper != NULL) + o->large_print + o->bilingual + (o->template_name != NULL) > 1 &&
	    !(o->paper && o->large_print + o->bilingual == 1 && !o->template_name &&
	      (strcmp(o->paper, "letter") == 0 || o->large_print)))
		return die(EXIT_USAGE, "choose one of --paper a4, --large-print, --bilingual or --template");
	if (o->second_lang && !o->bilingual)
		return die(EXIT_USAGE, "--second-lang goes with --bilingual");
	if (o->second_lang && o->lang && strcmp(o->second_lang, o->lang) == 0)
		return die(EXIT_USAGE, "--second-lang must differ from --lang (both are %s)", o->lang);
	if (o->n_topics && o->out_dir)
		return die(EXIT_USAGE, "--out-dir goes with --all; use -o OUT.pdf");
	if (o->repeat && !o->n_topics)
		return die(EXIT_USAGE, "--repeat goes with --topic");
	return 0;
}

/* ---- loading ----------------------------------------------------------- */

/* langs: the languages the run writes, for the fonts (fonts.h). */
static int load_env(env *e, const char *site_path, bool need_layout,
                    const char *const *langs, size_t n_langs)
{
	pe_error err = { { 0 } };
	char path[4096];
	if (site_path && !(e->site = pe_site_load(site_path, &err)))
		return die(EXIT_FAILURE, "bad site file: %s", err.msg);
	if (!pe_paths_data(path, sizeof path, "topic.rng"))
		return die(EXIT_FAILURE, "data directory path too long");
	if (!(e->schema = pe_schema_load(path, &err)))
		return die(EXIT_FAILURE, "%s", err.msg);
	if (!need_layout)
		return 0;
	if (!pe_paths_data(path, sizeof path, "fonts"))
		return die(EXIT_FAILURE, "data directory path too long");
	if (!(e->fonts = pe_fonts_load_langs(path, langs, n_langs, &err)))
		return die(EXIT_FAILURE, "fonts: %s", err.msg);
	if (!(e->layout = pe_layout_create(e->fonts, &err)))
		return die(EXIT_FAILURE, "%s", err.msg);
	return 0;
}

static void free_env(env *e)
{
	pe_layout_destroy(e->layout);
	pe_fonts_destroy(e->fonts);
	pe_schema_destroy(e->schema);
	pe_site_destroy(e->site);
}

static pe_library *load_library(const env *e, const char *lang, pe_error *err)
{
	char rel[256], dir[4096];
	snprintf(rel, sizeof rel, "content/%s", lang);
	if (!pe_paths_data(dir, sizeof dir, rel)) {
		pe_error_set(err, NULL, 0, "data directory path too long");
		return NULL;
	}
	return pe_library_load(dir, lang, e->schema, err);
}

/* Every topic id of a language, for "unknown topic" messages. */
static char *topic_ids(const env *e, const char *lang)
{
	pe_error err = { { 0 } };
	pe_library *lib = load_library(e, lang, &err);
	if (!lib)
		return g_strdup("none could be loaded");
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < pe_library_count(lib); i++)
		g_string_append_printf(s, "%s%s", i ? ", " : "", pe_library_topic(lib, i)->id);
	pe_library_destroy(lib);
	return g_string_free(s, FALSE);
}

static bool valid_id(const char *id)
{
	return *id && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(id);
}

/* Load one topic file directly (no need to parse the whole library for
 * one handout). NULL with *code set: 2 unknown topic (or a card asked for
 * as a topic), 1 broken file. */
static pe_topic *load_topic(const env *e, const char *lang, const char *id, int *code)
{
	char rel[512], path[4096];
	pe_error err = { { 0 } };
	snprintf(rel, sizeof rel, "content/%s/%s.xml", lang, id);
	if (valid_id(id) && pe_paths_data(path, sizeof path, rel) && access(path, F_OK) == 0) {
		pe_topic *t = pe_topic_load(path, lang, e->schema, &err);
		if (!t) {
			*code = die(EXIT_FAILURE, "%s", err.msg);
			return NULL;
		}
		if (t->kind == PE_TOPIC_TOPIC)
			return t;
		/* A card's words are not a handout of their own. */
		pe_topic_destroy(t);
		char *ids = topic_ids(e, lang);
		*code = die(EXIT_USAGE, "'%s' is the wallet card's words, not a topic (use "
		            "--wallet-card; topics: %s)", id, ids);
		g_free(ids);
		return NULL;
	}
	char *ids = topic_ids(e, lang);
	*code = die(EXIT_USAGE, "unknown topic '%s' in language %s (available: %s)", id, lang, ids);
	g_free(ids);
	return NULL;
}

/* The wallet card's words in one language: the card topic, by id. */
static pe_topic *load_card(const env *e, const char *lang, int *code)
{
	char rel[512], path[4096];
	pe_error err = { { 0 } };
	snprintf(rel, sizeof rel, "content/%s/%s.xml", lang, PE_WALLET_CARD_ID);
	if (!pe_paths_data(path, sizeof path, rel) || access(path, F_OK) != 0) {
		*code = die(EXIT_FAILURE, "%s: missing: the wallet card's words (a topic of "
		            "kind=\"card\", id \"%s\")", rel, PE_WALLET_CARD_ID);
		return NULL;
	}
	pe_topic *t = pe_topic_load(path, lang, e->schema, &err);
	if (!t) {
		*code = die(EXIT_FAILURE, "%s", err.msg);
		return NULL;
	}
	if (t->kind != PE_TOPIC_CARD) {
		*code = die(EXIT_FAILURE, "%s: the wallet card's words must be a topic of "
		            "kind=\"card\"", path);
		pe_topic_destroy(t);
		return NULL;
	}
	return t;
}

static const char *other_lang(const char *lang)
{
	return strcmp(lang, "en") == 0 ? "es" : "en";
}

/* ---- making one PDF ---------------------------------------------------- */

typedef struct made {
	size_t files, pages;
	long long bytes;
} made;

static int make_pdf(const env *e, const pe_handout_req *req, const char *out, made *m)
{
	pe_error err = { { 0 } };
	size_t pages = 0;
	/* The kiosk's "Print this" makes its PDF with the same call. On any
	 * failure an older file of that name stays as it was. */
	if (!pe_handout_write(e->layout, req, out, &pages, &err)) {
		/* The PDF writer names the file in its own messages; layout
		 * and check errors do not. */
		if (strncmp(err.msg, out, strlen(out)) == 0)
			return die(EXIT_FAILURE, "%s", err.msg);
		return die(EXIT_FAILURE, "%s: %s", out, err.msg);
	}
	if (m) {
		struct stat st;
		m->files++;
		m->pages += pages;
		if (stat(out, &st) == 0)
			m->bytes += st.st_size;
	}
	return 0;
}

static const char *template_for(const options *o)
{
	if (o->template_name)
		return o->template_name;
	if (o->wallet)
		return "wallet-card";
	if (o->large_print)
		return o->paper && strcmp(o->paper, "a4") == 0 ? "large-print-a4" : "large-print";
	if (o->bilingual)
		return "bilingual";
	return o->paper ? o->paper : "letter";
}

/* A template by name (from the data directory), or by path when the name
 * has a slash: a clinic can try a new paper size without installing it.
 * NULL with *code set: 2 unknown name, 1 a file that does not load. */
static pe_template *load_template(const char *name, int *code)
{
	pe_error err = { { 0 } };
	/* A file when it says so: a '/' in it, or a name ending in .ini
	 * (template names have neither). */
	size_t len = strlen(name);
	bool path = strchr(name, '/') != NULL || (len > 4 && strcmp(name + len - 4, ".ini") == 0);
	pe_template *tpl = path ? pe_template_load(name, &err) : pe_template_find(name, &err);
	if (!tpl)
		*code = die(path ? EXIT_FAILURE : EXIT_USAGE, "%s", err.msg);
	return tpl;
}

static int cmd_topics(const options *o, env *e)
{
	int code = 0;
	pe_template *tpl = load_template(template_for(o), &code);
	if (!tpl)
		return code;
	const char *second = o->bilingual || tpl->kind == PE_TEMPLATE_BILINGUAL
	                     ? (o->second_lang ? o->second_lang : other_lang(o->lang))
	                     : NULL;
	pe_error lerr = { { 0 } };
	if (second && !pe_i18n_check(second, &lerr)) {
		pe_template_destroy(tpl);
		return die(EXIT_USAGE, "--bilingual: %s", lerr.msg);
	}
	pe_topic *topics[MAX_TOPICS] = { 0 }, *seconds[MAX_TOPICS] = { 0 };
	for (size_t i = 0; i < o->n_topics && !code; i++) {
		if (!(topics[i] = load_topic(e, o->lang, o->topics[i], &code)))
			break;
		if (second && !(seconds[i] = load_topic(e, second, o->topics[i], &code)))
			break;
	}
	if (!code) {
		pe_handout_stats stats = { 0 };
		pe_handout_req req = { .topics = (const pe_topic *const *)topics, .n_topics = o->n_topics,
		                       .lang = o->lang, .second = (const pe_topic *const *)seconds,
		                       .second_lang = second, .tpl = tpl, .site = e->site,
		                       .stats = o->repeat > 0 ? &stats : NULL };
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		long n = o->repeat > 0 ? o->repeat : 1;
		for (long i = 0; i < n && !code; i++)
			code = make_pdf(e, &req, o->out, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (!code && o->repeat > 0)
			printf("handout: %ld x %s: %.2f ms per handout (layout, check, PDF, write); "
			       "pages balanced with %zu more layout(s), %zu of %zu holes left%s\n", n, o->out,
			       ms / (double)n, stats.relayouts, stats.holes_after, stats.holes_before,
			       stats.cut_short ? " (search stopped at its limit)" : "");
	}
	for (size_t i = 0; i < o->n_topics; i++) {
		pe_topic_destroy(topics[i]);
		pe_topic_destroy(seconds[i]);
	}
	pe_template_destroy(tpl);
	return code;
}

/* The wallet card on one sheet (--sheet): laid out and checked as a
 * card, then placed on the paper and checked again there (the card's
 * minimum type size, the sheet's printable area), written only when
 * whole. */
static int make_sheet(const options *o, const env *e, const pe_handout_req *req)
{
	pe_error err = { { 0 } };
	bool a4 = o->paper && strcmp(o->paper, "a4") == 0;
	double w = a4 ? 595.28 : 612, h = a4 ? 841.89 : 792;
	pe_dlist *card = pe_handout_layout(e->layout, req, &err);
	if (card && !pe_handout_check(card, req->tpl, &err)) {
		pe_dlist_destroy(card);
		card = NULL;
	}
	if (!card)
		return die(EXIT_FAILURE, "%s: %s", o->out, err.msg);
	int cap = pe_wallet_sheet_capacity(w, h);
	if (o->cards > cap) {
		pe_dlist_destroy(card);
		return die(EXIT_USAGE, "--cards %ld: at most %d cards fit on %s", o->cards, cap,
		           a4 ? "A4" : "Letter");
	}
	pe_dlist *dl = pe_wallet_sheet(card, w, h, (int)o->cards, &err);
	pe_dlist_destroy(card);
	if (!dl)
		return die(EXIT_FAILURE, "%s: %s", o->out, err.msg);
	pe_template sheet = *req->tpl;   /* the card's rules on the sheet's paper */
	sheet.width = w;
	sheet.height = h;
	sheet.margin_top = sheet.margin_bottom = sheet.margin_left = sheet.margin_right = 5 * 72 / 25.4;
	bool ok = pe_handout_check(dl, &sheet, &err) &&
	          pe_handout_write_dlist(dl, pe_layout_fonts(e->layout), o->out, &err);
	pe_dlist_destroy(dl);
	if (!ok) {
		if (strncmp(err.msg, o->out, strlen(o->out)) == 0)
			return die(EXIT_FAILURE, "%s", err.msg);
		return die(EXIT_FAILURE, "%s: %s", o->out, err.msg);
	}
	return 0;
}

static int cmd_wallet(const options *o, env *e)
{
	int code = 0;
	pe_template *tpl = load_template(template_for(o), &code);
	if (!tpl)
		return code;
	pe_topic *card = load_card(e, o->lang, &code);
	if (card) {
		pe_handout_req req = { .lang = o->lang, .tpl = tpl, .site = e->site, .card = card };
		code = o->sheet ? make_sheet(o, e, &req) : make_pdf(e, &req, o->out, NULL);
	} else {
		unlink(o->out);
	}
	pe_topic_destroy(card);
	pe_template_destroy(tpl);
	return code;
}

static int cmd_list(const options *o, env *e)
{
	pe_error err = { { 0 } };
	const char *lang = o->lang ? o->lang : "en";
	pe_library *lib = load_library(e, lang, &err);
	if (!lib)
		return die(EXIT_FAILURE, "%s", err.msg);
	for (size_t i = 0; i < pe_library_count(lib); i++) {
		const pe_topic *t = pe_library_topic(lib, i);
		printf("%-28s %s\n", t->id, t->title);
	}
	pe_library_destroy(lib);
	return 0;
}

/* Every topic in every built language (letter and large print), every
 * topic in English side by side with each other language, and a wallet
 * card per language. Pseudo-locales (qps) are for testing: left out. */
static int cmd_all(const options *o, env *e)
{
	if (g_mkdir_with_parents(o->out_dir, 0777) != 0)
		return die(EXIT_FAILURE, "cannot create output directory %s: %s", o->out_dir, strerror(errno));
	if (access(o->out_dir, W_OK) != 0)
		return die(EXIT_FAILURE, "output directory %s is not writable: %s", o->out_dir, strerror(errno));
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *names[] = { "letter", "large-print", "bilingual", "wallet-card" };
	pe_template *tpl[4] = { 0 };
	pe_error err = { { 0 } };
	int code = 0;
	for (size_t i = 0; i < 4; i++)
		if (!(tpl[i] = pe_template_find(names[i], &err))) {
			code = die(EXIT_FAILURE, "%s", err.msg);
			goto out;
		}
	made m = { 0 };
	pe_library *en = NULL;
	if (pe_i18n_known("en") && !(en = load_library(e, "en", &err))) {
		code = die(EXIT_FAILURE, "%s", err.msg);
		goto out;
	}
	for (size_t li = 0; li < pe_i18n_count() && !code; li++) {
		const char *lang = pe_i18n_code(li);
		if (strncmp(lang, "qp", 2) == 0)
			continue;
		pe_library *lib = strcmp(lang, "en") == 0 ? en : load_library(e, lang, &err);
		if (!lib) {
			code = die(EXIT_FAILURE, "%s", err.msg);
			break;
		}
		for (size_t ti = 0; ti < pe_library_count(lib) && !code; ti++) {
			const pe_topic *t = pe_library_topic(lib, ti);
			char out[4096];
			pe_handout_req req = { .topics = &t, .n_topics = 1, .lang = lang, .site = e->site };
			req.tpl = tpl[0];
			snprintf(out, sizeof out, "%s/%s-%s.pdf", o->out_dir, t->id, lang);
			if ((code = make_pdf(e, &req, out, &m)))
				break;
			req.tpl = tpl[1];
			snprintf(out, sizeof out, "%s/%s-%s-large-print.pdf", o->out_dir, t->id, lang);
			if ((code = make_pdf(e, &req, out, &m)))
				break;
			const pe_topic *t_en = en ? pe_library_find(en, t->id) : NULL;
			if (strcmp(lang, "en") != 0 && t_en) {
				pe_handout_req bi = { .topics = &t_en, .n_topics = 1, .lang = "en", .second = &t,
				                      .second_lang = lang, .tpl = tpl[2], .site = e->site };
				snprintf(out, sizeof out, "%s/%s-en-%s.pdf", o->out_dir, t->id, lang);
				if ((code = make_pdf(e, &bi, out, &m)))
					break;
			}
		}
		if (!code) {
			char out[4096];
			/* The card topic is in the library already: not listed, but
			 * found by id. */
			const pe_topic *card = pe_library_find(lib, PE_WALLET_CARD_ID);
			snprintf(out, sizeof out, "%s/wallet-card-%s.pdf", o->out_dir, lang);
			if (!card || card->kind != PE_TOPIC_CARD) {
				code = die(EXIT_FAILURE, "%s: no wallet card words in language %s (a topic "
				           "of kind=\"card\", id \"%s\")", out, lang, PE_WALLET_CARD_ID);
			} else {
				pe_handout_req w = { .lang = lang, .tpl = tpl[3], .site = e->site,
				                     .card = card };
				code = make_pdf(e, &w, out, &m);
			}
		}
		if (lib != en)
			pe_library_destroy(lib);
	}
	pe_library_destroy(en);
	if (!code) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		printf("handouts: %zu PDFs, %zu pages, %.0f KB in %s (%.2f s, %.1f ms per PDF)\n", m.files,
		       m.pages, (double)m.bytes / 1024.0, o->out_dir, s, m.files ? s * 1000 / (double)m.files : 0);
	}
out:
	for (size_t i = 0; i < 4; i++)
		pe_template_destroy(tpl[i]);
	return code;
}

int main(int argc, char **argv)
{
	options o = { 0 };
	set_prog(argc > 0 ? argv[0] : NULL);
	int code = parse_args(argc, argv, &o);
	if (code)
		return code;
	if (o.help) {
		usage(stdout);
		return 0;
	}
	if (o.version) {
		printf("%s (patient-ed) %s\n", prog, PE_VERSION);
		return 0;
	}
	pe_error err = { { 0 } };
	if (!pe_i18n_init(&err))
		return die(EXIT_FAILURE, "%s", err.msg);
	if (o.lang && !pe_i18n_check(o.lang, &err)) {
		pe_i18n_finish();
		return die(EXIT_USAGE, "%s", err.msg);
	}
	/* The fonts of every language this run writes: --all writes all of
	 * them (but the pseudo-locales), others --lang and --second-lang. */
	size_t n_langs = 0;
	const char **langs = calloc(pe_i18n_count() + 2, sizeof *langs);
	if (!langs) {
		pe_i18n_finish();
		return die(EXIT_FAILURE, "out of memory");
	}
	if (o.all) {
		for (size_t i = 0; i < pe_i18n_count(); i++)
			if (strncmp(pe_i18n_code(i), "qp", 2) != 0)
				langs[n_langs++] = pe_i18n_code(i);
	} else {
		if (o.lang)
			langs[n_langs++] = o.lang;
		if (o.second_lang)
			langs[n_langs++] = o.second_lang;
	}
	env e = { 0 };
	code = load_env(&e, o.site, !o.list, langs, n_langs);
	free(langs);
	if (!code) {
		if (o.list)
			code = cmd_list(&o, &e);
		else if (o.all)
			code = cmd_all(&o, &e);
		else if (o.wallet)
			code = cmd_wallet(&o, &e);
		else
			code = cmd_topics(&o, &e);
	}
	free_env(&e);
	pe_i18n_finish();
	return code;
}
