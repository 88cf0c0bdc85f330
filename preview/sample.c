/* SPDX-License-Identifier: MIT */
/*
 * sample.c - a topic built in C with every block kind (see sample.h).
 *
 * Inline markup in the strings below: *strong*, _em_, [phone]. Every
 * allocation is recorded in one pool so sample_free() needs no knowledge
 * of the tree. Words are our own (grade 6-8), not from any seed document.
 */
#include "sample.h"

#include <stdlib.h>
#include <string.h>

static void **pool;
static size_t n_pool, cap_pool;

static void *keep(void *p)
{
	if (!p)
		abort();
	if (n_pool == cap_pool) {
		cap_pool = cap_pool ? cap_pool * 2 : 256;
		pool = realloc(pool, cap_pool * sizeof *pool);
		if (!pool)
			abort();
	}
	pool[n_pool++] = p;
	return p;
}

static void *zalloc(size_t n, size_t size)
{
	return keep(calloc(n ? n : 1, size));
}

static char *dup_n(const char *s, size_t n)
{
	char *d = zalloc(n + 1, 1);
	memcpy(d, s, n);
	return d;
}

/* "Call [1-800-227-2345] *now*" -> runs. */
static pe_text T(const char *m)
{
	pe_text t = { zalloc(32, sizeof(pe_run)), 0 };
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
		t.runs[t.n_runs].text = dup_n(s, (size_t)(e - s));
		t.runs[t.n_runs].style = style;
		t.n_runs++;
		p = close && *e ? e + 1 : e;
	}
	return t;
}

static pe_block *blocks_in(pe_section *sec, size_t n)
{
	sec->blocks = zalloc(n, sizeof(pe_block));
	sec->n_blocks = n;
	return sec->blocks;
}

