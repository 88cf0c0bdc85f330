/* SPDX-License-Identifier: MIT */
/*
 * handout_fixture.c - what the handout tests share (handout_fixture.h):
 * fonts, layout, schema and the wallet card's words for each group,
 * topics built by hand, and queries on a laid-out handout. Linked from
 * the test support archive; not a test of its own.
 */
#include "handout_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "paths.h"

/* The wallet card's words: fixtures shaped like content/wallet-card.xml. */


int handout_setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	pe_error err = { { 0 } };
	char dir[4096];
	if (!f || !pe_paths_data(dir, sizeof dir, "fonts"))
		return -1;
	pe_i18n_init(&err);   /* "Page 1 of 2" falls back to English without it */
	if (!(f->fonts = pe_fonts_load(dir, &err))) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	if (!(f->layout = pe_layout_create(f->fonts, &err))) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	if (!(f->schema = pe_schema_load("content/topic.rng", &err)) ||
	    !(f->card = pe_topic_load(CARD_FIX "wallet-card-en.xml", "en", f->schema, &err))) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

int handout_teardown(void **state)
{
	fx *f = *state;
	pe_layout_destroy(f->layout);
	pe_fonts_destroy(f->fonts);
	pe_topic_destroy(f->card);
	pe_schema_destroy(f->schema);
	pe_i18n_finish();
	free(f);
	return 0;
}

/* ---- building topics by hand ------------------------------------------ */

pe_text text1(const char *s, unsigned style)
{
	pe_text t = { calloc(1, sizeof(pe_run)), 1 };
	assert_non_null(t.runs);
	t.runs[0].text = strdup(s);
	t.runs[0].style = style;
	return t;
}

const char *const lorem =
	"Drink plenty of water for the next 2 days. Rest when you feel tired and take short walks "
	"when you can. A mild headache is common in the first 24-48 hours and usually goes away "
	"with rest, fluids and the medicine your nurse told you about.";

pe_block paragraph(const char *s)
{
	pe_block b = { .kind = PE_BLOCK_PARAGRAPH };
	b.text = text1(s, PE_RUN_PLAIN);
	return b;
}

pe_block list(size_t n)
{
	pe_block b = { .kind = PE_BLOCK_LIST, .n_items = n };
	b.items = calloc(n, sizeof *b.items);
	assert_non_null(b.items);
	for (size_t i = 0; i < n; i++)
		b.items[i].text = text1("Fever of 100.4 F (38 C) or higher, or chills and shaking",
		                        PE_RUN_PLAIN);
	return b;
}

void make_callout(pe_block *b, size_t n)
{
	for (size_t r = 0; r < b->text.n_runs; r++)
		free(b->text.runs[r].text);
	free(b->text.runs);
	b->text.runs = NULL;
	b->text.n_runs = 0;
	b->kind = PE_BLOCK_CALLOUT;
	b->callout = PE_CALLOUT_WARNING;
	b->n_items = n;
	b->items = calloc(n, sizeof *b->items);
	assert_non_null(b->items);
	for (size_t k = 0; k < n; k++)
		b->items[k].text = text1("Calloutline text that stays in its box", PE_RUN_PLAIN);
}

pe_block helpline(void)
{
	pe_block b = { .kind = PE_BLOCK_CONTACT };
	b.contact.name = text1("Cancer helpline", PE_RUN_PLAIN);
	b.contact.phone = strdup(PE_HELPLINE_DISPLAY);
	b.contact.hours = text1("Any time, day or night", PE_RUN_PLAIN);
	return b;
}

/* A topic with n_sections sections of n_paras paragraphs (plus a list),
 * and a helpline card in the last section. */
pe_topic *topic(const char *id, size_t n_sections, size_t n_paras)
{
	pe_topic *t = calloc(1, sizeof *t);
	assert_non_null(t);
	t->id = strdup(id);
	t->lang = strdup("en");
	t->path = strdup("test.xml");
	t->title = strdup("After your IVIG infusion");
	t->summary = strdup("What to expect at home and when to call.");
	t->revised = strdup("2024-06-04");
	t->n_sources = 1;
	t->sources = calloc(1, sizeof *t->sources);
	t->sources[0].id = strdup("src");
	t->sources[0].cite = strdup("Infusion reactions");
	t->sources[0].publisher = strdup("Example Cancer Society");
	t->sources[0].date = strdup("2023-01-15");
	t->n_sections = n_sections;
	t->sections = calloc(n_sections, sizeof *t->sections);
	assert_non_null(t->sections);
	for (size_t s = 0; s < n_sections; s++) {
		pe_section *sec = &t->sections[s];
		char id_buf[32];
		snprintf(id_buf, sizeof id_buf, "sec%zu", s);
		sec->id = strdup(id_buf);
		char head[64];
		snprintf(head, sizeof head, "Section heading %zu", s + 1);
		sec->heading = text1(head, PE_RUN_PLAIN);
		sec->icon = PE_ICON_INFO;
		bool last = s + 1 == n_sections;
		sec->n_blocks = n_paras + 1 + (last ? 1 : 0);
		sec->blocks = calloc(sec->n_blocks, sizeof *sec->blocks);
		assert_non_null(sec->blocks);
		for (size_t k = 0; k < n_paras; k++)
			sec->blocks[k] = paragraph(lorem);
		sec->blocks[n_paras] = list(3);
		if (last)
			sec->blocks[n_paras + 1] = helpline();
	}
	return t;
}

