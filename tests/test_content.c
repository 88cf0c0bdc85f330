/* SPDX-License-Identifier: MIT */
/*
 * test_content.c - the content loader as a whole (core/content.c, library.c,
 * xmlread.c, walk.c, topic_text.c, topic_grammar.c; core/doc.c).
 *
 * Runs from the repository root: the schema is content/topic.rng and the
 * fixtures are under tests/fixtures/content/. Every malformed fixture must
 * be refused with its own message naming the file and the line; the good
 * fixture must come out as exactly the expected model; every shipped topic
 * in content/ (every *.xml) must load.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlerror.h>

#include "content.h"
#include "xml_compat.h"

#define RNG "content/topic.rng"
#define FIX "tests/fixtures/content/"

static pe_schema *schema;

static int group_setup(void **state)
{
	pe_error err = { "" };
	schema = pe_schema_load(RNG, &err);
	if (!schema) {
		print_error("cannot load %s: %s\n", RNG, err.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	pe_schema_destroy(schema);
	schema = NULL;
	return 0;
}

/* ---- helpers ---------------------------------------------------------- */

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("expected \"%s\" in the message \"%s\"", needle, haystack);
}

static void assert_run(const pe_text *t, size_t i, const char *text, unsigned style)
{
	if (i >= t->n_runs)
		fail_msg("run %zu of %zu missing (wanted \"%s\")", i, t->n_runs, text);
	assert_string_equal(t->runs[i].text, text);
	assert_int_equal(t->runs[i].style, style);
}

/* The plain text of a pe_text, for short equality checks. */
static void assert_plain(const pe_text *t, const char *want)
{
	char *s = pe_text_plain(t);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

/* A scratch directory, removed (with its files) by rm_tmpdir. */
static void make_tmpdir(char *dir, size_t size)
{
	const char *base = getenv("TMPDIR");
	snprintf(dir, size, "%s/pe-test-content-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(dir));
}

static void rm_tmpdir(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char p[PATH_MAX];
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void copy_file(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb");
	assert_non_null(f);
	static char buf[64 * 1024];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	write_file(to, buf, n);
}

/* A minimal valid topic with body as the content of its one section. */
static char *topic_with(const char *body)
{
	static const char *head =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<topic id=\"t\" revised=\"2025-01-01\">\n"
		"<title>T</title><summary>S</summary>\n"
		"<sources><source id=\"s\" date=\"2024-01-01\"><cite>C</cite>"
		"<publisher>P</publisher></source></sources>\n"
		"<section id=\"a\"><heading>H</heading>\n";
	static const char *tail = "\n</section>\n</topic>\n";
	size_t n = strlen(head) + strlen(body) + strlen(tail) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%s%s%s", head, body, tail);
	return s;
}

/* Load a topic whose one section holds body; NULL with err on failure. */
static pe_topic *load_body(const char *body, pe_error *err)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];
	make_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/t.xml", dir);
	char *xml = topic_with(body);
	write_file(path, xml, strlen(xml));
	free(xml);
	pe_topic *t = pe_topic_load(path, "en", schema, err);
	rm_tmpdir(dir);
	return t;
}

/* ---- shipped content -------------------------------------------------- */

static void test_shipped_topics_load(void **state)
{
	glob_t g;
	int rc = glob("content/*.xml", 0, NULL, &g);
	/* No shipped topic is a broken tree (or the test runs from the wrong
	 * directory), never a reason to pass. */
	if (rc == GLOB_NOMATCH)
		fail_msg("no content/*.xml: the shipped topics are missing (run from the top "
		         "directory)");
	assert_int_equal(rc, 0);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		pe_error err = { "" };
		pe_topic *t = pe_topic_load(g.gl_pathv[i], "en", schema, &err);
		if (!t) {
			globfree(&g);
			fail_msg("shipped topic does not load: %s", err.msg);
		}
		assert_string_equal(t->lang, "en");
		assert_true(t->n_sections > 0);
		pe_topic_destroy(t);
	}
	/* And all of them together: ids unique, the library loads. */
	pe_error err = { "" };
	pe_library *lib = pe_library_load("content", "en", schema, &err);
	if (!lib) {
		globfree(&g);
		fail_msg("shipped library does not load: %s", err.msg);
	}
	/* Every file is counted once: as a listed topic or as a card. */
	size_t cards = 0;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		pe_topic *t = pe_topic_load(g.gl_pathv[i], "en", schema, &err);
		assert_non_null(t);
		assert_non_null(pe_library_find(lib, t->id));
		cards += t->kind == PE_TOPIC_CARD;
		pe_topic_destroy(t);
	}
	assert_int_equal(pe_library_count(lib) + cards, g.gl_pathc);
	for (size_t i = 0; i < pe_library_count(lib); i++)
		assert_int_equal(pe_library_topic(lib, i)->kind, PE_TOPIC_TOPIC);
	pe_library_destroy(lib);
	globfree(&g);
}

/* Every language the build staged (PE_DATADIR/content/<lang>/) loads as a
 * library with the staged schema: a translation merge that breaks a topic
 * shows up here with its file:line. */
static void test_staged_languages_load(void **state)
{
	const char *data = getenv("PE_DATADIR");
	char dir[PATH_MAX], rng[PATH_MAX];
	if (!data || !*data) {
		print_message("PE_DATADIR not set: no staged content to check\n");
		skip();
	}
	snprintf(dir, sizeof dir, "%s/content", data);
	snprintf(rng, sizeof rng, "%s/topic.rng", data);
	DIR *d = opendir(dir);
	if (!d) {
		print_message("%s does not exist: nothing staged to check\n", dir);
		skip();
	}
	pe_error err = { "" };
	pe_schema *staged = pe_schema_load(rng, &err);
	if (!staged) {
		closedir(d);
		fail_msg("staged schema: %s", err.msg);
	}
	int langs = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char sub[PATH_MAX + 300];
		snprintf(sub, sizeof sub, "%s/%s", dir, de->d_name);
		pe_library *lib = pe_library_load(sub, de->d_name, staged, &err);
		if (!lib) {
			closedir(d);
			pe_schema_destroy(staged);
			fail_msg("staged language %s does not load: %s", de->d_name, err.msg);
		}
		assert_string_equal(pe_library_lang(lib), de->d_name);
		assert_true(pe_library_count(lib) > 0);
		assert_string_equal(pe_library_topic(lib, 0)->lang, de->d_name);
		pe_library_destroy(lib);
		langs++;
	}
	closedir(d);
	pe_schema_destroy(staged);
	print_message("%d staged language(s) load\n", langs);
}

