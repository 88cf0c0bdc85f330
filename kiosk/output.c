/*
 * output.c - SDL window, software renderer, one streaming texture
 * (see output.h). Never lays out and never handles input.
 */
#include "output.h"

#include <SDL.h>

struct pe_output {
	SDL_Window *window;
	SDL_Renderer *renderer;
	SDL_Texture *texture;
	int w, h;                 /* texture size */
	cairo_surface_t *surface; /* on the locked pixels, during a frame */
};

static bool make_texture(pe_output *out, pe_error *err)
{
	int w, h;
	if (SDL_GetRendererOutputSize(out->renderer, &w, &h) != 0)
		SDL_GetWindowSize(out->window, &w, &h);
	if (out->texture && w == out->w && h == out->h)
		return true;
	if (out->texture)
		SDL_DestroyTexture(out->texture);
	out->texture = SDL_CreateTexture(out->renderer, SDL_PIXELFORMAT_ARGB8888,
	                                 SDL_TEXTUREACCESS_STREAMING, w, h);
	if (!out->texture) {
		pe_error_set(err, NULL, 0, "kiosk: cannot make a %dx%d texture: %s", w, h,
		             SDL_GetError());
		return false;
	}
	out->w = w;
	out->h = h;
	return true;
}

pe_output *pe_output_create(const pe_output_options *opts, pe_error *err)
{
	pe_output *out = SDL_calloc(1, sizeof *out);
	if (!out) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory");
		return NULL;
	}
	int w = opts->width, h = opts->height;
	Uint32 flags = SDL_WINDOW_SHOWN;
	int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
	if (!opts->windowed) {
		SDL_Rect bounds;
		if ((w <= 0 || h <= 0) && SDL_GetDisplayBounds(0, &bounds) == 0) {
			w = bounds.w;
			h = bounds.h;
			x = bounds.x;
			y = bounds.y;
		}
		flags |= SDL_WINDOW_BORDERLESS;
	} else {
		flags |= SDL_WINDOW_RESIZABLE;
	}
	if (w <= 0 || h <= 0) {
		w = 1280;
		h = 800;
	}
	out->window = SDL_CreateWindow("Patient information", x, y, w, h, flags);
	if (!out->window) {
		pe_error_set(err, NULL, 0, "kiosk: cannot open a window: %s", SDL_GetError());
		goto fail;
	}
	out->renderer = SDL_CreateRenderer(out->window, -1, SDL_RENDERER_SOFTWARE);
	if (!out->renderer) {
		pe_error_set(err, NULL, 0, "kiosk: no software renderer: %s", SDL_GetError());
		goto fail;
	}
	if (!make_texture(out, err))
		goto fail;
	return out;
fail:
	pe_output_destroy(out);
	return NULL;
}

void pe_output_destroy(pe_output *out)
{
	if (!out)
		return;
	if (out->texture)
		SDL_DestroyTexture(out->texture);
	if (out->renderer)
		SDL_DestroyRenderer(out->renderer);
	if (out->window)
		SDL_DestroyWindow(out->window);
	SDL_free(out);
}

void pe_output_size(const pe_output *out, int *w, int *h)
{
	*w = out->w;
	*h = out->h;
}

bool pe_output_resize(pe_output *out, pe_error *err)
{
	return make_texture(out, err);
}

cairo_t *pe_output_begin_rect(pe_output *out, int x, int y, int w, int h,
                              unsigned char **pixels, int *pitch, pe_error *err)
{
	SDL_Rect r = { x, y, w, h };
	void *px;
	if (SDL_LockTexture(out->texture, &r, &px, pitch) != 0) {
		pe_error_set(err, NULL, 0, "kiosk: cannot lock the texture: %s", SDL_GetError());
		return NULL;
	}
	if (pixels)
		*pixels = px;
	/* ARGB8888 in native order is Cairo's ARGB32/RGB24 layout. */
	out->surface = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_RGB24, w, h, *pitch);
	cairo_t *cr = cairo_create(out->surface);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		pe_error_set(err, NULL, 0, "kiosk: cairo: %s", cairo_status_to_string(cairo_status(cr)));
		cairo_destroy(cr);
		cairo_surface_destroy(out->surface);
		out->surface = NULL;
		SDL_UnlockTexture(out->texture);
		return NULL;
	}
	cairo_translate(cr, -x, -y);
	return cr;
}

cairo_t *pe_output_begin(pe_output *out, pe_error *err)
{
	int pitch;
	return pe_output_begin_rect(out, 0, 0, out->w, out->h, NULL, &pitch, err);
}

static void finish(pe_output *out, cairo_t *cr, const SDL_Rect *r)
{
	cairo_destroy(cr);
	cairo_surface_flush(out->surface);
	cairo_surface_destroy(out->surface);
	out->surface = NULL;
	SDL_UnlockTexture(out->texture);
	SDL_RenderCopy(out->renderer, out->texture, r, r);
	SDL_RenderPresent(out->renderer);
}

void pe_output_end(pe_output *out, cairo_t *cr)
{
	finish(out, cr, NULL);
}

void pe_output_end_rect(pe_output *out, cairo_t *cr, int x, int y, int w, int h)
{
	SDL_Rect r = { x, y, w, h };
	finish(out, cr, &r);
}
