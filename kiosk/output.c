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

cairo_t *pe_output_begin(pe_output *out, pe_error *err)
{
	void *pixels;
	int pitch;
	if (SDL_LockTexture(out->texture, NULL, &pixels, &pitch) != 0) {
		pe_error_set(err, NULL, 0, "kiosk: cannot lock the texture: %s", SDL_GetError());
		return NULL;
	}
	/* ARGB8888 in native order is Cairo's ARGB32/RGB24 layout. */
	out->surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, out->w,
	                                                   out->h, pitch);
	cairo_t *cr = cairo_create(out->surface);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		pe_error_set(err, NULL, 0, "kiosk: cairo: %s", cairo_status_to_string(cairo_status(cr)));
		cairo_destroy(cr);
		cairo_surface_destroy(out->surface);
		out->surface = NULL;
		SDL_UnlockTexture(out->texture);
		return NULL;
	}
	return cr;
}

void pe_output_end(pe_output *out, cairo_t *cr)
{
	cairo_destroy(cr);
	cairo_surface_flush(out->surface);
	cairo_surface_destroy(out->surface);
	out->surface = NULL;
	SDL_UnlockTexture(out->texture);
	SDL_RenderCopy(out->renderer, out->texture, NULL, NULL);
	SDL_RenderPresent(out->renderer);
}
