/* SPDX-License-Identifier: MIT */
/*
 * fuzz_pdf.c - topic -> PDF, the handout command's whole path: bytes as a
 * topic file (loaded with the schema), laid out (core/handout.c,
 * layout.c, blocks.c, pictures.c), checked (pe_handout_check) and, when
 * the check passes, written as a PDF (core/pdf.c) into the private
 * directory, then deleted.
 *
 * The template is chosen by the input's length (letter, a4, large-print,
 * bilingual with the same topic in both columns), so every template is
 * reached without changing the input format: the seed corpus is the real
 * content files as they are.
 *
 * Checked besides crashes: a written PDF starts with %PDF- and ends with
 * %%EOF; a failed write leaves no file behind.
 */
#define _GNU_SOURCE   /* memmem */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "fonts.h"
#include "handout.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "pdf.h"
#include "template.h"

static const char *const template_names[] = { "letter", "a4", "large-print", "bilingual" };
#define N_TEMPLATES (sizeof template_names / sizeof template_names[0])

static pe_schema *schema;
static pe_fonts *fonts;
static pe_layout *layout;
static pe_template *templates[N_TEMPLATES];
static char out[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pe_fuzz_setup();
	char path[4096];
	pe_error err = { { 0 } };
	if (!pe_i18n_init(&err))
		pe_fuzz_fail("%s", err.msg);
	if (!(schema = pe_schema_load(pe_paths_data(path, sizeof path, "topic.rng"), &err)))
		pe_fuzz_fail("%s", err.msg);
	if (!(fonts = pe_fonts_load(pe_paths_data(path, sizeof path, "fonts"), &err)) ||
	    !(layout = pe_layout_create(fonts, &err)))
		pe_fuzz_fail("%s", err.msg);
	for (size_t i = 0; i < N_TEMPLATES; i++)
		if (!(templates[i] = pe_template_find(template_names[i], &err)))
			pe_fuzz_fail("%s", err.msg);
	snprintf(out, sizeof out, "%s/out.pdf", pe_fuzz_dir());
	return 0;
}

static void check_pdf(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		pe_fuzz_fail("pe_pdf_write succeeded but %s cannot be opened", path);
	char head[5] = { 0 }, tail[16] = { 0 };
	size_t n = fread(head, 1, sizeof head, f);
	long len = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (len > (long)sizeof tail && fseek(f, -(long)sizeof tail, SEEK_END) == 0 &&
	    fread(tail, 1, sizeof tail, f) != sizeof tail)
		len = -1;
	fclose(f);
	if (n != sizeof head || memcmp(head, "%PDF-", 5) != 0 || len <= (long)sizeof tail ||
	    !memmem(tail, sizeof tail, "%%EOF", 5))
		pe_fuzz_fail("pe_pdf_write succeeded but %s is not a whole PDF", path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = pe_fuzz_file(data, size, path, sizeof path);
	pe_error err = { { 0 } };
	pe_topic *t = pe_topic_load(path, "en", schema, &err);
	close(fd);
	if (!t)
		return 0;
	const pe_template *tpl = templates[size % N_TEMPLATES];
	const pe_topic *topics[1] = { t };
	pe_handout_req req = { .topics = topics, .n_topics = 1, .lang = "en", .tpl = tpl };
	if (tpl->kind == PE_TEMPLATE_BILINGUAL) {
		req.second = topics;
		req.second_lang = "es";
	}
	pe_dlist *dl = pe_handout_layout(layout, &req, &err);
	if (dl && pe_handout_check(dl, tpl, &err)) {
		if (pe_pdf_write(dl, fonts, out, &err))
			check_pdf(out);
		else if (access(out, F_OK) == 0)
			pe_fuzz_fail("pe_pdf_write failed (%s) and left %s", err.msg, out);
		unlink(out);
	}
	pe_dlist_destroy(dl);
	pe_topic_destroy(t);
	return 0;
}
