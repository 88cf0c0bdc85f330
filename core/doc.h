/* SPDX-License-Identifier: MIT */
/*
 * doc.h - the document model: topics -> sections -> blocks -> inline runs.
 *
 * This is what the loader (content.c) builds from content/<topic>.xml and
 * what layout reads. It is plain data: every string is owned UTF-8, every
 * array is owned by its parent, and pe_topic_destroy() frees the whole tree.
 * The model never knows about fonts, pages, PDF or screens.
 */
#ifndef PE_DOC_H
#define PE_DOC_H

#include <stdbool.h>
#include <stddef.h>

/* Inline style bits of one run of text. */
enum pe_run_style {
	PE_RUN_PLAIN = 0,
	PE_RUN_EM = 1 << 0,     /* <em>: italic */
	PE_RUN_STRONG = 1 << 1, /* <strong>: bold */
	PE_RUN_PHONE = 1 << 2,  /* <phone>: bold, and a tel: link */
};

typedef struct pe_run {
	char *text;       /* owned, UTF-8, whitespace already collapsed */
	unsigned style;   /* enum pe_run_style bits */
} pe_run;

/* A piece of inline text: a sequence of styled runs. Empty when n_runs == 0. */
typedef struct pe_text {
	pe_run *runs;     /* owned array */
	size_t n_runs;
} pe_text;

typedef enum pe_block_kind {
	PE_BLOCK_PARAGRAPH,
	PE_BLOCK_LIST,      /* bullet list: items[].text */
	PE_BLOCK_STEPS,     /* numbered steps: items[].text */
	PE_BLOCK_CALLOUT,   /* title (may be empty) + items: paragraphs and bullets */
	PE_BLOCK_TIMELINE,  /* items[].label = when, .text = what, .at/.until hours */
	PE_BLOCK_SCALE,     /* severity: items[].label = name, .text = what, .grade */
	PE_BLOCK_CONTACT,   /* contact card: see pe_contact */
	PE_BLOCK_CHECKLIST, /* title + items[].text ("Tell your nurse right away if...") */
	PE_BLOCK_GETHELP,   /* "when to get help": tiers[] (see pe_tier) */
} pe_block_kind;

/* The tiers of a <gethelp> block, most urgent first; the order is also the
 * order they appear in (the schema allows no other). */
typedef enum pe_tier_level {
	PE_TIER_EMERGENCY,  /* Call 911 now */
	PE_TIER_URGENT,     /* Call your care team now (day or night) */
	PE_TIER_ROUTINE,    /* Tell your care team at your next visit */
} pe_tier_level;

#define PE_TIER_COUNT 3

typedef enum pe_callout_kind {
	PE_CALLOUT_INFO,
	PE_CALLOUT_WARNING,
	PE_CALLOUT_EMERGENCY,
} pe_callout_kind;

typedef enum pe_grade {
	PE_GRADE_NONE,
	PE_GRADE_MILD,
	PE_GRADE_MODERATE,
	PE_GRADE_SEVERE,
} pe_grade;

typedef enum pe_event_kind {
	PE_EVENT_CARE,     /* something you do (drink fluids, rest) */
	PE_EVENT_EFFECT,   /* a side effect that may happen */
	PE_EVENT_BENEFIT,  /* when the treatment starts to help */
	PE_EVENT_WARNING,  /* watch for / call for help */
} pe_event_kind;

typedef struct pe_item {
	pe_text text;       /* the item, step, callout paragraph, "what" */
	pe_text label;      /* timeline "when", scale level "name"; else empty */
	bool bullet;        /* callout: true for <item>, false for <p> */
	double at, until;   /* timeline: hours from infusion start; until == at if no span */
	pe_event_kind event;/* timeline only */
	pe_grade grade;     /* scale only */
	char **src;         /* owned, NULL-terminated source ids; NULL if none */
	bool filled;        /* origin="filled": added where the seed's list was lost */
	int line;           /* line in the source XML, for messages */
	char *id;           /* owned: gethelp <sign id="...">, a row of
	                     * content/signs.tsv; NULL for every other item */
} pe_item;

/* One tier of a <gethelp> block: title ("Call 911 now"), the signs (items
 * with .id and .text, shown as bullets) and notes after them (items with
 * .bullet false: "Tell them you get IVIg"). */