pe_topic *topic_of_long_lists(const char *id, size_t n_sections, size_t n_paras)
{
	pe_topic *t = topic(id, n_sections, n_paras);
	for (size_t s = 0; s < n_sections; s++) {
		pe_block *b = &t->sections[s].blocks[n_paras];
		for (size_t i = 0; i < b->n_items; i++) {
			free(b->items[i].text.runs[0].text);
			b->items[i].text.runs[0].text = strdup(
			    "Call your care team if you have a fever of 100.4 F (38 C) or higher, "
			    "chills and shaking, or a rash that spreads, even at night.");
			assert_non_null(b->items[i].text.runs[0].text);
		}
	}
	return t;
}

pe_site *riverside_site(void)
{
	pe_error err = { { 0 } };
	pe_site *site = pe_site_load_data("[clinic]\nname = Riverside Infusion Center\n"
	                                  "phone = 555-0100\nafter_hours_phone = 555-0199\n",
	                                  "site.ini", &err);
	if (!site)
		fail_msg("%s", err.msg);
	return site;
}

/* ---- queries on the display list --------------------------------------- */

const pe_op *page_find_text(const pe_page *pg, const char *needle)
{
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && strstr(pg->ops[i].u.text.utf8, needle))
			return &pg->ops[i];
	return NULL;
}

bool doc_has_text(const pe_dlist *dl, const char *needle)
{
	for (size_t p = 0; p < dl->n_pages; p++)
		if (page_find_text(&dl->pages[p], needle))
			return true;
	return false;
}

pe_dlist *make(fx *f, const char *tpl_name, pe_topic **topics, size_t n,
                      const pe_site *site)
{
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find(tpl_name, &err);
	assert_non_null(tpl);
	pe_handout_req req = { .topics = (const pe_topic *const *)topics, .n_topics = n,
	                       .lang = "en", .tpl = tpl, .site = site,
	                       .second = (const pe_topic *const *)topics, .second_lang = "en",
	                       .card = f->card };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl)
		fail_msg("%s", err.msg);
	if (!pe_handout_check(dl, tpl, &err))
		fail_msg("check failed for %s: %s", tpl_name, err.msg);
	pe_template_destroy(tpl);
	return dl;
}

/* Every text op of a page joined by single spaces, white space collapsed:
 * the words a reader sees, in drawing order. */
char *page_words(const pe_page *pg)
{
	size_t n = 1;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT)
			n += strlen(pg->ops[i].u.text.utf8) + 1;
	char *s = calloc(1, n), *o = s;
	assert_non_null(s);
	bool space = true;
	for (size_t i = 0; i < pg->n_ops; i++) {
		if (pg->ops[i].kind != PE_OP_TEXT)
			continue;
		for (const char *c = pg->ops[i].u.text.utf8; ; c++) {
			bool sp = !*c || *c == ' ' || *c == '\n';
			if (sp && !space)
				*o++ = ' ';
			else if (!sp)
				*o++ = *c;
			space = sp;
			if (!*c)
				break;
		}
	}
	if (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	return s;
}

/* Append the plain text of t to buf (size 4096), a space between pieces. */
void words_append(char *buf, const pe_text *t)
{
	char *plain = pe_text_plain(t);
	assert_non_null(plain);
	size_t n = strlen(buf);
	snprintf(buf + n, 4096 - n, "%s%s", n ? " " : "", plain);
	free(plain);
}

void words_append_plain(char *buf, const char *s)
{
	size_t n = strlen(buf);
	snprintf(buf + n, 4096 - n, "%s%s", n ? " " : "", s);
}

char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	assert_non_null(out);
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			*o++ = *s;
	*o = '\0';
	return out;
}

pe_dlist *make_lang(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                           const pe_topic *second, const char *second_lang)
{
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find(tpl_name, &err);
	assert_non_null(tpl);
	pe_handout_req req = { .topics = &t, .n_topics = 1, .lang = lang, .tpl = tpl,
	                       .second = &second, .second_lang = second_lang };
	pe_dlist *dl = pe_handout_layout(f->layout, &req, &err);
	if (!dl)
		fail_msg("%s %s %s: %s", t->id, lang, tpl_name, err.msg);
	if (!pe_handout_check(dl, tpl, &err))
		fail_msg("%s %s %s: %s", t->id, lang, tpl_name, err.msg);
	pe_template_destroy(tpl);
	return dl;
}
