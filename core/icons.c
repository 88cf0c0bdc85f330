/*
 * icons.c - simple vector icons (pe_layout_icon in layout.h).
 */
#include "layout.h"
#include "shapes.h"

void pe_layout_icon(pe_page *pg, pe_icon icon, double x, double y, double size,
                    pe_color color)
{
	if (!pg || icon == PE_ICON_NONE)
		return;
	pe_shape_circle(pg, x + size / 2, y + size / 2, size / 2, color, PE_NO_COLOR, 0);
}