typedef struct pe_tier {
	pe_tier_level level;
	pe_text title;
	pe_item *signs;     /* owned array, at least one */
	size_t n_signs;
	pe_item *paras;     /* owned array, may be empty */
	size_t n_paras;
	char **src;         /* owned, NULL-terminated source ids; NULL if none */
	bool filled;
	int line;
} pe_tier;

typedef struct pe_contact {
	pe_text name;       /* "Cancer helpline" */
	char *phone;        /* owned, as written: "1-800-227-2345" */
	pe_text hours;      /* "Any time, day or night" */
	pe_text chat;       /* may be empty */
	pe_text note;       /* may be empty */
} pe_contact;

typedef struct pe_block {
	pe_block_kind kind;
	pe_callout_kind callout;  /* PE_BLOCK_CALLOUT only */
	pe_text title;            /* callout (optional), checklist */
	pe_text text;             /* paragraph */
	pe_item *items;           /* owned array: list, steps, callout, timeline, scale, checklist */
	size_t n_items;
	pe_contact contact;       /* PE_BLOCK_CONTACT only */
	pe_tier *tiers;           /* owned array: PE_BLOCK_GETHELP only, 0..3,
	                           * in pe_tier_level order */
	size_t n_tiers;
	char **src;               /* owned, NULL-terminated source ids; NULL if none */
	bool filled;
	int line;
} pe_block;

typedef enum pe_icon {
	PE_ICON_NONE,
	PE_ICON_PHONE,
	PE_ICON_DRIP,
	PE_ICON_PILL,
	PE_ICON_ALERT,
	PE_ICON_SHIELD,
	PE_ICON_CALENDAR,
	PE_ICON_INFO,
	PE_ICON_HEART,
} pe_icon;

typedef struct pe_section {
	char *id;                 /* owned, e.g. "signs" */
	pe_text heading;
	pe_icon icon;
	pe_block *blocks;         /* owned array */
	size_t n_blocks;
	int line;
} pe_section;

typedef struct pe_source {
	char *id;                 /* owned, e.g. "acs-infusion-reactions" */
	char *cite;               /* owned: title of the source document */
	char *publisher;          /* owned */
	char *date;               /* owned, ISO 8601 "2024-06-04": published or last
	                           * revised; NULL when the source shows no date */
	char *accessed;           /* owned, ISO 8601: the day we received or read
	                           * it; NULL if not given. At least one of date
	                           * and accessed is set. */
} pe_source;

/* What a topic file is for (topic kind="..."). */
typedef enum pe_topic_kind {
	PE_TOPIC_TOPIC,   /* a topic of its own: kiosk tile, handout, --list */
	PE_TOPIC_CARD,    /* the words of the wallet card: never listed, only
	                   * fetched by id (pe_library_find) */
} pe_topic_kind;

typedef struct pe_topic {
	char *id;                 /* owned, e.g. "ivig-aftercare" */
	char *lang;               /* owned, e.g. "en", "es" */
	char *path;               /* owned: the file it was loaded from */
	char *title;              /* owned, plain text */
	char *summary;            /* owned, plain text (kiosk tile, --list) */
	char *revised;            /* owned, ISO 8601 date of last revision */
	pe_icon icon;
	bool emergency;           /* on the kiosk's emergency path */
	pe_topic_kind kind;
	int order;                /* sort key for lists and tiles */
	pe_source *sources;       /* owned array */
	size_t n_sources;
	pe_section *sections;     /* owned array */
	size_t n_sections;
} pe_topic;

/* Free a topic and everything under it. Accepts NULL. */
void pe_topic_destroy(pe_topic *topic);

/* Concatenate the runs of a text into one newly allocated plain string
 * (no markup). Returns NULL only when out of memory. */
char *pe_text_plain(const pe_text *text);

/* Name <-> enum helpers used by the loader, layout and tools.
 * Return NULL / -1 for an unknown value. */
const char *pe_icon_name(pe_icon icon);
int pe_icon_from_name(const char *name);

/* "emergency", "urgent", "routine" (the schema's level values). */
const char *pe_tier_level_name(pe_tier_level level);
int pe_tier_level_from_name(const char *name);

/* The first <gethelp> block of a topic, and the index of its section in
 * *section (when not NULL). NULL when the topic has none. */
const pe_block *pe_topic_gethelp(const pe_topic *topic, size_t *section);

#endif
