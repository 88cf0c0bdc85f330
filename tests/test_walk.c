/* SPDX-License-Identifier: MIT */
/*
 * test_walk.c - the element walker (core/walk.c) and XML reading
 * (core/xmlread.c) on their own, with a made-up two-element grammar: the
 * walker must know nothing about topics, so every message here comes from
 * the walker and the hooks the test gives it. test_content.c covers the
 * whole loader with the real grammar.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <libxml/tree.h>

#include "walk.h"
#include "xmlread.h"

/* The grammar: <box> holds <ball>s; <box> takes a "size" of s, m or l. */
static bool known(const xmlNode *n)
{
	return !n->ns && (pe_walk_is(n, "box") || pe_walk_is(n, "ball"));
}

static const char *hint(const xmlNode *parent)
{
	return pe_walk_is(parent, "box") ? " (put it in a <ball>)" : "";
}

/* Parse xml and walk the <ball>s of its root <box>; returns how many, or
 * -1 with the message in err. */
static int walk_box(const char *xml, pe_error *err)
{
	xmlDocPtr doc = pe_xml_parse("box.xml", xml, strlen(xml), err);
	if (!doc)
		return -1;
	const xmlNode *root = xmlDocGetRootElement(doc);
	pe_walk w = { .path = "box.xml", .err = err, .known = known, .text_hint = hint };
	static const char *const attrs[] = { "size", NULL };
	static const char *const sizes[] = { "s", "m", "l" };
	int n_balls = -1;
	pe_kids k;
	const xmlNode *n;
	if (!pe_walk_check_attrs(&w, root, attrs) ||
	    pe_walk_keyword_attr(&w, root, "size", true, 0, sizes, 3) < 0)
		goto done;
	pe_kids_init(&k, root);
	int count = 0;
	while (pe_kids_next(&w, &k, "ball", &n))
		count++;
	if (!w.failed)
		n_balls = count;
done:
	xmlFreeDoc(doc);
	return n_balls;
}

static void expect_error(const char *xml, const char *msg)
{
	pe_error err = { "" };
	int n = walk_box(xml, &err);
	if (n >= 0)
		fail_msg("accepted: %s", xml);
	if (strcmp(err.msg, msg) != 0)
		fail_msg("message \"%s\", expected \"%s\"", err.msg, msg);
}

static void walks_children(void **state)
{
	(void)state;
	pe_error err = { "" };
	assert_int_equal(walk_box("<box size=\"m\"><ball/> <!-- c --> <ball/></box>", &err), 2);
	assert_int_equal(walk_box("<box size=\"s\"/>", &err), 0);
}

static void one_message_naming_file_and_line(void **state)
{
	(void)state;
	expect_error("<box size=\"m\">\n<ball/>\n<cube/></box>",
	             "box.xml:3: unknown element <cube> in <box>");
	expect_error("<box size=\"m\">\n<box size=\"s\"/></box>",
	             "box.xml:2: <box> is not allowed here in <box> (expected <ball>)");
	expect_error("<box size=\"m\">\n  loose words\n</box>",
	             "box.xml:2: text is not allowed directly in <box> (put it in a <ball>)");
	expect_error("<box size=\"xl\"/>", "box.xml:1: <box> size=\"xl\" must be s, m or l");
	expect_error("<box/>", "box.xml:1: <box> needs a \"size\" attribute");
	expect_error("<box size=\"m\" colour=\"red\"/>",
	             "box.xml:1: unknown attribute \"colour\" on <box>");
}

static void parse_errors_in_plain_words(void **state)
{
	(void)state;
	expect_error("<box size=\"m\">\n<ball>\n</box>",
	             "box.xml:3: not well-formed XML: <ball> (opened on line 2) is closed by </box>");
	expect_error("<box size=\"m\">a & b</box>",
	             "box.xml:1: not well-formed XML: a bare '&' (write &amp; for an ampersand)");
	expect_error("<box size=\"m\">\n\xff</box>", "box.xml:2: invalid UTF-8 (byte 0xFF)");
	expect_error("", "box.xml: the file is empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walks_children),
		cmocka_unit_test(one_message_naming_file_and_line),
		cmocka_unit_test(parse_errors_in_plain_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
