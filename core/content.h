/* SPDX-License-Identifier: MIT */
/*
 * content.h - load topic XML into the document model (doc.h).
 *
 * Files are parsed with libxml2, validated against the RELAX NG schema
 * (content/topic.rng) and turned into pe_topic trees. Every failure is a
 * one-line message "file:line: problem" in the caller's pe_error; nothing
 * here prints or exits. A library is all-or-nothing: one bad file and the
 * whole load fails, so a running kiosk keeps the content it had.
 */
#ifndef PE_CONTENT_H
#define PE_CONTENT_H

#include <stddef.h>

#include "doc.h"
#include "error.h"

/* Files larger than this are refused before parsing. */
#define PE_CONTENT_MAX_BYTES (1024 * 1024)

typedef struct pe_schema pe_schema;

/* Compile the schema once; reuse it for every topic file. */
pe_schema *pe_schema_load(const char *rng_path, pe_error *err);
void pe_schema_destroy(pe_schema *schema);   /* accepts NULL */

/* Load and validate one topic file. lang is recorded in the topic ("en"). */
pe_topic *pe_topic_load(const char *path, const char *lang,
                        const pe_schema *schema, pe_error *err);

/* All topics of one language: every *.xml in a directory. */
typedef struct pe_library pe_library;

pe_library *pe_library_load(const char *dir, const char *lang,
                            const pe_schema *schema, pe_error *err);
void pe_library_destroy(pe_library *lib);    /* accepts NULL */

const char *pe_library_lang(const pe_library *lib);
/* The topics a reader can pick (kind="topic"): kiosk tiles, handout --list
 * and --all, required topics. Cards (kind="card", the wallet card's words)
 * are not counted or listed here. */
size_t pe_library_count(const pe_library *lib);
/* Topics sorted by their "order" attribute, then id. */
const pe_topic *pe_library_topic(const pe_library *lib, size_t i);
/* Any topic or card by id. */
const pe_topic *pe_library_find(const pe_library *lib, const char *id);

#endif
