/* SPDX-License-Identifier: MIT */
/*
 * content.c - the schema and one topic file (see content.h).
 *
 * A topic file is read and parsed by xmlread.c (the file, UTF-8, XML),
 * walked into a pe_topic by topic_grammar.c with its own precise messages,
 * and then validated against the compiled RELAX NG schema as the final
 * gate, so the schema stays the one definition of what a topic is. A
 * directory of topics is library.c. Never prints or exits.
 */
#include "content.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "content_private.h"
#include "xmlread.h"

struct pe_schema {
	xmlRelaxNGPtr rng;
};

/* ---- schema ------------------------------------------------------------- */

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

pe_schema *pe_schema_load(const char *rng_path, pe_error *err)
{
	size_t len;
	pe_schema *schema = NULL;
	char *buf = pe_xml_read_file(rng_path, PE_CONTENT_MAX_BYTES, &len, err);
	if (!buf)
		return NULL;
	/* Parsed by us, so its errors read like a topic's. */
	xmlDocPtr doc = pe_xml_parse(rng_path, buf, len, err);
	if (!doc)
		goto free_buf;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root->ns || !xmlStrEqual(root->ns->href, BAD_CAST RNG_NS)) {
		pe_error_set(err, rng_path, pe_xml_line(root),
		             "not a RELAX NG schema: the root <%s> is not in the namespace %s",
		             (const char *)root->name, RNG_NS);
		goto free_doc;
	}
	if (!(schema = calloc(1, sizeof *schema))) {
		pe_error_set(err, rng_path, 0, "out of memory");
		goto free_doc;
	}
	pe_xml_errs x;
	pe_xml_scope sc;
	pe_xml_scope_enter(&sc, &x);
	/* The parser context copies the document; ours is freed below. */
	xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewDocParserCtxt(doc);
	if (pctx) {
		xmlRelaxNGSetParserStructuredErrors(pctx, pe_xml_on_error, &x);
		schema->rng = xmlRelaxNGParse(pctx);
		xmlRelaxNGFreeParserCtxt(pctx);
	}
	pe_xml_scope_leave(&sc);
	if (!schema->rng) {
		int line = x.node_line > 0 ? x.node_line : x.line;
		if (x.have)
			pe_error_set(err, rng_path, line, "not a usable RELAX NG schema: %s",
			             x.msg);
		else
			pe_error_set(err, rng_path, 0, "not a usable RELAX NG schema%s%s",
			             x.have_generic ? ": " : "", x.have_generic ? x.generic : "");
		free(schema);
		schema = NULL;
	}
free_doc:
	xmlFreeDoc(doc);
free_buf:
	free(buf);
	return schema;
}

void pe_schema_destroy(pe_schema *schema)
{
	if (!schema)
		return;
	xmlRelaxNGFree(schema->rng);
	free(schema);
}

/* Map a RELAX NG validation error to our format. Only reached when our
 * walk accepted something the schema does not (the walk and the schema
 * disagree): say so plainly, with libxml2's words and the element's line. */
static void report_schema_error(pe_error *err, const char *path, const pe_xml_errs *x)
{
	int line = x->node_line > 0 ? x->node_line : x->line;
	if (x->have)
		pe_error_set(err, path, line, "does not match the schema: %s", x->msg);
	else
		pe_error_set(err, path, 0, "does not match the schema");
}

/* ---- one topic -------------------------------------------------------------- */

pe_topic *pe_topic_load_at(const char *path, const char *lang, const pe_schema *schema,
                           pe_error *err, int *root_line)
{
	pe_topic *topic = NULL;
	size_t len;
	if (!lang) {
		pe_error_set(err, path, 0, "no language given");
		return NULL;
	}
	char *buf = pe_xml_read_file(path, PE_CONTENT_MAX_BYTES, &len, err);
	if (!buf)
		return NULL;

	pe_xml_errs x;
	pe_xml_scope sc;
	xmlDocPtr doc = pe_xml_parse(path, buf, len, err);
	if (!doc)
		goto free_buf;
	xmlNode *root = xmlDocGetRootElement(doc);   /* parse_xml made sure */

	topic = calloc(1, sizeof *topic);
	if (!topic || !(topic->path = strdup(path)) || !(topic->lang = strdup(lang))) {
		pe_error_set(err, path, 0, "out of memory");
		goto free_topic;
	}
	if (!pe_topic_parse(path, err, topic, root))
		goto free_topic;

	if (schema) {
		pe_xml_scope_enter(&sc, &x);
		xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt(schema->rng);
		int rc = -1;
		if (vctx) {
			xmlRelaxNGSetValidStructuredErrors(vctx, pe_xml_on_error, &x);
			rc = xmlRelaxNGValidateDoc(vctx, doc);
			xmlRelaxNGFreeValidCtxt(vctx);
		}
		pe_xml_scope_leave(&sc);
		if (!vctx) {
			pe_error_set(err, path, 0, "out of memory");
			goto free_topic;
		}
		if (rc != 0) {
			report_schema_error(err, path, &x);
			goto free_topic;
		}
	}
	if (root_line)
		*root_line = pe_xml_line(root);
	xmlFreeDoc(doc);
	free(buf);
	return topic;

free_topic:
	pe_topic_destroy(topic);
	xmlFreeDoc(doc);
free_buf:
	free(buf);
	return NULL;
}

/* schema may be NULL: then only our own walk checks the file (tools that
 * want to report the walk's message alone). */
pe_topic *pe_topic_load(const char *path, const char *lang, const pe_schema *schema,
                        pe_error *err)
{
	return pe_topic_load_at(path, lang, schema, err, NULL);
}
