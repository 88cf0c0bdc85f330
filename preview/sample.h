/* SPDX-License-Identifier: MIT */
/*
 * sample.h - a hand-built topic that uses every block kind, for the layout
 * preview (the real loader lives in core/content.c; this needs no XML).
 */
#ifndef PE_PREVIEW_SAMPLE_H
#define PE_PREVIEW_SAMPLE_H

#include "doc.h"

/* Build the sample topic; free it with sample_free(). NULL when out of
 * memory. */
pe_topic *sample_topic(void);
void sample_free(pe_topic *topic);

#endif