/* ---- the good fixture ---------------------------------------------------- */

static void test_good_fixture(void **state)
{
	pe_error err = { "" };
	pe_topic *t = pe_topic_load(FIX "good.xml", "en", schema, &err);
	if (!t)
		fail_msg("good.xml: %s", err.msg);

	assert_string_equal(t->id, "fixture-good");
	assert_string_equal(t->lang, "en");
	assert_string_equal(t->path, FIX "good.xml");
	assert_string_equal(t->title, "Care after your infusion");
	assert_string_equal(t->summary, "What to expect and when to call.");
	assert_string_equal(t->revised, "2025-03-14");
	assert_int_equal(t->icon, PE_ICON_DRIP);
	assert_true(t->emergency);
	assert_int_equal(t->order, 7);

	assert_int_equal(t->n_sources, 2);
	assert_string_equal(t->sources[0].id, "seed-one");
	assert_string_equal(t->sources[0].cite, "A seed leaflet");
	assert_string_equal(t->sources[0].publisher, "Some Clinic");
	assert_string_equal(t->sources[0].date, "2024-06-04");
	assert_string_equal(t->sources[1].id, "seed-two");
	assert_string_equal(t->sources[1].date, "2023-01-31");

	assert_int_equal(t->n_sections, 4);

	/* Section 1: inline runs, whitespace collapsed, styles. */
	const pe_section *s = &t->sections[0];
	assert_string_equal(s->id, "intro");
	assert_int_equal(s->icon, PE_ICON_INFO);
	assert_int_equal(s->line, 16);
	assert_int_equal(s->heading.n_runs, 3);
	assert_run(&s->heading, 0, "About ", PE_RUN_PLAIN);
	assert_run(&s->heading, 1, "this", PE_RUN_EM);
	assert_run(&s->heading, 2, " sheet", PE_RUN_PLAIN);
	assert_int_equal(s->n_blocks, 2);
	const pe_block *b = &s->blocks[0];
	assert_int_equal(b->kind, PE_BLOCK_PARAGRAPH);
	assert_int_equal(b->line, 18);
	assert_non_null(b->src);
	assert_string_equal(b->src[0], "seed-one");
	assert_null(b->src[1]);
	assert_false(b->filled);
	assert_int_equal(b->text.n_runs, 5);
	assert_run(&b->text, 0, "Drink ", PE_RUN_PLAIN);
	assert_run(&b->text, 1, "8 cups", PE_RUN_STRONG);
	assert_run(&b->text, 2, " of water ", PE_RUN_PLAIN);
	assert_run(&b->text, 3, "each day", PE_RUN_STRONG);
	assert_run(&b->text, 4, ".", PE_RUN_PLAIN);
	b = &s->blocks[1];
	assert_null(b->src);
	assert_int_equal(b->text.n_runs, 3);
	assert_run(&b->text, 0, "Call ", PE_RUN_PLAIN);
	assert_run(&b->text, 1, "1-800-555-0100", PE_RUN_PHONE);
	assert_run(&b->text, 2, " any time.", PE_RUN_PLAIN);

	/* Section 2: list, steps, callouts. */
	s = &t->sections[1];
	assert_string_equal(s->id, "what-to-do");
	assert_int_equal(s->icon, PE_ICON_NONE);
	assert_int_equal(s->n_blocks, 4);
	b = &s->blocks[0];
	assert_int_equal(b->kind, PE_BLOCK_LIST);
	assert_string_equal(b->src[0], "seed-one");
	assert_string_equal(b->src[1], "seed-two");
	assert_null(b->src[2]);
	assert_int_equal(b->n_items, 2);
	assert_plain(&b->items[0].text, "Rest");
	assert_int_equal(b->items[0].line, 27);
	assert_false(b->items[0].filled);
	assert_true(b->items[1].filled);
	assert_int_equal(b->items[1].text.n_runs, 3);
	assert_run(&b->items[1].text, 1, "small", PE_RUN_EM);
	b = &s->blocks[1];
	assert_int_equal(b->kind, PE_BLOCK_STEPS);
	assert_int_equal(b->n_items, 2);
	assert_plain(&b->items[1].text, "Take off the bandage after 24 hours.");
	assert_run(&b->items[1].text, 1, "24", PE_RUN_STRONG);
	b = &s->blocks[2];
	assert_int_equal(b->kind, PE_BLOCK_CALLOUT);
	assert_int_equal(b->callout, PE_CALLOUT_WARNING);
	assert_plain(&b->title, "Watch for");
	assert_int_equal(b->n_items, 2);
	assert_false(b->items[0].bullet);
	assert_plain(&b->items[0].text, "Some people feel tired.");
	assert_true(b->items[1].bullet);
	assert_plain(&b->items[1].text, "Fever over 100.4 \xc2\xb0""F");
	b = &s->blocks[3];
	assert_int_equal(b->callout, PE_CALLOUT_EMERGENCY);
	assert_int_equal(b->title.n_runs, 0);
	assert_int_equal(b->n_items, 1);

	/* Section 3: timeline and scale. */
	s = &t->sections[2];
	assert_int_equal(s->n_blocks, 2);
	b = &s->blocks[0];
	assert_int_equal(b->kind, PE_BLOCK_TIMELINE);
	assert_string_equal(b->src[0], "seed-two");
	assert_int_equal(b->n_items, 4);
	assert_plain(&b->items[0].label, "Before");
	assert_plain(&b->items[0].text, "Drink water");
	assert_true(b->items[0].at == -2.0 && b->items[0].until == -2.0);
	assert_int_equal(b->items[0].event, PE_EVENT_CARE);
	assert_true(b->items[1].at == 0.5 && b->items[1].until == 24.0);
	assert_int_equal(b->items[1].event, PE_EVENT_EFFECT);
	assert_true(b->items[2].at == 72.0 && b->items[2].until == 72.0);
	assert_int_equal(b->items[2].event, PE_EVENT_BENEFIT);
	assert_int_equal(b->items[3].event, PE_EVENT_CARE);   /* default kind */
	assert_int_equal(b->items[3].line, 49);
	b = &s->blocks[1];
	assert_int_equal(b->kind, PE_BLOCK_SCALE);
	assert_int_equal(b->n_items, 3);
	assert_int_equal(b->items[0].grade, PE_GRADE_MILD);
	assert_int_equal(b->items[1].grade, PE_GRADE_MODERATE);
	assert_int_equal(b->items[2].grade, PE_GRADE_SEVERE);
	assert_plain(&b->items[1].label, "Moderate");
	assert_plain(&b->items[1].text, "Hives");
	assert_true(b->items[2].filled);
	assert_run(&b->items[2].text, 1, "lips", PE_RUN_STRONG);

	/* Section 4: contacts and checklist. */
	s = &t->sections[3];
	assert_int_equal(s->icon, PE_ICON_PHONE);
	assert_int_equal(s->n_blocks, 3);
	b = &s->blocks[0];
	assert_int_equal(b->kind, PE_BLOCK_CONTACT);
	assert_plain(&b->contact.name, "Cancer helpline");
	assert_string_equal(b->contact.phone, "1-800-227-2345");
	assert_plain(&b->contact.hours, "Any time, day or night");
	assert_plain(&b->contact.chat, "Chat on the website");
	assert_plain(&b->contact.note, "Free to call");
	b = &s->blocks[1];
	assert_string_equal(b->contact.phone, "+1 (555) 010-0199");
	assert_int_equal(b->contact.chat.n_runs, 0);
	assert_int_equal(b->contact.note.n_runs, 0);
	b = &s->blocks[2];
	assert_int_equal(b->kind, PE_BLOCK_CHECKLIST);
	assert_plain(&b->title, "Tell your nurse right away if");
	assert_int_equal(b->n_items, 2);
	assert_plain(&b->items[1].text, "Your skin turns red");

	pe_topic_destroy(t);
}

