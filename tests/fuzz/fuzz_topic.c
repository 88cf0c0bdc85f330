/* SPDX-License-Identifier: MIT */
/*
 * fuzz_topic.c - the topic loader (core/content.c): bytes as a topic file,
 * loaded with the compiled schema as the programs load it.
 *
 * Beyond "no crash, no leak, no UB", what the loader promises:
 *   - a refusal is one line that starts with the file's name;
 *   - an accepted topic has every required string, valid UTF-8 text, and
 *     timeline events whose "until" is not before "at";
 *   - with PE_FUZZ_STRICT=1, the loader's own walk never accepts a file
 *     the schema then refuses ("does not match the schema": the walk and
 *     content/topic.rng disagree). Off by default: it is a finding to
 *     report, not a crash.
 */
#include "fuzz.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "paths.h"

static pe_schema *schema;
static bool strict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pe_fuzz_setup();
	char path[4096];
	pe_error err = { { 0 } };
	if (!(schema = pe_schema_load(pe_paths_data(path, sizeof path, "topic.rng"), &err)))
		pe_fuzz_fail("%s", err.msg);
	const char *s = getenv("PE_FUZZ_STRICT");
	strict = s && strcmp(s, "1") == 0;
	return 0;
}

static void check_text(const pe_text *t, const char *what)
{
	for (size_t i = 0; i < t->n_runs; i++)
		if (!t->runs[i].text || !g_utf8_validate(t->runs[i].text, -1, NULL))
			pe_fuzz_fail("accepted topic: %s run %zu is not UTF-8 text", what, i);
	char *plain = pe_text_plain(t);
	if (!plain)
		pe_fuzz_fail("pe_text_plain returned NULL");
	free(plain);
}

static void check_topic(const pe_topic *t)
{
	if (!t->id || !t->title || !t->summary || !t->revised || !t->lang)
		pe_fuzz_fail("accepted topic without id, title, summary, revised or lang");
	if (!g_utf8_validate(t->title, -1, NULL) || !g_utf8_validate(t->summary, -1, NULL))
		pe_fuzz_fail("accepted topic: title or summary is not UTF-8");
	for (size_t s = 0; s < t->n_sections; s++) {
		const pe_section *sec = &t->sections[s];
		if (!sec->id)
			pe_fuzz_fail("accepted topic: section %zu without id", s);
		check_text(&sec->heading, "heading");
		for (size_t b = 0; b < sec->n_blocks; b++) {
			const pe_block *bl = &sec->blocks[b];
			check_text(&bl->title, "block title");
			check_text(&bl->text, "block text");
			for (size_t i = 0; i < bl->n_items; i++) {
				check_text(&bl->items[i].text, "item");
				check_text(&bl->items[i].label, "item label");
				if (bl->kind == PE_BLOCK_TIMELINE && bl->items[i].until < bl->items[i].at)
					pe_fuzz_fail("accepted timeline event ends before it starts (line %d)",
					             bl->items[i].line);
			}
		}
	}
}

/* After "FILE", is the message ":LINE: does not match the schema..."
 * (content.c's report_schema_error)? Only at that place: a walk message
 * quoting the input may contain the words (libFuzzer puts them there). */
static bool schema_refused(const char *rest)
{
	if (*rest == ':')
		rest++;
	while (*rest >= '0' && *rest <= '9')
		rest++;
	if (*rest == ':')
		rest++;
	while (*rest == ' ')
		rest++;
	return strncmp(rest, "does not match the schema", 25) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = pe_fuzz_file(data, size, path, sizeof path);
	pe_error err = { { 0 } };
	pe_topic *t = pe_topic_load(path, "en", schema, &err);
	close(fd);
	if (t) {
		check_topic(t);
		pe_topic_destroy(t);
		return 0;
	}
	if (strncmp(err.msg, path, strlen(path)) != 0 || strchr(err.msg, '\n'))
		pe_fuzz_fail("refusal is not one line naming the file: \"%s\"", err.msg);
	if (strict && schema_refused(err.msg + strlen(path)))
		pe_fuzz_fail("the loader's walk accepted what the schema refuses: %s", err.msg);
	return 0;
}
