/* SPDX-License-Identifier: MIT */
/*
 * library.c - all topics of one language: every *.xml in a directory (see
 * content.h). All or nothing: one bad file and the whole load fails with
 * that file's message, so a running kiosk keeps the content it had. Topic
 * ids are unique across the directory; cards (kind="card", the wallet
 * card's words) are found by id but never listed. Never prints or exits.
 */
#include "alloc.h"
#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_private.h"

struct pe_library {
	char *lang;
	pe_topic **topics;  /* owned, sorted by order then id; the listed ones
	                     * (kind="topic") first, then n_cards cards */
	size_t n_topics;    /* all of them, cards included */
	size_t n_listed;    /* kind="topic": what count/topic(i) show */
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cards (kind="card") sort after every topic: the list a reader sees is
 * then the first n_listed entries. */
static int cmp_topic(const void *a, const void *b)
{
	const pe_topic *x = *(pe_topic *const *)a, *y = *(pe_topic *const *)b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

static bool has_xml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".xml") == 0;
}

/* The *.xml names in dir, sorted so that the first bad file reported is
 * always the same one. */
static bool list_xml(const char *dir, char ***names_out, size_t *n_out, pe_error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		pe_error_set(err, dir, 0, "cannot open directory: %s", strerror(errno));
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(d))) {
		if (!has_xml_suffix(de->d_name))
			continue;
		if (!pe_grow((void **)&names, &cap, n + 1, sizeof *names) ||
		    !(names[n] = strdup(de->d_name))) {
			pe_error_set(err, dir, 0, "out of memory");
			goto fail;
		}
		n++;
		errno = 0;
	}
	if (errno) {
		pe_error_set(err, dir, 0, "cannot read directory: %s", strerror(errno));
		goto fail;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_name);
	*names_out = names;
	*n_out = n;
	return true;
fail:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return false;
}

pe_library *pe_library_load(const char *dir, const char *lang, const pe_schema *schema,
                            pe_error *err)
{
	char **names = NULL;
	size_t n_names = 0;
	int *lines = NULL;
	char *path = NULL;
	if (!lang) {
		pe_error_set(err, dir, 0, "no language given");
		return NULL;
	}
	if (!list_xml(dir, &names, &n_names, err))
		return NULL;
	pe_library *lib = calloc(1, sizeof *lib);
	if (!lib || !(lib->lang = strdup(lang))) {
		pe_error_set(err, dir, 0, "out of memory");
		goto fail;
	}
	if (n_names == 0) {
		pe_error_set(err, dir, 0, "no topic files (*.xml) in this directory");
		goto fail;
	}
	lib->topics = calloc(n_names, sizeof *lib->topics);
	lines = calloc(n_names, sizeof *lines);
	if (!lib->topics || !lines) {
		pe_error_set(err, dir, 0, "out of memory");
		goto fail;
	}
	size_t dlen = strlen(dir);
	bool slash = dlen > 0 && dir[dlen - 1] == '/';
	for (size_t i = 0; i < n_names; i++) {
		free(path);
		size_t plen = dlen + 1 + strlen(names[i]) + 1;
		if (!(path = malloc(plen))) {
			pe_error_set(err, dir, 0, "out of memory");
			goto fail;
		}
		snprintf(path, plen, "%s%s%s", dir, slash ? "" : "/", names[i]);
		pe_topic *t = pe_topic_load_at(path, lang, schema, err, &lines[i]);
		if (!t)
			goto fail;
		for (size_t j = 0; j < lib->n_topics; j++)
			if (strcmp(lib->topics[j]->id, t->id) == 0) {
				pe_error_set(err, path, lines[i],
				             "duplicate topic id \"%s\" (also in %s:%d)", t->id,
				             lib->topics[j]->path, lines[j]);
				pe_topic_destroy(t);
				goto fail;
			}
		lib->topics[lib->n_topics++] = t;
	}
	qsort(lib->topics, lib->n_topics, sizeof *lib->topics, cmp_topic);
	for (size_t i = 0; i < lib->n_topics; i++)
		if (lib->topics[i]->kind == PE_TOPIC_TOPIC)
			lib->n_listed++;
	if (lib->n_listed == 0) {
		pe_error_set(err, dir, 0, "no topic files (*.xml) in this directory, only cards "
		             "(kind=\"card\")");
		goto fail;
	}
	free(path);
	free(lines);
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	return lib;

fail:
	free(path);
	free(lines);
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	pe_library_destroy(lib);
	return NULL;
}

void pe_library_destroy(pe_library *lib)
{
	if (!lib)
		return;
	for (size_t i = 0; i < lib->n_topics; i++)
		pe_topic_destroy(lib->topics[i]);
	free(lib->topics);
	free(lib->lang);
	free(lib);
}

const char *pe_library_lang(const pe_library *lib)
{
	return lib->lang;
}

size_t pe_library_count(const pe_library *lib)
{
	return lib ? lib->n_listed : 0;
}

const pe_topic *pe_library_topic(const pe_library *lib, size_t i)
{
	return lib && i < lib->n_listed ? lib->topics[i] : NULL;
}

const pe_topic *pe_library_find(const pe_library *lib, const char *id)
{
	if (!lib || !id)
		return NULL;
	for (size_t i = 0; i < lib->n_topics; i++)
		if (strcmp(lib->topics[i]->id, id) == 0)
			return lib->topics[i];
	return NULL;
}
