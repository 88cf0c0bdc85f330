/* SPDX-License-Identifier: MIT */
/*
 * output.c - SDL window, software renderer, one streaming texture
 * (see output.h). Never lays out and never handles input.
 */
#include "output.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_syswm.h>

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
	if (!opts->windowed) {
		/* Keys go to the kiosk, not to a window manager's shortcuts,
		 * where the display server lets a window take them (X11 does;
		 * under cage there is nothing to take them from). The kiosk
		 * does nothing with them (input.c). */
		SDL_SetWindowKeyboardGrab(out->window, SDL_TRUE);
	}
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

#ifdef SDL_VIDEO_DRIVER_X11
/* An EWMH window manager sets _NET_SUPPORTING_WM_CHECK on the root
 * window. libX11 is SDL's, already loaded: borrowed with dlsym rather
 * than linked, so the kiosk needs no X11 at build or run time. */
static bool x11_has_wm(Display *dpy)
{
	void *x11 = dlopen("libX11.so.6", RTLD_NOW | RTLD_NOLOAD);
	if (!x11)
		return false;
	Atom (*intern)(Display *, const char *, Bool) = (Atom (*)(Display *, const char *, Bool))dlsym(x11, "XInternAtom");
	Window (*root)(Display *) = (Window (*)(Display *))dlsym(x11, "XDefaultRootWindow");
	int (*getprop)(Display *, Window, Atom, long, long, Bool, Atom, Atom *, int *,
	               unsigned long *, unsigned long *, unsigned char **) =
		(int (*)(Display *, Window, Atom, long, long, Bool, Atom, Atom *, int *,
		         unsigned long *, unsigned long *, unsigned char **))dlsym(x11, "XGetWindowProperty");
	int (*xfree)(void *) = (int (*)(void *))dlsym(x11, "XFree");
	bool found = false;
	if (intern && root && getprop && xfree) {
		Atom check = intern(dpy, "_NET_SUPPORTING_WM_CHECK", True);
		Atom type;
		int format;
		unsigned long n = 0, after;
		unsigned char *data = NULL;
		if (check != None &&
		    getprop(dpy, root(dpy), check, 0, 1, False, AnyPropertyType, &type, &format, &n,
		            &after, &data) == Success && data) {
			found = n > 0;
			xfree(data);
		}
	}
	dlclose(x11);
	return found;
}
#endif

const char *pe_output_desktop(const pe_output *out, char *buf, size_t size)
{
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
#ifdef SDL_VIDEO_DRIVER_X11
	if (SDL_GetWindowWMInfo(out->window, &info) && info.subsystem == SDL_SYSWM_X11 &&
	    x11_has_wm(info.info.x11.display)) {
		snprintf(buf, size, "a window manager (_NET_SUPPORTING_WM_CHECK on the X root)");
		return buf;
	}
#else
	(void)info;
	(void)out;
#endif
	/* Desktop sessions say who they are; cage says nothing. */
	const char *desktop = getenv("XDG_CURRENT_DESKTOP");
	if (desktop && *desktop && strcmp(desktop, "cage") != 0) {
		snprintf(buf, size, "the desktop session %s (XDG_CURRENT_DESKTOP)", desktop);
		return buf;
	}
	return NULL;
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
