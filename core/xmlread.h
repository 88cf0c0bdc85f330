/* SPDX-License-Identifier: MIT */
/*
 * xmlread.h - reading a content file and parsing it with libxml2 (private
 * to the content loader: content.c, library.c and the walker).
 *
 * A file is read whole (a regular file, at most the caller's limit),
 * checked to be UTF-8 by our own code (so the message names the line and
 * the byte), then parsed with no network, no DTD and no entity
 * substitution. libxml2's errors are caught by handlers installed only for
 * the duration of one call (pe_xml_scope) and then restored: libxml2 never
 * prints and no state is left behind. Nothing here prints, exits, or calls
 * xmlCleanupParser (that belongs to the program, if anyone).
 */
#ifndef PE_XMLREAD_H
#define PE_XMLREAD_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "error.h"
#include "xml_compat.h"

/* Read a whole file into a NUL-terminated buffer (free() it), refusing
 * anything that is not a regular file or is larger than max_bytes (the
 * content loader passes PE_CONTENT_MAX_BYTES). */
char *pe_xml_read_file(const char *path, size_t max_bytes, size_t *len_out, pe_error *err);

/* Parse a file already read into buf (NUL-terminated): UTF-8 only, no
 * DOCTYPE, no network, entities not substituted. Returns the document
 * (xmlFreeDoc it) or NULL with the first problem in err, worded for a
 * reader ("not well-formed XML: <p> (opened on line 4) is never closed"). */
xmlDocPtr pe_xml_parse(const char *path, const char *buf, size_t len, pe_error *err);

/* The first error libxml2 reports during one call; later ones are usually
 * consequences of the first. */
typedef struct pe_xml_errs {
	bool have;
	int domain, code, line, int1;
	char msg[400];
	char str1[200], str2[200];
	int node_line;        /* schema errors: line of the offending element,
	                         read at once (the node may not outlive the call) */
	bool have_generic;
	char generic[400];
} pe_xml_errs;

/* The handlers that were installed before us, put back on leaving. */
typedef struct pe_xml_scope {
	xmlStructuredErrorFunc serror;
	void *sctx;
	xmlGenericErrorFunc gerror;
	void *gctx;
} pe_xml_scope;

/* Between enter and leave every libxml2 error of this thread goes into
 * *errs (cleared on entering). */
void pe_xml_scope_enter(pe_xml_scope *sc, pe_xml_errs *errs);
void pe_xml_scope_leave(const pe_xml_scope *sc);

/* The structured handler itself (data is a pe_xml_errs), for the RELAX NG
 * contexts that take their own. */
void pe_xml_on_error(void *data, pe_xml_error_ptr e);

/* A node's line, 0 when libxml2 does not know it. */
int pe_xml_line(const xmlNode *n);

/* XML's white space: space, tab, line feed, carriage return. */
bool pe_xml_is_space(int c);
bool pe_xml_all_space(const char *s);

#endif