/* The same file loads without a schema too (walk only), and the language
 * is recorded as given. */
static void test_lang_and_no_schema(void **state)
{
	pe_error err = { "" };
	pe_topic *t = pe_topic_load(FIX "good.xml", "es", NULL, &err);
	if (!t)
		fail_msg("%s", err.msg);
	assert_string_equal(t->lang, "es");
	pe_topic_destroy(t);
	assert_null(pe_topic_load(FIX "good.xml", NULL, schema, &err));
	assert_contains(err.msg, "no language");
}

/* ---- whitespace and runs ---------------------------------------------- */

static void test_whitespace_and_runs(void **state)
{
	pe_error err = { "" };
	pe_topic *t = load_body(
		"<p>  a <em> b</em>  </p>\n"                          /* 0 */
		"<p><strong>x</strong> <strong>y</strong></p>\n"      /* 1 */
		"<p>one\n\n   two<![CDATA[ three ]]>four</p>\n"       /* 2 */
		"<p><em>it</em><em>alic</em> and <em>more</em></p>\n" /* 3 */
		"<p>Call<!-- note --> us <phone>555 0100</phone></p>\n"  /* 4 */
		"<p>a\xc2\xa0\tb</p>\n",                              /* 5: NBSP is kept */
		&err);
	if (!t)
		fail_msg("%s", err.msg);
	const pe_block *b = t->sections[0].blocks;
	assert_int_equal(t->sections[0].n_blocks, 6);
	assert_int_equal(b[0].text.n_runs, 2);
	assert_run(&b[0].text, 0, "a ", PE_RUN_PLAIN);
	assert_run(&b[0].text, 1, "b", PE_RUN_EM);
	assert_int_equal(b[1].text.n_runs, 3);
	assert_run(&b[1].text, 0, "x", PE_RUN_STRONG);
	assert_run(&b[1].text, 1, " ", PE_RUN_PLAIN);
	assert_run(&b[1].text, 2, "y", PE_RUN_STRONG);
	assert_int_equal(b[2].text.n_runs, 1);
	assert_run(&b[2].text, 0, "one two three four", PE_RUN_PLAIN);
	assert_int_equal(b[3].text.n_runs, 3);
	assert_run(&b[3].text, 0, "italic", PE_RUN_EM);       /* merged */
	assert_run(&b[3].text, 1, " and ", PE_RUN_PLAIN);
	assert_run(&b[3].text, 2, "more", PE_RUN_EM);
	assert_int_equal(b[4].text.n_runs, 2);
	assert_run(&b[4].text, 0, "Call us ", PE_RUN_PLAIN);   /* comment dropped */
	assert_run(&b[4].text, 1, "555 0100", PE_RUN_PHONE);
	assert_run(&b[5].text, 0, "a\xc2\xa0 b", PE_RUN_PLAIN);
	assert_int_equal(t->order, INT_MAX);                   /* no order: last */
	assert_false(t->emergency);
	assert_int_equal(t->icon, PE_ICON_NONE);
	pe_topic_destroy(t);
}

