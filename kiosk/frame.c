/* SPDX-License-Identifier: MIT */
/*
 * frame.c - compose a kiosk frame (see frame.h).
 *
 * The reader's page is laid out once and only its visible band is painted
 * (pe_painter_paint culls by y), so a scroll frame costs the ops on screen,
 * never a re-layout. Never lays anything out.
 */
#include "frame.h"

#include <math.h>

#include "cairo_paint.h"
#include "shapes.h"

/* A rounded rectangle filled in the current source: the one outline
 * (shapes.h) the handout and screen painters draw too. */
static void fill_round(cairo_t *cr, double x, double y, double w, double h, double r)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	pe_pb_round_rect(&pb, x, y, w, h, r, r, r, r);
	cairo_new_path(cr);
	pe_cairo_trace(cr, pb.segs, pb.n, 0, 0);
	cairo_fill(cr);
}

static void scroll_bar(cairo_t *cr, const pe_frame *f, double scroll)
{
	double doc_h = f->doc->height;
	if (doc_h <= f->vh || f->bar_width <= 0)
		return;
	double x = f->vx + f->vw - f->bar_width - f->bar_width / 2;
	double track_y = f->vy + f->bar_width, track_h = f->vh - 2 * f->bar_width;
	double thumb_h = fmax(track_h * f->vh / doc_h, 4 * f->bar_width);
	double max = doc_h - f->vh;
	double t = max > 0 ? fmin(fmax(scroll / max, 0), 1) : 0;
	double r = f->bar_width / 2;
	cairo_set_source_rgba(cr, f->bar_track.r, f->bar_track.g, f->bar_track.b, f->bar_track.a);
	fill_round(cr, x, track_y, 2 * r, track_h, r);
	double ty = track_y + (track_h - thumb_h) * t;
	cairo_set_source_rgba(cr, f->bar_thumb.r, f->bar_thumb.g, f->bar_thumb.b, f->bar_thumb.a);
	fill_round(cr, x, ty, 2 * r, thumb_h, r);
}

void pe_frame_paint_press(cairo_t *cr, const pe_frame *f, double x, double y, double w,
                          double h)
{
	/* Rounded like the tiles (20 dp; 15 mm is 54.7 dp), inside the buttons. */
	double r = fmin(fmin(w, h) / 2, f->min_target * 20.0 / 54.7);
	cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.35);
	fill_round(cr, x, y, w, h, r);
}

void pe_frame_scroll_bar_span(const pe_frame *f, double *x0, double *x1)
{
	*x0 = floor(f->vx + f->vw - 2 * f->bar_width);
	*x1 = f->vx + f->vw;
}

bool pe_frame_paint_viewport(pe_painter *painter, cairo_t *cr, const pe_frame *f,
                             double scroll, double y0, double y1, pe_error *err)
{
	if (!f->reader || !f->doc)
		return true;
	scroll = floor(scroll + 0.5);
	double top = fmax(y0, f->vy), bottom = fmin(y1, f->vy + f->vh);
	if (bottom <= top)
		return true;
	cairo_save(cr);
	cairo_rectangle(cr, f->vx, top, f->vw, bottom - top);
	cairo_clip(cr);
	cairo_set_source_rgba(cr, f->doc_bg.r, f->doc_bg.g, f->doc_bg.b, 1);
	cairo_paint(cr);
	/* Only the ops in the band: page y = screen y - vy + scroll. */
	double from = top - f->vy + scroll, to = bottom - f->vy + scroll;
	/* The sentence being read aloud: a band behind its words. */
	if (f->says_on_doc && f->n_hl) {
		cairo_set_source_rgba(cr, f->hl_color.r, f->hl_color.g, f->hl_color.b, f->hl_color.a);
		double pad = f->hl_line / 2;
		for (size_t i = 0; i < f->n_hl; i++) {
			const pe_say_span *sp = &f->hl[i];
			fill_round(cr, f->vx + f->doc_x + sp->x - pad, f->vy - scroll + sp->y - pad / 2,
			           sp->w + 2 * pad, sp->h + pad, pad);
		}
	}
	bool ok = pe_painter_paint(painter, cr, f->doc, f->vx + f->doc_x, f->vy - scroll, from, to,
	                           0, err);
	scroll_bar(cr, f, scroll);
	cairo_restore(cr);
	return ok;
}

bool pe_frame_paint(pe_painter *painter, cairo_t *cr, const pe_frame *f, double scroll,
                    pe_error *err)
{
	if (!f->dl || f->dl->n_pages == 0)
		return true;
	bool ok = pe_painter_paint(painter, cr, &f->dl->pages[0], 0, 0, -INFINITY, INFINITY, 0, err);
	if (!pe_frame_paint_viewport(painter, cr, f, scroll, f->vy, f->vy + f->vh, err))
		ok = false;
	/* On the other screens the words being read get a thick frame (they
	 * sit on tiles and panels of their own colours). */
	if (!f->says_on_doc && f->n_hl) {
		cairo_set_source_rgba(cr, f->hl_color.r, f->hl_color.g, f->hl_color.b, f->hl_color.a);
		cairo_set_line_width(cr, f->hl_line);
		for (size_t i = 0; i < f->n_hl; i++) {
			const pe_say_span *sp = &f->hl[i];
			cairo_rectangle(cr, sp->x - f->hl_line / 2, sp->y - f->hl_line / 2,
			                sp->w + f->hl_line, sp->h + f->hl_line);
			cairo_stroke(cr);
		}
	}
	if (f->overlay && f->dl->n_pages > 1)
		if (!pe_painter_paint(painter, cr, &f->dl->pages[1], 0, 0, -INFINITY, INFINITY, 0, err))
			ok = false;
	return ok;
}
