/* SPDX-License-Identifier: MIT */
/*
 * handout_fixture.h - the fixture, hand-built topics and display-list
 * queries the handout tests share: test_handout.c and test_wallet.c.
 * Test code only (tests/handout_fixture.c, linked from the test support
 * archive).
 */
#ifndef PE_TEST_HANDOUT_FIXTURE_H
#define PE_TEST_HANDOUT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "content.h"
#include "fonts.h"
#include "handout.h"
#include "layout.h"
#include "site.h"
#include "template.h"

/* The wallet card's words: fixtures shaped like content/wallet-card.xml. */
#define CARD_FIX "tests/fixtures/handout/card/"

typedef struct fx {
	pe_fonts *fonts;
	pe_layout *layout;
	pe_schema *schema;
	pe_topic *card;       /* CARD_FIX wallet-card-en.xml */
} fx;

/* cmocka group setup and teardown (the catalogues, fonts, layout, schema
 * and the card topic). */
int handout_setup(void **state);
int handout_teardown(void **state);

/* Topics built by hand (pe_topic_destroy frees them). */
pe_text text1(const char *s, unsigned style);
extern const char *const lorem;
pe_block paragraph(const char *s);
pe_block list(size_t n);
pe_block helpline(void);
/* Turn b (a paragraph) into a warning callout of n items reading
 * "Calloutline text that stays in its box"; its text is freed. */
void make_callout(pe_block *b, size_t n);
/* n_sections sections of n_paras paragraphs (plus a list), and a
 * helpline card in the last section. */
pe_topic *topic(const char *id, size_t n_sections, size_t n_paras);
/* The same, each list's 3 items 3 lines long in large print (such a list
 * never splits: a block that leaves holes). */
pe_topic *topic_of_long_lists(const char *id, size_t n_sections, size_t n_paras);

/* The site file of the examples' clinic: Riverside Infusion Center,
 * phone 555-0100, after hours 555-0199 (fails the test if it cannot
 * load). */
pe_site *riverside_site(void);

const pe_op *page_find_text(const pe_page *pg, const char *needle);
bool doc_has_text(const pe_dlist *dl, const char *needle);
/* Lay out topics in English with template tpl_name and check the result
 * (fails the test on an error). */
pe_dlist *make(fx *f, const char *tpl_name, pe_topic **topics, size_t n,
               const pe_site *site);
/* Every text op of a page joined by single spaces (malloc'd). */
char *page_words(const pe_page *pg);
/* Append the plain text of t (or s) to buf (size 4096), spaced. */
void words_append(char *buf, const pe_text *t);
void words_append_plain(char *buf, const char *s);
/* s without its white space (runs of one line are separate text ops, so
 * the spaces between them are not reliable; the characters are);
 * malloc'd. */
char *squeeze(const char *s);
/* Lay out topic t in lang with template tpl_name (second in second_lang
 * beside it for a bilingual template) and check it; fails the test on an
 * error. */
pe_dlist *make_lang(fx *f, const char *tpl_name, const pe_topic *t, const char *lang,
                    const pe_topic *second, const char *second_lang);

#endif
