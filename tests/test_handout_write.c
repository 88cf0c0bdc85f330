/* SPDX-License-Identifier: MIT */
/*
 * test_handout_write.c - whole jobs (pe_handout_write, pe_handout_layout)
 * refused, never wrong: a word too long for any line refuses the handout
 * and writes nothing; a failed allocation anywhere in layout or the
 * display list ends as a clean error or a complete handout, never one
 * with text silently missing (hand-built and real topics, bilingual, the
 * wallet card, pages balanced).
 */
#include "handout_fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "paths.h"

/* ---- whole jobs: refused, never wrong ---------------------------------- */

static bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void temp_pdf(char *path, size_t size, const char *name)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/test-handout-%ld-%s.pdf", dir && *dir ? dir : "/tmp",
	         (long)getpid(), name);
	unlink(path);
}

/* A word of 13,500 characters overflowed Pango's int units: the text was
 * drawn off the page and the handout written with exit 0. It is refused
 * now, with the reason; a long word that fits the units but not the page
 * is refused by the layout check, and pe_handout_write (the command's and
 * the kiosk's one way to a PDF) writes nothing in either case. */
static void long_word_refused(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	static const size_t lengths[] = { 13500, 40000, 300 };
	for (size_t k = 0; k < 3; k++) {
		pe_topic *t = topic("w", 1, 1);
		char *word = malloc(lengths[k] + 1);
		assert_non_null(word);
		for (size_t i = 0; i < lengths[k]; i++)
			word[i] = "MWmw"[i % 4];   /* wide letters: the old overflow */
		word[lengths[k]] = '\0';
		free(t->sections[0].blocks[0].text.runs[0].text);
		t->sections[0].blocks[0].text.runs[0].text = word;
		pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1,
		                       .lang = "en", .tpl = tpl };
		char out[4096];
		temp_pdf(out, sizeof out, "long-word");
		err.msg[0] = '\0';
		assert_false(pe_handout_write(f->layout, &req, out, NULL, &err));
		assert_false(file_exists(out));
		if (lengths[k] > PE_LAYOUT_MAX_WORD) {
			if (!strstr(err.msg, "too long to lay out"))
				fail_msg("%zu: %s", lengths[k], err.msg);
			pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
			assert_null(dl);
		} else {
			if (!strstr(err.msg, "layout check failed") || !strstr(err.msg, "outside"))
				fail_msg("%zu: %s", lengths[k], err.msg);
		}
		pe_topic_destroy(t);
	}
	/* and the layout is clean for the next job */
	pe_topic *t = topic("ok", 1, 1);
	pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1,
	                       .lang = "en", .tpl = tpl };
	char out[4096];
	temp_pdf(out, sizeof out, "after");
	if (!pe_handout_write(f->layout, &req, out, NULL, &err))
		fail_msg("%s", err.msg);
	assert_true(file_exists(out));
	unlink(out);
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}

/* French typography in a handout: "18 h 30" with narrow no-break spaces,
 * a thin space in "1 000", a phone number isolated with U+2066/U+2069.
 * libharu stopped on them ("font ... has no glyph for U+202F"); the
 * handout is written now, and pdftotext (when installed) reads the words
 * with a space where the narrow ones stood. */
static void french_spaces_written(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	pe_topic *t = topic("fr", 1, 1);
	free(t->sections[0].blocks[0].text.runs[0].text);
	t->sections[0].blocks[0].text.runs[0].text =
		strdup("Revenez demain à 18\u202Fh\u202F30\u202F; buvez 1\u2009000\u202Fml "
		       "d\u2019eau. Appelez le \u20661-800-227-2345\u2069\u202F!");
	pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1,
	                       .lang = "en", .tpl = tpl };
	char out[4096];
	temp_pdf(out, sizeof out, "french");
	if (!pe_handout_write(f->layout, &req, out, NULL, &err))
		fail_msg("%s", err.msg);
	assert_true(file_exists(out));
	if (access("/usr/bin/pdftotext", X_OK) == 0) {
		char cmd[4200];
		snprintf(cmd, sizeof cmd, "/usr/bin/pdftotext -q '%s' - 2>&1", out);
		FILE *p = popen(cmd, "r");
		assert_non_null(p);
		static char text[1 << 16];
		size_t n = fread(text, 1, sizeof text - 1, p);
		text[n] = '\0';
		assert_int_equal(pclose(p), 0);
		if (!strstr(text, "18 h 30 ;") || !strstr(text, "1-800-227-2345 !"))
			fail_msg("pdftotext: %s", text);
	}
	unlink(out);
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}

