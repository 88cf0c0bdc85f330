/* SPDX-License-Identifier: MIT */
/*
 * paths.h - where the run-time data lives.
 *
 * Everything a program reads at run time (per-language content, the schema,
 * fonts, templates, message catalogs) is staged by the build into one tree:
 *   <datadir>/content/<lang>/<topic>.xml
 *   <datadir>/topic.rng
 *   <datadir>/fonts/NotoSans-*.ttf
 *   <datadir>/templates/<name>.ini
 *   <datadir>/locale/<lang>/LC_MESSAGES/patient-ed.mo
 *   <datadir>/LINGUAS            (languages that were built, one per line)
 * The tree is found, in order, from $PE_DATADIR, from ../share/patient-ed
 * next to the running program (build/bin -> build/share, PREFIX/bin ->
 * PREFIX/share), and from the DATADIR compiled in.
 */
#ifndef PE_PATHS_H
#define PE_PATHS_H

#include <stddef.h>

/* The data directory (absolute where it could be made so). Never NULL. */
const char *pe_paths_datadir(void);

/* Join the data directory and a relative path into buf. Returns buf, or
 * NULL if it does not fit. */
char *pe_paths_data(char *buf, size_t size, const char *relative);

#endif