/* ---- malformed fixtures: each its own message --------------------------- */

struct bad_case {
	const char *file;   /* under tests/fixtures/content/bad/ */
	int line;           /* 0: the message has no line */
	const char *want;   /* a substring of the message */
};

static const struct bad_case bad_cases[] = {
	{ "not-well-formed.xml", 12, "not well-formed XML: <item> (opened on line 12) is closed by </list>" },
	{ "unclosed.xml", 20, "not well-formed XML: <section> (opened on line 8) is never closed" },
	{ "unknown-entity.xml", 10, "unknown entity &nbsp;" },
	{ "unquoted-attribute.xml", 8, "not well-formed XML: an attribute value must be in quotes" },
	{ "bare-ampersand.xml", 10, "not well-formed XML: a bare '&' (write &amp;" },
	{ "bare-less-than.xml", 10, "not well-formed XML: a bare '<' (write &lt;" },
	{ "double-hyphen-comment.xml", 10, "not well-formed XML: a comment must not contain \"--\"" },
	{ "attribute-twice.xml", 8, "not well-formed XML: attribute \"id\" is given twice" },
	{ "unclosed-start-tag.xml", 10, "\"Some\" reads as an attribute without a value" },
	{ "doctype.xml", 1, "<!DOCTYPE> is not allowed" },
	{ "unknown-element.xml", 10, "unknown element <foo> in <section>" },
	{ "misplaced-element.xml", 10, "<step> is not allowed here in <section>" },
	{ "wrong-root.xml", 2, "unknown element <document> (the root must be <topic>)" },
	{ "namespace.xml", 2, "<topic> must not be in a namespace" },
	{ "missing-attribute.xml", 16, "<event> needs an \"at\" attribute" },
	{ "missing-child.xml", 16, "expected <when> but found <what> in <event>" },
	{ "unknown-attribute.xml", 11, "unknown attribute \"color\" on <list>" },
	{ "empty-title.xml", 3, "<title> is empty" },
	{ "empty-heading.xml", 9, "<heading> is empty" },
	{ "empty-item.xml", 13, "<em> is empty" },
	{ "multiline-title.xml", 3, "<title> must be on one line" },
	{ "invalid-utf8.xml", 16, "invalid UTF-8 (byte 0xE9)" },
	{ "latin1-declared.xml", 1, "declares encoding \"ISO-8859-1\"; content must be UTF-8" },
	{ "empty-file.xml", 0, "the file is empty" },
	{ "wrong-order.xml", 3, "expected <title> but found <summary> in <topic>" },
	{ "text-in-section.xml", 10, "text is not allowed directly in <section>" },
	{ "no-blocks.xml", 8, "<section> needs at least one block" },
	{ "bad-phone.xml", 10, "<phone> \"call us\" is not a phone number" },
	{ "bad-date.xml", 2, "<topic> revised=\"2025-02-30\" is not a date (YYYY-MM-DD)" },
	{ "bad-id.xml", 8, "<section> id=\"Side_Effects\" is not a valid id" },
	{ "bad-number.xml", 16, "<event> at=\"1,5\" is not a number of hours" },
	{ "bad-kind.xml", 16, "<event> kind=\"side\" must be care, effect, benefit or warning" },
	{ "unknown-src.xml", 11, "<list> src=\"s1 s2\": no <source id=\"s2\"> in this topic" },
	{ "until-before-at.xml", 16, "<event> until=\"2\" is before its \"at\"" },
	{ "duplicate-section.xml", 19, "duplicate section id \"a\" (also on line 8)" },
	{ "source-no-date.xml", 6, "<source> needs a \"date\" (published) or an \"accessed\" attribute" },
	{ "bad-accessed.xml", 6, "<source> accessed=\"2026-13-01\" is not a date (YYYY-MM-DD)" },
	{ "gethelp-order.xml", 12, "<tier level=\"emergency\"> must come before <tier level=\"urgent\">" },
	{ "gethelp-twice.xml", 13, "<sign id=\"chest-pain\"> is listed twice (also on line 11)" },
	{ "gethelp-sign-id.xml", 12, "<sign> id=\"Chest_Pain\" is not a valid id" },
	{ "gethelp-level.xml", 11, "<tier> level=\"soon\" must be emergency, urgent or routine" },
	{ "gethelp-no-sign.xml", 12, "<tier> needs at least one <sign> before its <p> notes" },
	{ "gethelp-empty.xml", 10, "<gethelp> needs at least one <tier>" },
	{ "gethelp-sign-after-p.xml", 13, "<sign> must come before the <p> notes of its <tier>" },
	{ "bad-topic-kind.xml", 2, "<topic> kind=\"wallet\" must be topic or card" },
};

static void test_bad_fixture(void **state)
{
	const struct bad_case *c = *state;
	char path[256], where[300];
	snprintf(path, sizeof path, FIX "bad/%s", c->file);
	pe_error err = { "" };
	pe_topic *t = pe_topic_load(path, "en", schema, &err);
	if (t) {
		pe_topic_destroy(t);
		fail_msg("%s loaded, but it should have been refused", path);
	}
	if (c->line > 0)
		snprintf(where, sizeof where, "%s:%d: ", path, c->line);
	else
		snprintf(where, sizeof where, "%s: ", path);
	if (strncmp(err.msg, where, strlen(where)) != 0)
		fail_msg("message \"%s\" should start with \"%s\"", err.msg, where);
	assert_contains(err.msg, c->want);
	assert_null(strchr(err.msg, '\n'));
}

/* A <phone> follows the one phone rule the site file follows too
 * (validate.c): "(555) 010-0100" and "555.010.0100" are numbers in a
 * site file, so they are in a topic; 16 digits or a + after a digit are
 * not numbers in either. */