/* Everything a reader sees, in order: each page's text ops with their
 * positions, and how many ops of each kind. */
static char *signature(const pe_dlist *dl)
{
	size_t cap = 1 << 16, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	s[0] = '\0';
	for (size_t p = 0; p < dl->n_pages; p++) {
		const pe_page *pg = &dl->pages[p];
		size_t kinds[8] = { 0 };
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			kinds[op->kind]++;
			if (op->kind != PE_OP_TEXT)
				continue;
			size_t need = strlen(op->u.text.utf8) + 64;
			if (n + need >= cap) {
				cap = (cap + need) * 2;
				s = realloc(s, cap);
				assert_non_null(s);
			}
			n += (size_t)snprintf(s + n, cap - n, "%.2f %.2f %s\n", op->x, op->y,
			                      op->u.text.utf8);
		}
		if (n + 128 >= cap) {
			cap *= 2;
			s = realloc(s, cap);
			assert_non_null(s);
		}
		n += (size_t)snprintf(s + n, cap - n, "page %zu: %zu %zu %zu %zu %zu %zu %zu\n", p,
		                      kinds[0], kinds[1], kinds[2], kinds[3], kinds[4], kinds[5],
		                      kinds[6]);
	}
	return s;
}

/* Allocation failures once dropped text silently (an op not added, a
 * run not appended: the handout was written without it). Fail the Nth
 * allocation of the display list and layout code, for every N until a
 * run no longer reaches N: each run either gives the very same handout
 * or fails with a message and writes nothing (and, under ASan, leaks
 * nothing). */
static void allocation_failures_never_drop_text(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	pe_topic *t = topic("alloc", 3, 2);
	pe_handout_req req = { .topics = (const pe_topic *const *)&t, .n_topics = 1,
	                       .lang = "en", .tpl = tpl };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	assert_non_null(dl);
	char *want = signature(dl);
	pe_dlist_destroy(dl);
	char out[4096];
	temp_pdf(out, sizeof out, "alloc");
	long n, failed_runs = 0, same_runs = 0;
	/* PE_ALLOC_FROM=N starts at N (to look at one case in a debugger) */
	const char *from = getenv("PE_ALLOC_FROM");
	for (n = from ? atol(from) : 1; n < 200000; n++) {
		err.msg[0] = '\0';
		pe_alloc_fail_nth(n);
		dl = pe_handout_layout(f->layout, &req, &err);
		bool fired = pe_alloc_failed();
		pe_alloc_fail_nth(0);
		if (dl) {
			char *got = signature(dl);
			if (strcmp(got, want) != 0) {
				size_t k = 0;
				while (got[k] == want[k])
					k++;
				while (k > 0 && want[k - 1] != '\n')
					k--;
				fail_msg("allocation %ld failed and the handout differs at:\n%.200s\ngot:\n%.200s",
				         n, want + k, got + k);
			}
			free(got);
			pe_dlist_destroy(dl);
			same_runs++;
		} else {
			if (!err.msg[0])
				fail_msg("allocation %ld: no handout and no message", n);
			failed_runs++;
		}
		/* the whole job: nothing written when anything failed */
		pe_alloc_fail_nth(n);
		bool wrote = pe_handout_write(f->layout, &req, out, NULL, &err);
		bool fired_w = pe_alloc_failed();
		pe_alloc_fail_nth(0);
		if (wrote)
			unlink(out);
		else if (file_exists(out))
			fail_msg("allocation %ld: a failed job left %s", n, out);
		if (!wrote && !fired_w)
			fail_msg("allocation %ld: failed with nothing injected: %s", n, err.msg);
		if (!fired && !fired_w)
			break;   /* past the last allocation a run makes */
	}
	print_message("allocation failures: %ld runs, %ld refused cleanly, %ld complete\n", n,
	              failed_runs, same_runs);
	assert_true(failed_runs > 100);
	free(want);
	pe_topic_destroy(t);
	pe_template_destroy(tpl);
}

/* The same for laying out alone (no PDF): every run gives the same
 * display list or an error. Returns how many runs failed cleanly. */
