/* SPDX-License-Identifier: MIT */
/*
 * layout_fixture.c - what the layout tests share (layout_fixture.h):
 * fonts and a layout for each group, a fresh page per test, hand-built
 * texts and blocks of every kind, and queries on a page. Linked from the
 * test support archive; not a test of its own.
 */
#include "layout_fixture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "paths.h"

/* Pango 1.50 starts a thread that loads the system's default fontconfig
 * configuration (which we never use) and never frees it. LeakSanitizer
 * cannot see past libfontconfig's frames to tell that one allocation from
 * ours, so fontconfig is suppressed here; tests/test_fonts.c, which runs
 * without Pango and without this suppression, still catches a leaked
 * FcConfig of our own. (valgrind: tests/valgrind.supp.) */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	char dir[4096];
	pe_error err = { "" };
	if (!fx || !pe_paths_data(dir, sizeof dir, "fonts"))
		return -1;
	fx->fonts = pe_fonts_load(dir, &err);
	if (!fx->fonts) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	fx->layout = pe_layout_create(fx->fonts, &err);
	if (!fx->layout) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	/* pictures' own words (axis landmarks, legend) come from the
	 * catalogs; without them they fall back to English */
	if (!pe_i18n_init(&err))
		fprintf(stderr, "%s\n", err.msg);
	*state = fx;
	return 0;
}

int teardown(void **state)
{
	fixture *fx = *state;
	pe_i18n_finish();
	pe_layout_destroy(fx->layout);
	pe_fonts_destroy(fx->fonts);
	free(fx);
	return 0;
}

/* A fresh page for each test (freed by the next call and at the end). */
pe_page *page(fixture *fx)
{
	pe_dlist_destroy(fx->dl);
	fx->dl = pe_dlist_create();
	return pe_dlist_add_page(fx->dl, 2000, 20000);
}

void page_done(fixture *fx)
{
	pe_dlist_destroy(fx->dl);
	fx->dl = NULL;
}

/* Texts and blocks built here live until free_all() (tests are short). */
static void *bag[4096];

static size_t n_bag;

void *keep(void *p)
{
	assert_non_null(p);
	assert_true(n_bag < sizeof bag / sizeof bag[0]);
	bag[n_bag++] = p;
	return p;
}

void free_all(void)
{
	while (n_bag)
		free(bag[--n_bag]);
}

/* Inline markup: *strong*, _em_, [phone]. */
pe_text T(const char *m)
{
	pe_text t = { keep(calloc(32, sizeof(pe_run))), 0 };
	const char *p = m;
	while (*p) {
		unsigned style = PE_RUN_PLAIN;
		char close = 0;
		if (*p == '*') { style = PE_RUN_STRONG; close = '*'; }
		else if (*p == '_') { style = PE_RUN_EM; close = '_'; }
		else if (*p == '[') { style = PE_RUN_PHONE; close = ']'; }
		const char *s = close ? p + 1 : p;
		const char *e = s;
		if (close)
			while (*e && *e != close) e++;
		else
			while (*e && *e != '*' && *e != '_' && *e != '[') e++;
		t.runs[t.n_runs].text = keep(strndup(s, (size_t)(e - s)));
		t.runs[t.n_runs].style = style;
		t.n_runs++;
		p = close && *e ? e + 1 : e;
	}
	return t;
}

pe_block block_of(pe_block_kind kind, const char *const *texts, size_t n)
{
	pe_block b = { .kind = kind };
	b.items = keep(calloc(n ? n : 1, sizeof(pe_item)));
	b.n_items = n;
	for (size_t i = 0; i < n; i++) {
		b.items[i].text = T(texts[i]);
		b.items[i].bullet = true;
	}
	return b;
}

const char *const long_items[4] = {
	"i0w Drink at least 8 cups of water or juice each day, starting 2 days before your infusion.",
	"i1w Rest and keep warm.",
	"i2w For a headache or mild fever, ask your doctor which medicine is safe for you to take with this treatment.",
	"i3w Avoid hard exercise for 2 days, and tell your nurse about any new rash, swelling or pain.",
};

const char *const para =
	"Most people feel fine after an infusion. Some feel tired or have a mild headache "
	"for a day or two. This is common and usually goes away without help. If it does "
	"not, or if you feel worse, call the clinic. Keep a short note of how you feel each "
	"day and bring it to your next visit, so your care team can adjust your treatment.";

/* ---- queries -------------------------------------------------------- */

pe_text_style body(double size)
{
	pe_text_style t = { PE_FACE_REGULAR, size, 1.4, pe_hex(0x1a1a1a), pe_hex(0x0b4a7a) };
	return t;
}

const pe_op *find_text(const pe_page *pg, const char *s)
{
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && strstr(pg->ops[i].u.text.utf8, s))
			return &pg->ops[i];
	return NULL;
}

const pe_op *find_exact(const pe_page *pg, const char *s)
{
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT && !strcmp(pg->ops[i].u.text.utf8, s))
			return &pg->ops[i];
	return NULL;
}

/* The first bold op whose text starts s (a wrapped label's first line). */
/* A bold text at a size that starts s (a "when" label of the timeline's
 * list, which the strip above writes smaller). */
const pe_op *find_bold_prefix_sized(const pe_page *pg, const char *s, double size)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_TEXT && op->u.text.face == PE_FACE_BOLD &&
		    fabs(op->u.text.size - size) < 1e-9 && strlen(op->u.text.utf8) > 2 &&
		    !strncmp(s, op->u.text.utf8, strlen(op->u.text.utf8)))
			return op;
	}
	return NULL;
}