static void test_phone_rule_is_the_site_files(void **state)
{
	static const char *const good[] = { "(555) 010-0100", "555.010.0100", "(+44) 20 7946 0000" };
	static const char *const bad[] = { "1234 5678 9012 3456", "555+0100", "+1 +555 0100" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char body[128];
		pe_error err = { "" };
		snprintf(body, sizeof body, "<p>Call <phone>%s</phone>.</p>", good[i]);
		pe_topic *t = load_body(body, &err);
		if (!t)
			fail_msg("<phone>%s</phone> refused: %s", good[i], err.msg);
		assert_run(&t->sections[0].blocks[0].text, 1, good[i], PE_RUN_PHONE);
		pe_topic_destroy(t);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char body[128];
		pe_error err = { "" };
		snprintf(body, sizeof body, "<p>Call <phone>%s</phone>.</p>", bad[i]);
		pe_topic *t = load_body(body, &err);
		if (t)
			fail_msg("<phone>%s</phone> accepted", bad[i]);
		assert_contains(err.msg, "is not a phone number");
	}
}

/* Errors all differ: a loader that says the same thing for everything
 * cannot pass. */
static void test_bad_messages_differ(void **state)
{
	size_t n = sizeof bad_cases / sizeof bad_cases[0];
	char (*msgs)[PE_ERROR_MAX] = calloc(n, PE_ERROR_MAX);
	assert_non_null(msgs);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		pe_error err = { "" };
		snprintf(path, sizeof path, FIX "bad/%s", bad_cases[i].file);
		assert_null(pe_topic_load(path, "en", schema, &err));
		/* Compare without the file name, which differs anyway. */
		const char *rest = err.msg + strlen(path);
		snprintf(msgs[i], PE_ERROR_MAX, "%s", rest);
		for (size_t j = 0; j < i; j++)
			if (strcmp(msgs[i], msgs[j]) == 0)
				fail_msg("%s and %s give the same message \"%s\"", bad_cases[i].file,
				         bad_cases[j].file, rest);
	}
	free(msgs);
}

static void test_missing_file(void **state)
{
	pe_error err = { "" };
	assert_null(pe_topic_load(FIX "does-not-exist.xml", "en", schema, &err));
	assert_string_equal(err.msg, FIX "does-not-exist.xml: cannot open: No such file or directory");
	assert_null(pe_topic_load(FIX "bad", "en", schema, &err));
	assert_string_equal(err.msg, FIX "bad: cannot open: Is a directory");
}

/* A valid topic padded with a comment to exactly `size` bytes. */
static void write_padded_topic(const char *path, size_t size)
{
	char *xml = topic_with("<p>Padded.</p>");
	size_t head = strlen(xml);
	const char *open = "<!--", *close = "-->\n";
	assert_true(size > head + 8);
	char *buf = malloc(size);
	assert_non_null(buf);
	memcpy(buf, xml, head);
	memcpy(buf + head, open, 4);
	memset(buf + head + 4, 'x', size - head - 8);
	memcpy(buf + size - 4, close, 4);
	write_file(path, buf, size);
	free(buf);
	free(xml);
}

static void test_too_large(void **state)
{
	char dir[PATH_MAX], big[PATH_MAX + 16], edge[PATH_MAX + 16];
	make_tmpdir(dir, sizeof dir);
	snprintf(big, sizeof big, "%s/big.xml", dir);
	snprintf(edge, sizeof edge, "%s/edge.xml", dir);
	/* A real, otherwise valid topic: without the limit it would load. */
	write_padded_topic(big, 10 * 1024 * 1024);
	write_padded_topic(edge, PE_CONTENT_MAX_BYTES);

	pe_error err = { "" };
	pe_topic *t = pe_topic_load(big, "en", schema, &err);
	pe_topic_destroy(t);
	char want[PATH_MAX + 100];
	snprintf(want, sizeof want, "%s: file is too large (10485760 bytes, limit 1048576)", big);
	if (t || strcmp(err.msg, want) != 0) {
		rm_tmpdir(dir);
		fail_msg("wanted \"%s\", got %s \"%s\"", want, t ? "a topic and" : "", err.msg);
	}
	/* Exactly at the limit is allowed. */
	t = pe_topic_load(edge, "en", schema, &err);
	rm_tmpdir(dir);
	if (!t)
		fail_msg("a file of exactly the limit should load: %s", err.msg);
	pe_topic_destroy(t);
}

/* Every error path unwinds without leaks or crashes (asan/valgrind watch
 * this): good.xml with each line dropped in turn, and cut short at many
 * points. Each result is a topic or one message naming the file. */
static void test_mutations_fail_cleanly(void **state)
{
	FILE *f = fopen(FIX "good.xml", "rb");
	assert_non_null(f);
	static char src[16 * 1024];
	size_t len = fread(src, 1, sizeof src - 1, f);
	fclose(f);
	src[len] = '\0';

	char dir[PATH_MAX], path[PATH_MAX + 16];
	make_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/m.xml", dir);
	static char buf[16 * 1024];
	int refused = 0, loaded = 0;
	/* Drop one line. */
	for (const char *line = src; *line;) {
		const char *end = strchr(line, '\n');
		end = end ? end + 1 : line + strlen(line);
		size_t before = (size_t)(line - src);
		memcpy(buf, src, before);
		memcpy(buf + before, end, len - (size_t)(end - src));
		write_file(path, buf, len - (size_t)(end - line));
		pe_error err = { "" };
		pe_topic *t = pe_topic_load(path, "en", schema, &err);
		if (t) {
			loaded++;
		} else {
			refused++;
			if (strncmp(err.msg, path, strlen(path)) != 0 || strchr(err.msg, '\n'))
				fail_msg("bad message for a dropped line: \"%s\"", err.msg);
		}
		pe_topic_destroy(t);
		line = end;
	}
	/* Cut short. */
	for (size_t cut = 0; cut < len; cut += 53) {
		write_file(path, src, cut);
		pe_error err = { "" };
		pe_topic *t = pe_topic_load(path, "en", schema, &err);
		if (t)
			fail_msg("good.xml cut at byte %zu still loaded", cut);
		if (strncmp(err.msg, path, strlen(path)) != 0)
			fail_msg("bad message for a cut file: \"%s\"", err.msg);
	}
	rm_tmpdir(dir);
	/* Dropping a blank or comment line loads; most drops must not. */
	assert_true(loaded > 0);
	assert_true(refused > 40);
}

