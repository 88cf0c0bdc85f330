/* SPDX-License-Identifier: MIT */
/*
 * xml_compat.h - what differs between the libxml2 versions we build with.
 *
 * libxml2 2.12 made the structured error callback take a const pointer
 * (xmlStructuredErrorFunc: void (*)(void *, const xmlError *)); Debian 12
 * ships 2.9, where it is a plain xmlErrorPtr. A callback declared with
 * pe_xml_error_ptr matches the one the headers in use expect.
 */
#ifndef PE_XML_COMPAT_H
#define PE_XML_COMPAT_H

#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#if LIBXML_VERSION >= 21200
typedef const xmlError *pe_xml_error_ptr;
#else
typedef xmlError *pe_xml_error_ptr;
#endif

#endif
