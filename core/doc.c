/* SPDX-License-Identifier: MIT */
/*
 * doc.c - freeing and small helpers for the document model (see doc.h).
 *
 * The model is plain owned data; this file only tears it down and names
 * its enums. It must never parse, lay out or print anything.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

static void text_finish(pe_text *t)
{
	for (size_t i = 0; i < t->n_runs; i++)
		free(t->runs[i].text);
	free(t->runs);
	t->runs = NULL;
	t->n_runs = 0;
}

static void strv_free(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

static void item_finish(pe_item *it)
{
	text_finish(&it->text);
	text_finish(&it->label);
	strv_free(it->src);
	free(it->id);
}

static void tier_finish(pe_tier *t)
{
	text_finish(&t->title);
	for (size_t i = 0; i < t->n_signs; i++)
		item_finish(&t->signs[i]);
	free(t->signs);
	for (size_t i = 0; i < t->n_paras; i++)
		item_finish(&t->paras[i]);
	free(t->paras);
	strv_free(t->src);
}

static void block_finish(pe_block *b)
{
	text_finish(&b->title);
	text_finish(&b->text);
	for (size_t i = 0; i < b->n_items; i++)
		item_finish(&b->items[i]);
	free(b->items);
	text_finish(&b->contact.name);
	free(b->contact.phone);
	text_finish(&b->contact.hours);
	text_finish(&b->contact.chat);
	text_finish(&b->contact.note);
	for (size_t i = 0; i < b->n_tiers; i++)
		tier_finish(&b->tiers[i]);
	free(b->tiers);
	strv_free(b->src);
}

static void section_finish(pe_section *s)
{
	free(s->id);
	text_finish(&s->heading);
	for (size_t i = 0; i < s->n_blocks; i++)
		block_finish(&s->blocks[i]);
	free(s->blocks);
}

void pe_topic_destroy(pe_topic *topic)
{
	if (!topic)
		return;
	for (size_t i = 0; i < topic->n_sources; i++) {
		pe_source *src = &topic->sources[i];
		free(src->id);
		free(src->cite);
		free(src->publisher);
		free(src->date);
		free(src->accessed);
	}
	free(topic->sources);
	for (size_t i = 0; i < topic->n_sections; i++)
		section_finish(&topic->sections[i]);
	free(topic->sections);
	free(topic->id);
	free(topic->lang);
	free(topic->path);
	free(topic->title);
	free(topic->summary);
	free(topic->revised);
	free(topic);
}

char *pe_text_plain(const pe_text *text)
{
	size_t len = 0;
	for (size_t i = 0; i < text->n_runs; i++)
		len += strlen(text->runs[i].text);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	char *p = out;
	for (size_t i = 0; i < text->n_runs; i++) {
		size_t n = strlen(text->runs[i].text);
		memcpy(p, text->runs[i].text, n);
		p += n;
	}
	*p = '\0';
	return out;
}

/* Indexed by enum pe_icon; the names are the schema's icon values. */
static const char *const icon_names[] = {
	[PE_ICON_NONE] = "none",
	[PE_ICON_PHONE] = "phone",
	[PE_ICON_DRIP] = "drip",
	[PE_ICON_PILL] = "pill",
	[PE_ICON_ALERT] = "alert",
	[PE_ICON_SHIELD] = "shield",
	[PE_ICON_CALENDAR] = "calendar",
	[PE_ICON_INFO] = "info",
	[PE_ICON_HEART] = "heart",
};

#define N_ICONS (sizeof icon_names / sizeof icon_names[0])

const char *pe_icon_name(pe_icon icon)
{
	if ((unsigned)icon >= N_ICONS)
		return NULL;
	return icon_names[icon];
}

int pe_icon_from_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < N_ICONS; i++)
		if (strcmp(icon_names[i], name) == 0)
			return (int)i;
	return -1;
}

static const char *const tier_names[PE_TIER_COUNT] = {
	[PE_TIER_EMERGENCY] = "emergency",
	[PE_TIER_URGENT] = "urgent",
	[PE_TIER_ROUTINE] = "routine",
};

const char *pe_tier_level_name(pe_tier_level level)
{
	if ((unsigned)level >= PE_TIER_COUNT)
		return NULL;
	return tier_names[level];
}

int pe_tier_level_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < PE_TIER_COUNT; i++)
		if (strcmp(tier_names[i], name) == 0)
			return i;
	return -1;
}

const pe_block *pe_topic_gethelp(const pe_topic *topic, size_t *section)
{
	if (!topic)
		return NULL;
	for (size_t s = 0; s < topic->n_sections; s++)
		for (size_t b = 0; b < topic->sections[s].n_blocks; b++)
			if (topic->sections[s].blocks[b].kind == PE_BLOCK_GETHELP) {
				if (section)
					*section = s;
				return &topic->sections[s].blocks[b];
			}
	return NULL;
}