/* ---- source dates ------------------------------------------------------ */

/* "date" is the source's own (publication) date, "accessed" the day we got
 * a source that shows none: the loader keeps them apart (the handout prints
 * "accessed <date>" for the second), and the schema takes either or both. */
static void test_source_dates(void **state)
{
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<topic id=\"t\" revised=\"2025-01-01\">\n"
		"<title>T</title><summary>S</summary>\n<sources>\n"
		"<source id=\"published\" date=\"2024-06-04\"><cite>A</cite><publisher>P</publisher></source>\n"
		"<source id=\"undated\" accessed=\"2026-11-21\"><cite>B</cite><publisher>Q</publisher></source>\n"
		"<source id=\"both\" date=\"2023-01-31\" accessed=\"2026-11-22\"><cite>C</cite>"
		"<publisher>R</publisher></source>\n"
		"</sources>\n<section id=\"a\"><heading>H</heading><p>Text.</p></section>\n</topic>\n";
	char dir[PATH_MAX], path[PATH_MAX + 16];
	make_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/t.xml", dir);
	write_file(path, xml, strlen(xml));
	pe_error err = { "" };
	pe_topic *t = pe_topic_load(path, "en", schema, &err);
	rm_tmpdir(dir);
	if (!t)
		fail_msg("%s", err.msg);
	assert_int_equal(t->n_sources, 3);
	assert_string_equal(t->sources[0].date, "2024-06-04");
	assert_null(t->sources[0].accessed);
	assert_null(t->sources[1].date);
	assert_string_equal(t->sources[1].accessed, "2026-11-21");
	assert_string_equal(t->sources[2].date, "2023-01-31");
	assert_string_equal(t->sources[2].accessed, "2026-11-22");
	pe_topic_destroy(t);

	/* The shipped IVIg text has no date of its own: it must say accessed. */
	t = pe_topic_load("content/ivig-aftercare.xml", "en", schema, &err);
	if (!t)
		fail_msg("%s", err.msg);
	bool found = false;
	for (size_t i = 0; i < t->n_sources; i++)
		if (strcmp(t->sources[i].id, "ivig-care") == 0) {
			found = true;
			assert_null(t->sources[i].date);
			assert_non_null(t->sources[i].accessed);
		}
	assert_true(found);
	pe_topic_destroy(t);
}

/* ---- schema ------------------------------------------------------------ */

static void test_schema_errors(void **state)
{
	pe_error err = { "" };
	assert_null(pe_schema_load(FIX "no-such.rng", &err));
	assert_string_equal(err.msg, FIX "no-such.rng: cannot open: No such file or directory");
	assert_null(pe_schema_load(FIX "broken.rng", &err));
	assert_contains(err.msg, FIX "broken.rng:5: not a usable RELAX NG schema");
	assert_null(pe_schema_load(FIX "bad/not-well-formed.xml", &err));
	assert_contains(err.msg, FIX "bad/not-well-formed.xml:12: not well-formed XML: <item>");
	assert_null(pe_schema_load(FIX "bad/double-hyphen-comment.xml", &err));
	assert_string_equal(err.msg, FIX "bad/double-hyphen-comment.xml:10: not well-formed XML: "
	                    "a comment must not contain \"--\"");
	assert_null(pe_schema_load(FIX "good.xml", &err));   /* XML, but no schema */
	assert_contains(err.msg, FIX "good.xml:3: not a RELAX NG schema: the root <topic>");
	pe_schema_destroy(NULL);
}

/* Our walk accepts good.xml; a schema that wants another root refuses it,
 * and the message still names the file and the line. */
static void test_schema_is_final_gate(void **state)
{
	pe_error err = { "" };
	pe_schema *other = pe_schema_load(FIX "other-root.rng", &err);
	if (!other)
		fail_msg("%s", err.msg);
	assert_null(pe_topic_load(FIX "good.xml", "en", other, &err));
	assert_contains(err.msg, FIX "good.xml:3: does not match the schema: ");
	assert_contains(err.msg, "article");
	pe_schema_destroy(other);
}

/* libxml2 must never print: run every failing path with stderr sent to a
 * file and check that the file stays empty. Also, the caller's own
 * structured error handler is back in place afterwards. */
static int caller_handler_calls;
static void caller_handler(void *data, pe_xml_error_ptr e)
{
	caller_handler_calls++;
}

static void test_nothing_printed(void **state)
{
	char dir[PATH_MAX], out[PATH_MAX + 16];
	make_tmpdir(dir, sizeof dir);
	snprintf(out, sizeof out, "%s/stderr.txt", dir);
	fflush(stderr);
	int saved = dup(2);
	assert_true(saved >= 0);
	FILE *f = fopen(out, "w");
	assert_non_null(f);
	assert_true(dup2(fileno(f), 2) >= 0);

	int dummy;
	xmlSetStructuredErrorFunc(&dummy, caller_handler);
	pe_error err = { "" };
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, FIX "bad/%s", bad_cases[i].file);
		pe_topic_destroy(pe_topic_load(path, "en", schema, &err));
	}
	pe_schema_destroy(pe_schema_load(FIX "broken.rng", &err));
	pe_schema *other = pe_schema_load(FIX "other-root.rng", &err);
	pe_topic_destroy(pe_topic_load(FIX "good.xml", "en", other, &err));
	pe_schema_destroy(other);
	xmlStructuredErrorFunc after = xmlStructuredError;
	void *after_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, NULL);

	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(f);
	f = fopen(out, "r");
	assert_non_null(f);
	char buf[512] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	rm_tmpdir(dir);
	if (n > 0)
		fail_msg("libxml2 printed to stderr: %s", buf);
	assert_true(after == caller_handler);
	assert_ptr_equal(after_ctx, &dummy);
	assert_int_equal(caller_handler_calls, 0);
}