/* One block of every kind, with enough text to wrap. */
pe_block make_block(pe_block_kind kind)
{
	pe_block b;
	switch (kind) {
	case PE_BLOCK_PARAGRAPH:
		b = block_of(kind, NULL, 0);
		b.text = T(para);
		return b;
	case PE_BLOCK_LIST:
	case PE_BLOCK_STEPS:
		return block_of(kind, long_items, 4);
	case PE_BLOCK_CHECKLIST:
		b = block_of(kind, long_items, 4);
		b.title = T("Tell your nurse right away if you have any of these:");
		return b;
	case PE_BLOCK_CALLOUT:
		b = block_of(kind, long_items, 4);
		b.callout = PE_CALLOUT_EMERGENCY;
		b.title = T("Call 911 right away if you have:");
		b.items[3].bullet = false;
		return b;
	case PE_BLOCK_CONTACT:
		b = block_of(kind, NULL, 0);
		b.contact.name = T("Cancer helpline");
		b.contact.phone = keep(strdup("1-800-227-2345"));
		b.contact.hours = T("Any time, day or night");
		b.contact.chat = T("Live chat on the website");
		b.contact.note = T("Calls are free. Help in Spanish and other languages.");
		return b;
	case PE_BLOCK_TIMELINE: {
		static const struct { double at, until; pe_event_kind k; const char *when, *what; } ev[] = {
			{ -48, 48, PE_EVENT_CARE, "2 days before to 2 days after", "Drink 8 cups of fluid a day." },
			{ 0, 3, PE_EVENT_CARE, "During the infusion", "Tell the nurse at once if you feel itchy or dizzy." },
			{ 6, 12, PE_EVENT_EFFECT, "6-12 hours after", "A headache may start." },
			{ 0, 48, PE_EVENT_CARE, "24-48 hours after", "Avoid hard exercise." },
			{ 72, 72, PE_EVENT_EFFECT, "Within 3 days", "Most side effects are gone." },
			{ 504, 504, PE_EVENT_BENEFIT, "Several weeks after", "You may feel the full benefit." },
			{ 0, 336, PE_EVENT_WARNING, "Any time", "Call 911 for chest pain or trouble breathing." },
		};
		b = block_of(kind, NULL, 0);
		b.items = keep(calloc(7, sizeof(pe_item)));
		b.n_items = 7;
		for (size_t i = 0; i < 7; i++) {
			b.items[i].at = ev[i].at;
			b.items[i].until = ev[i].until;
			b.items[i].event = ev[i].k;
			b.items[i].label = T(ev[i].when);
			b.items[i].text = T(ev[i].what);
		}
		return b;
	}
	case PE_BLOCK_SCALE: {
		static const char *const names[] = { "Mild", "Moderate", "Severe" };
		static const char *const what[] = {
			"Itching, a few hives or flushing. Tell your nurse.",
			"Fever, chills, hives all over, or a fast heartbeat. Call the clinic today.",
			"Trouble breathing, swollen lips or throat, or fainting. *Call 911.*",
		};
		b = block_of(kind, what, 3);
		for (int i = 0; i < 3; i++) {
			b.items[i].label = T(names[i]);
			b.items[i].grade = (pe_grade)(PE_GRADE_MILD + i);
		}
		return b;
	}
	case PE_BLOCK_GETHELP: {
		static const char *const titles[] = { "Call [911] now",
		                                      "Call your care team now (day or night)",
		                                      "Tell your care team at your next visit" };
		b = block_of(kind, NULL, 0);
		b.tiers = keep(calloc(3, sizeof(pe_tier)));
		b.n_tiers = 3;
		for (int i = 0; i < 3; i++) {
			pe_tier *t = &b.tiers[i];
			t->level = (pe_tier_level)i;
			t->title = T(titles[i]);
			t->signs = keep(calloc(2, sizeof(pe_item)));
			t->n_signs = 2;
			t->signs[0].text = T(long_items[2] + 4);
			t->signs[1].text = T("Chest pain");
			t->paras = keep(calloc(1, sizeof(pe_item)));
			t->n_paras = 1;
			t->paras[0].text = T("After hours, call [1-800-227-2345].");
		}
		return b;
	}
	}
	return block_of(PE_BLOCK_PARAGRAPH, NULL, 0);
}

const pe_block_kind all_kinds[N_ALL_KINDS] = {
	PE_BLOCK_PARAGRAPH, PE_BLOCK_LIST, PE_BLOCK_STEPS, PE_BLOCK_CALLOUT,
	PE_BLOCK_TIMELINE, PE_BLOCK_SCALE, PE_BLOCK_CONTACT, PE_BLOCK_CHECKLIST,
	PE_BLOCK_GETHELP,
};

void assert_inside(const pe_page *pg, double x, double y, double w, double h)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK || op->kind == PE_OP_HIT)
			continue;
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (x0 < x - EPS || x1 > x + w + EPS || y0 < y - EPS || y1 > y + h + EPS)
			fail_msg("op %zu (kind %d%s%s) at (%.2f,%.2f)-(%.2f,%.2f) outside "
			         "(%.2f,%.2f)-(%.2f,%.2f)", i, op->kind,
			         op->kind == PE_OP_TEXT ? " " : "",
			         op->kind == PE_OP_TEXT ? op->u.text.utf8 : "",
			         x0, y0, x1, y1, x, y, x + w, y + h);
	}
}

static double lum1(double c)
{
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast(pe_color a, pe_color b)
{
	double la = 0.2126 * lum1(a.r) + 0.7152 * lum1(a.g) + 0.0722 * lum1(a.b);
	double lb = 0.2126 * lum1(b.r) + 0.7152 * lum1(b.g) + 0.0722 * lum1(b.b);
	if (la < lb) {
		double t = la;
		la = lb;
		lb = t;
	}
	return (la + 0.05) / (lb + 0.05);
}
