/* SPDX-License-Identifier: MIT */
/*
 * pictures.h - the drawn blocks: timeline and severity scale.
 *
 * Internal to layout: pe_layout_block() calls these for PE_BLOCK_TIMELINE
 * and PE_BLOCK_SCALE. They build vector paths, rectangles and text through
 * the public layout functions, stay inside (x, width), return their height
 * and, with pg NULL, only measure (same height). They never paint.
 */
#ifndef PE_PICTURES_H
#define PE_PICTURES_H

#include "breaks.h"
#include "layout.h"

/* The timeline may be split after its overview chart and between events,
 * never inside the chart or an event (bk may be NULL). */
double pe_picture_timeline(pe_layout *layout, pe_page *pg, const pe_block *block,
                           const pe_style *st, double x, double y, double width,
                           pe_breaks *bk);
double pe_picture_scale(pe_layout *layout, pe_page *pg, const pe_block *block,
                        const pe_style *st, double x, double y, double width);

#endif