/* ---- library ------------------------------------------------------------ */

static void test_library_sorted(void **state)
{
	pe_error err = { "" };
	pe_library *lib = pe_library_load(FIX "lib-good", "en", schema, &err);
	if (!lib)
		fail_msg("%s", err.msg);
	assert_string_equal(pe_library_lang(lib), "en");
	/* README.txt skipped; card.xml (kind="card", order 0) is not listed
	 * but can be fetched by id. */
	assert_int_equal(pe_library_count(lib), 4);
	/* order 1, then order 2 by id, then no order. */
	assert_string_equal(pe_library_topic(lib, 0)->id, "beta");
	assert_string_equal(pe_library_topic(lib, 1)->id, "alpha");
	assert_string_equal(pe_library_topic(lib, 2)->id, "delta");
	assert_string_equal(pe_library_topic(lib, 3)->id, "gamma");
	assert_null(pe_library_topic(lib, 4));
	const pe_topic *t = pe_library_find(lib, "delta");
	assert_non_null(t);
	assert_string_equal(t->path, FIX "lib-good/aaa.xml");
	assert_null(pe_library_find(lib, "nope"));
	const pe_topic *card = pe_library_find(lib, "card");
	assert_non_null(card);
	assert_int_equal(card->kind, PE_TOPIC_CARD);
	assert_int_equal(pe_library_find(lib, "beta")->kind, PE_TOPIC_TOPIC);
	for (size_t i = 0; i < pe_library_count(lib); i++)
		assert_ptr_not_equal(pe_library_topic(lib, i), card);
	pe_library_destroy(lib);
	pe_library_destroy(NULL);
}

static void test_library_duplicate_ids(void **state)
{
	pe_error err = { "" };
	assert_null(pe_library_load(FIX "lib-dup/", "en", schema, &err));
	assert_string_equal(err.msg, FIX "lib-dup/b.xml:2: duplicate topic id \"same\" "
	                    "(also in " FIX "lib-dup/a.xml:2)");
}

static void test_library_all_or_nothing(void **state)
{
	pe_error err = { "" };
	assert_null(pe_library_load(FIX "lib-mixed", "en", schema, &err));
	assert_string_equal(err.msg, FIX "lib-mixed/b-bad.xml:3: <title> is empty");

	/* The same good files load alone; one bad file added spoils all. */
	char dir[PATH_MAX], p[PATH_MAX + 32];
	make_tmpdir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/a.xml", dir);
	copy_file(FIX "lib-mixed/a-good.xml", p);
	snprintf(p, sizeof p, "%s/c.xml", dir);
	copy_file(FIX "lib-mixed/c-good.xml", p);
	pe_library *lib = pe_library_load(dir, "en", schema, &err);
	size_t count = pe_library_count(lib);
	pe_library_destroy(lib);
	snprintf(p, sizeof p, "%s/z.xml", dir);
	copy_file(FIX "bad/unknown-element.xml", p);
	lib = pe_library_load(dir, "en", schema, &err);
	rm_tmpdir(dir);
	assert_int_equal(count, 2);
	assert_null(lib);
	assert_contains(err.msg, "/z.xml:10: unknown element <foo> in <section>");
}

static void test_library_empty_or_missing(void **state)
{
	pe_error err = { "" };
	assert_null(pe_library_load(FIX "lib-empty", "en", schema, &err));
	assert_string_equal(err.msg, FIX "lib-empty: no topic files (*.xml) in this directory");
	assert_null(pe_library_load(FIX "lib-none", "en", schema, &err));
	assert_string_equal(err.msg, FIX "lib-none: cannot open directory: No such file or directory");
	assert_int_equal(pe_library_count(NULL), 0);
}

/* ---- doc.c helpers ------------------------------------------------------- */

/* ---- gethelp: the "when to get help" tiers -------------------------------- */

static void test_gethelp_fixture(void **state)
{
	pe_error err = { "" };
	pe_topic *t = pe_topic_load(FIX "gethelp.xml", "en", schema, &err);
	if (!t)
		fail_msg("%s", err.msg);
	assert_int_equal(t->kind, PE_TOPIC_TOPIC);
	size_t sec = 99;
	const pe_block *b = pe_topic_gethelp(t, &sec);
	assert_non_null(b);
	assert_int_equal(sec, 0);
	assert_ptr_equal(b, &t->sections[0].blocks[0]);
	assert_int_equal(b->kind, PE_BLOCK_GETHELP);
	assert_int_equal(b->line, 11);
	assert_string_equal(b->src[0], "s1");
	assert_int_equal(b->n_tiers, 3);

	const pe_tier *e = &b->tiers[0];
	assert_int_equal(e->level, PE_TIER_EMERGENCY);
	assert_int_equal(e->line, 12);
	assert_null(e->src);
	assert_run(&e->title, 0, "Call ", PE_RUN_PLAIN);
	assert_run(&e->title, 1, "911", PE_RUN_PHONE);
	assert_run(&e->title, 2, " now", PE_RUN_PLAIN);
	assert_int_equal(e->n_signs, 2);
	assert_string_equal(e->signs[0].id, "trouble-breathing");
	assert_plain(&e->signs[0].text, "Trouble breathing or wheezing");
	assert_string_equal(e->signs[0].src[0], "s1");
	assert_string_equal(e->signs[0].src[1], "s2");
	assert_null(e->signs[0].src[2]);
	assert_int_equal(e->signs[0].line, 14);
	assert_true(e->signs[0].bullet);
	assert_string_equal(e->signs[1].id, "chest-pain");
	assert_int_equal(e->n_paras, 1);
	assert_plain(&e->paras[0].text, "Then call your care team.");
	assert_null(e->paras[0].id);
	assert_false(e->paras[0].bullet);

	const pe_tier *u = &b->tiers[1];
	assert_int_equal(u->level, PE_TIER_URGENT);
	assert_string_equal(u->src[0], "s2");
	assert_int_equal(u->n_signs, 1);
	assert_true(u->signs[0].filled);
	assert_run(&u->signs[0].text, 1, "100.4", PE_RUN_STRONG);
	assert_int_equal(u->n_paras, 0);

	const pe_tier *r = &b->tiers[2];
	assert_int_equal(r->level, PE_TIER_ROUTINE);
	assert_string_equal(r->signs[0].id, "mild-headache");
	assert_int_equal(r->n_paras, 2);
	assert_plain(&r->paras[1].text, "Bring the list.");
	pe_topic_destroy(t);

	/* A topic without a gethelp block. */
	t = pe_topic_load(FIX "good.xml", "en", schema, &err);
	assert_non_null(t);
	assert_null(pe_topic_gethelp(t, &sec));
	pe_topic_destroy(t);
	assert_null(pe_topic_gethelp(NULL, NULL));
}