static void items(pe_block *b, const char *const *texts, size_t n)
{
	b->items = zalloc(n, sizeof(pe_item));
	b->n_items = n;
	for (size_t i = 0; i < n; i++) {
		b->items[i].text = T(texts[i]);
		b->items[i].bullet = true;
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

pe_topic *sample_topic(void)
{
	pe_topic *t = zalloc(1, sizeof *t);
	t->id = dup_n("sample", 6);
	t->lang = dup_n("en", 2);
	t->title = dup_n("After your infusion", 19);
	t->summary = dup_n("What to expect at home, how to feel better, and when to get help", 64);
	t->icon = PE_ICON_DRIP;
	t->n_sections = 6;
	t->sections = zalloc(t->n_sections, sizeof(pe_section));
	pe_section *s = t->sections;

	s[0].heading = T("What to expect");
	s[0].icon = PE_ICON_DRIP;
	pe_block *b = blocks_in(&s[0], 3);
	b[0].kind = PE_BLOCK_PARAGRAPH;
	b[0].text = T("Most people feel fine after an infusion. Some feel _tired_ or have a mild headache for a day or two. This is *common* and usually goes away without help. If you have questions, call the clinic at [555-010-4477].");
	b[1].kind = PE_BLOCK_LIST;
	static const char *const effects[] = {
		"A mild headache that starts 6-12 hours later",
		"Feeling tired or a little feverish",
		"Sore or red skin where the needle went in",
		"Mild nausea. Eat small, plain meals and sip water often during the day.",
	};
	items(&b[1], effects, N(effects));
	b[2].kind = PE_BLOCK_CALLOUT;
	b[2].callout = PE_CALLOUT_INFO;
	b[2].title = T("Good to know");
	static const char *const info[] = { "Side effects are often milder after the 1st infusion. Keep a short note of how you feel, and bring it to your next visit." };
	items(&b[2], info, N(info));
	b[2].items[0].bullet = false;

	s[1].heading = T("Your recovery, step by step");
	s[1].icon = PE_ICON_CALENDAR;
	b = blocks_in(&s[1], 1);
	b[0].kind = PE_BLOCK_TIMELINE;
	static const struct { double at, until; pe_event_kind k; const char *when, *what; } ev[] = {
		{ -48, 48, PE_EVENT_CARE, "2 days before to 2 days after", "Drink 8 cups of fluid a day." },
		{ 0, 3, PE_EVENT_CARE, "During the infusion", "Tell the nurse at once if you feel itchy, dizzy or short of breath." },
		{ 6, 12, PE_EVENT_EFFECT, "6-12 hours after", "A headache may start. Rest and drink water." },
		{ 24, 48, PE_EVENT_CARE, "24-48 hours after", "Avoid hard exercise." },
		{ 72, 72, PE_EVENT_EFFECT, "Within 3 days", "Most side effects are gone." },
		{ 504, 504, PE_EVENT_BENEFIT, "Several weeks after", "You may start to feel the full benefit." },
		{ 0, 336, PE_EVENT_WARNING, "Any time in the first 2 weeks", "Call 911 for chest pain, a very bad headache or trouble breathing." },
	};
	b[0].n_items = N(ev);
	b[0].items = zalloc(N(ev), sizeof(pe_item));
	for (size_t i = 0; i < N(ev); i++) {
		b[0].items[i].at = ev[i].at;
		b[0].items[i].until = ev[i].until;
		b[0].items[i].event = ev[i].k;
		b[0].items[i].label = T(ev[i].when);
		b[0].items[i].text = T(ev[i].what);
	}

	s[2].heading = T("Caring for yourself at home");
	s[2].icon = PE_ICON_PILL;
	b = blocks_in(&s[2], 2);
	b[0].kind = PE_BLOCK_STEPS;
	static const char *const steps[] = {
		"Drink at least 8 cups of water or juice each day, starting 2 days before.",
		"For a headache or fever, ask your doctor which medicine to take. Many people take _acetaminophen_.",
		"Rest and keep warm if you have chills or aches.",
		"Avoid hard exercise for 2 days.",
	};
	items(&b[0], steps, N(steps));
	b[1].kind = PE_BLOCK_CALLOUT;
	b[1].callout = PE_CALLOUT_WARNING;
	b[1].title = T("Before you take any medicine");
	static const char *const warn[] = {
		"Check with your care team first.",
		"Some pain medicines are not safe with your treatment.",
		"Never take more than the dose on the label.",
	};
	items(&b[1], warn, N(warn));

	s[3].heading = T("How bad is it?");
	s[3].icon = PE_ICON_ALERT;
	b = blocks_in(&s[3], 1);
	b[0].kind = PE_BLOCK_SCALE;
	static const struct { pe_grade g; const char *name, *what; } lv[] = {
		{ PE_GRADE_MILD, "Mild", "Itching, a few hives or flushing. Tell your nurse." },
		{ PE_GRADE_MODERATE, "Moderate", "Fever, chills, hives all over, or a fast heartbeat. Call the clinic today." },
		{ PE_GRADE_SEVERE, "Severe", "Trouble breathing, swollen lips or throat, or fainting. *Call 911.*" },
	};
	b[0].n_items = N(lv);
	b[0].items = zalloc(N(lv), sizeof(pe_item));
	for (size_t i = 0; i < N(lv); i++) {
		b[0].items[i].grade = lv[i].g;
		b[0].items[i].label = T(lv[i].name);
		b[0].items[i].text = T(lv[i].what);
	}

	s[4].heading = T("Tell your nurse");
	s[4].icon = PE_ICON_SHIELD;
	b = blocks_in(&s[4], 1);
	b[0].kind = PE_BLOCK_CHECKLIST;
	b[0].title = T("Tell your nurse right away if you have:");
	static const char *const check[] = {
		"A fever of 100.4 °F (38 °C) or higher",
		"A rash, hives or itching",
		"Swelling, pain or redness where the needle went in",
		"Any new or strange feeling",
	};
	items(&b[0], check, N(check));

	s[5].heading = T("Getting help");
	s[5].icon = PE_ICON_PHONE;
	b = blocks_in(&s[5], 2);
	b[0].kind = PE_BLOCK_CALLOUT;
	b[0].callout = PE_CALLOUT_EMERGENCY;
	b[0].title = T("Call 911 right away if you have:");
	static const char *const emerg[] = {
		"Trouble breathing or swelling of the throat",
		"Chest pain",
		"A very bad headache with a stiff neck",
		"These problems are rare but serious. Do not drive yourself. Call [911].",
	};
	items(&b[0], emerg, N(emerg));
	b[0].items[3].bullet = false;
	b[1].kind = PE_BLOCK_CONTACT;
	b[1].contact.name = T("Cancer helpline");
	b[1].contact.phone = dup_n("1-800-227-2345", 14);
	b[1].contact.hours = T("Any time, day or night");
	b[1].contact.chat = T("Live chat on the website, weekdays");
	b[1].contact.note = T("Calls are free. Help in Spanish and other languages.");
	return t;
}

void sample_free(pe_topic *topic)
{
	(void)topic;
	for (size_t i = 0; i < n_pool; i++)
		free(pool[i]);
	free(pool);
	pool = NULL;
	n_pool = cap_pool = 0;
}