static long inject_layout(fx *f, const pe_handout_req *req, const char *what)
{
	pe_error err = { { 0 } };
	pe_dlist *dl = pe_handout_layout(f->layout, req, &err);
	if (!dl)
		fail_msg("%s: %s", what, err.msg);
	char *want = signature(dl);
	pe_dlist_destroy(dl);
	long n, refused = 0;
	for (n = 1; n < 200000; n++) {
		err.msg[0] = '\0';
		pe_alloc_fail_nth(n);
		dl = pe_handout_layout(f->layout, req, &err);
		bool fired = pe_alloc_failed();
		pe_alloc_fail_nth(0);
		if (dl) {
			char *got = signature(dl);
			if (strcmp(got, want) != 0)
				fail_msg("%s: allocation %ld failed and the handout differs", what, n);
			free(got);
			pe_dlist_destroy(dl);
		} else if (!err.msg[0]) {
			fail_msg("%s: allocation %ld: no handout and no message", what, n);
		} else {
			refused++;
		}
		if (!fired)
			break;
	}
	print_message("allocation failures, %s: %ld runs, %ld refused cleanly\n", what, n, refused);
	free(want);
	return refused;
}

/* Pictures (the IVIg timeline, the severity scale), callouts, both
 * languages side by side and the wallet card, from the real content. */
static void allocation_failures_in_real_topics(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	char rng[4096], dir[4096];
	assert_non_null(pe_paths_data(rng, sizeof rng, "topic.rng"));
	pe_schema *schema = pe_schema_load(rng, &err);
	assert_non_null(schema);
	static const char *const ids[] = { "ivig-aftercare", "infusion-reactions", "wallet-card" };
	pe_topic *en[3], *es[3];
	for (size_t i = 0; i < 3; i++) {
		char rel[128];
		snprintf(rel, sizeof rel, "content/en/%s.xml", ids[i]);
		assert_non_null(pe_paths_data(dir, sizeof dir, rel));
		assert_non_null(en[i] = pe_topic_load(dir, "en", schema, &err));
		snprintf(rel, sizeof rel, "content/es/%s.xml", ids[i]);
		assert_non_null(pe_paths_data(dir, sizeof dir, rel));
		assert_non_null(es[i] = pe_topic_load(dir, "es", schema, &err));
	}
	pe_template *letter = pe_template_find("letter", &err);
	pe_template *bi = pe_template_find("bilingual", &err);
	pe_template *card = pe_template_find("wallet-card", &err);
	assert_non_null(letter);
	assert_non_null(bi);
	assert_non_null(card);
	pe_handout_req one = { .topics = (const pe_topic *const *)es, .n_topics = 2,
	                       .lang = "es", .tpl = letter };
	pe_handout_req two = { .topics = (const pe_topic *const *)en, .n_topics = 1,
	                       .lang = "en", .second = (const pe_topic *const *)es,
	                       .second_lang = "es", .tpl = bi };
	pe_handout_req wallet = { .lang = "es", .tpl = card, .card = es[2] };
	assert_true(inject_layout(f, &one, "letter, es, timeline + scale") > 100);
	assert_true(inject_layout(f, &two, "bilingual en + es") > 100);
	assert_true(inject_layout(f, &wallet, "wallet card") > 10);
	for (size_t i = 0; i < 3; i++) {
		pe_topic_destroy(en[i]);
		pe_topic_destroy(es[i]);
	}
	pe_template_destroy(letter);
	pe_template_destroy(bi);
	pe_template_destroy(card);
	pe_schema_destroy(schema);
}

/* The same while pages are balanced (a hole filled from the page before
 * takes more layouts of the topic: each may fail too): the first topic,
 * of sections of 1, 2, ... paragraphs and a list of 3 long items, whose
 * large-print layout balances its pages in a few layouts. */
static void allocation_failures_while_balancing(void **state)
{
	fx *f = *state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("large-print", &err);
	assert_non_null(tpl);
	bool done = false;
	for (size_t m = 1; m <= 12 && !done; m++) {
		pe_topic *t = topic_of_long_lists("balance", 2, m);
		pe_handout_stats stats;
		const pe_topic *tt = t;
		pe_handout_req req = { .topics = &tt, .n_topics = 1, .lang = "en", .tpl = tpl,
		                       .stats = &stats };
		pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
		assert_non_null(dl);
		pe_dlist_destroy(dl);
		if (stats.relayouts > 0 && stats.relayouts <= 6) {
			char what[64];
			snprintf(what, sizeof what, "balancing, %zu paragraphs, %zu layouts more", m,
			         stats.relayouts);
			req.stats = NULL;
			assert_true(inject_layout(f, &req, what) > 100);
			done = true;
		}
		pe_topic_destroy(t);
	}
	assert_true(done);
	pe_template_destroy(tpl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(long_word_refused),
		cmocka_unit_test(french_spaces_written),
		cmocka_unit_test(allocation_failures_never_drop_text),
		cmocka_unit_test(allocation_failures_in_real_topics),
		cmocka_unit_test(allocation_failures_while_balancing),
	};
	return cmocka_run_group_tests_name("handout_write", tests, handout_setup, handout_teardown);
}