/* A sign id that is not an ident fails in the walk with our message, and
 * the schema agrees (loading without our walk's extra rules is not
 * possible, so check the schema by itself). */
static void test_gethelp_schema_agrees(void **state)
{
	static const char *const files[] = { "gethelp-order.xml", "gethelp-sign-id.xml",
	                                      "gethelp-level.xml", "gethelp-no-sign.xml",
	                                      "gethelp-sign-after-p.xml", "bad-topic-kind.xml" };
	char cmd[512];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(cmd, sizeof cmd, "xmllint --noout --relaxng " RNG " " FIX "bad/%s "
		         ">/dev/null 2>&1", files[i]);
		if (system(cmd) == 0)
			fail_msg("the schema accepts %s, which the loader refuses", files[i]);
	}
	snprintf(cmd, sizeof cmd, "xmllint --noout --relaxng " RNG " " FIX "gethelp.xml "
	         FIX "lib-good/card.xml >/dev/null 2>&1");
	assert_int_equal(system(cmd), 0);
}

static void test_doc_helpers(void **state)
{
	assert_string_equal(pe_tier_level_name(PE_TIER_EMERGENCY), "emergency");
	assert_string_equal(pe_tier_level_name(PE_TIER_ROUTINE), "routine");
	assert_null(pe_tier_level_name((pe_tier_level)3));
	assert_int_equal(pe_tier_level_from_name("urgent"), PE_TIER_URGENT);
	assert_int_equal(pe_tier_level_from_name("soon"), -1);
	assert_int_equal(pe_tier_level_from_name(NULL), -1);

	pe_run runs[] = { { "Call ", PE_RUN_PLAIN }, { "911", PE_RUN_PHONE }, { ".", 0 } };
	pe_text t = { runs, 3 };
	char *s = pe_text_plain(&t);
	assert_string_equal(s, "Call 911.");
	free(s);
	pe_text empty = { NULL, 0 };
	s = pe_text_plain(&empty);
	assert_string_equal(s, "");
	free(s);

	static const char *const names[] = { "phone", "drip", "pill", "alert", "shield",
	                                     "calendar", "info", "heart" };
	for (size_t i = 0; i < 8; i++) {
		int icon = pe_icon_from_name(names[i]);
		assert_true(icon > PE_ICON_NONE);
		assert_string_equal(pe_icon_name((pe_icon)icon), names[i]);
	}
	assert_int_equal(pe_icon_from_name("drip"), PE_ICON_DRIP);
	assert_int_equal(pe_icon_from_name("rocket"), -1);
	assert_int_equal(pe_icon_from_name(NULL), -1);
	assert_null(pe_icon_name((pe_icon)99));
	pe_topic_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_topics_load),
		cmocka_unit_test(test_staged_languages_load),
		cmocka_unit_test(test_good_fixture),
		cmocka_unit_test(test_lang_and_no_schema),
		cmocka_unit_test(test_whitespace_and_runs),
		cmocka_unit_test(test_phone_rule_is_the_site_files),
		cmocka_unit_test(test_bad_messages_differ),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_mutations_fail_cleanly),
		cmocka_unit_test(test_source_dates),
		cmocka_unit_test(test_schema_errors),
		cmocka_unit_test(test_schema_is_final_gate),
		cmocka_unit_test(test_nothing_printed),
		cmocka_unit_test(test_library_sorted),
		cmocka_unit_test(test_library_duplicate_ids),
		cmocka_unit_test(test_library_all_or_nothing),
		cmocka_unit_test(test_library_empty_or_missing),
		cmocka_unit_test(test_doc_helpers),
		cmocka_unit_test(test_gethelp_fixture),
		cmocka_unit_test(test_gethelp_schema_agrees),
	};
	/* One named test per malformed fixture, so a failure says which. */
	enum { N_BAD = sizeof bad_cases / sizeof bad_cases[0] };
	struct CMUnitTest bad[N_BAD];
	static char names[N_BAD][64];
	for (size_t i = 0; i < N_BAD; i++) {
		snprintf(names[i], sizeof names[i], "bad/%s", bad_cases[i].file);
		bad[i] = (struct CMUnitTest){ names[i], test_bad_fixture, NULL, NULL,
		                              (void *)&bad_cases[i] };
	}
	int failed = cmocka_run_group_tests_name("content", tests, group_setup, group_teardown);
	failed += _cmocka_run_group_tests("content-malformed", bad, N_BAD, group_setup,
	                                  group_teardown);
	return failed ? 1 : 0;
}
