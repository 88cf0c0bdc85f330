/* SPDX-License-Identifier: MIT */
/*
 * fuzz_template.c - handout templates (core/template.c, core/keyfile.c):
 * bytes as a template .ini, loaded as `handout --template FILE.ini`
 * loads one; an accepted template then lays out a small real topic
 * (helpline) and its check runs, so fuzzed paper sizes, margins and type
 * sizes reach the layout engine. No PDF is written (fuzz_pdf does that).
 *
 * Checked besides crashes: a refusal is one line starting with the file
 * name; a file with a NUL byte is refused (GKeyFile would stop at it and
 * the rest of the file would be ignored); an accepted template has a
 * UTF-8 description and a printable area with x0 < x1, y0 < y1 inside the
 * paper.
 */
#include "fuzz.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "fonts.h"
#include "handout.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "template.h"

static pe_fonts *fonts;
static pe_layout *layout;
static pe_topic *topic_en, *topic_es, *card_en;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pe_fuzz_setup();
	char path[4096];
	pe_error err = { { 0 } };
	if (!pe_i18n_init(&err))
		pe_fuzz_fail("%s", err.msg);
	pe_schema *schema = pe_schema_load(pe_paths_data(path, sizeof path, "topic.rng"), &err);
	if (!schema)
		pe_fuzz_fail("%s", err.msg);
	if (!(topic_en = pe_topic_load(pe_paths_data(path, sizeof path, "content/en/helpline.xml"),
	                               "en", schema, &err)) ||
	    !(topic_es = pe_topic_load(pe_paths_data(path, sizeof path, "content/es/helpline.xml"),
	                               "es", schema, &err)) ||
	    !(card_en = pe_topic_load(pe_paths_data(path, sizeof path, "content/en/wallet-card.xml"),
	                              "en", schema, &err)))
		pe_fuzz_fail("%s", err.msg);
	pe_schema_destroy(schema);
	if (!(fonts = pe_fonts_load(pe_paths_data(path, sizeof path, "fonts"), &err)) ||
	    !(layout = pe_layout_create(fonts, &err)))
		pe_fuzz_fail("%s", err.msg);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = pe_fuzz_file(data, size, path, sizeof path);
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_load(path, &err);
	close(fd);
	if (!tpl) {
		if (strncmp(err.msg, path, strlen(path)) != 0 || strchr(err.msg, '\n'))
			pe_fuzz_fail("refusal is not one line naming the file: \"%s\"", err.msg);
		return 0;
	}
	if (memchr(data, 0, size))
		pe_fuzz_fail("accepted a template with a NUL byte (the text after it was ignored)");
	if (!g_utf8_validate(tpl->description, -1, NULL))
		pe_fuzz_fail("accepted a template whose description is not UTF-8");
	double x0, y0, x1, y1;
	pe_template_area(tpl, &x0, &y0, &x1, &y1);
	if (!(0 <= x0 && x0 < x1 && x1 <= tpl->width && 0 <= y0 && y0 < y1 && y1 <= tpl->height))
		pe_fuzz_fail("accepted template with printable area %g,%g - %g,%g on %g x %g", x0, y0,
		             x1, y1, tpl->width, tpl->height);
	pe_style st;
	pe_template_style(tpl, &st);

	const pe_topic *en[1] = { topic_en }, *es[1] = { topic_es };
	pe_handout_req req = { .tpl = tpl, .lang = "en", .card = card_en };
	if (tpl->kind != PE_TEMPLATE_WALLET) {
		req.topics = en;
		req.n_topics = 1;
	}
	if (tpl->kind == PE_TEMPLATE_BILINGUAL) {
		req.second = es;
		req.second_lang = "es";
	}
	pe_dlist *dl = pe_handout_layout(layout, &req, &err);
	if (dl) {
		pe_handout_check(dl, tpl, &err);
		pe_dlist_destroy(dl);
	}
	pe_template_destroy(tpl);
	return 0;
}
