/*
 * pictures.c - timeline and severity scale pictures (see pictures.h).
 */
#include "pictures.h"

double pe_picture_timeline(pe_layout *L, pe_page *pg, const pe_block *b,
                           const pe_style *st, double x, double y, double w)
{
	return 0;
}

double pe_picture_scale(pe_layout *L, pe_page *pg, const pe_block *b,
                        const pe_style *st, double x, double y, double w)
{
	return 0;
}
