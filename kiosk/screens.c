/* SPDX-License-Identifier: MIT */
/*
 * screens.c - the entry points of the kiosk's screen layout (see
 * screens.h): the build context, the reader's page cache, one frame per
 * build. The screens themselves are in screen_*.c, the pieces they share
 * in widgets.c, colours in theme.c (screens_private.h).
 *
 * Pure layout: never paints, never reads files, never keeps state between
 * builds except the reader's page cache.
 */
#include "screens_private.h"
#include "validate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pe_screens_px_per_mm(double w, double h, double diagonal_in)
{
	if (diagonal_in <= 0)
		diagonal_in = REF_DIAGONAL_IN;
	return hypot(w, h) / (diagonal_in * 25.4);
}

pe_screens *pe_screens_create(void)
{
	return calloc(1, sizeof(pe_screens));
}

void pe_sc_doc_cache_clear(doc_cache *c)
{
	pe_dlist_destroy(c->dl);
	free(c->topic_id);
	free(c->marks);
	pe_says_clear(&c->says);
	memset(c, 0, sizeof *c);
}

void pe_screens_invalidate(pe_screens *screens)
{
	pe_sc_doc_cache_clear(&screens->doc);
}

void pe_screens_destroy(pe_screens *screens)
{
	if (!screens)
		return;
	pe_sc_doc_cache_clear(&screens->doc);
	free(screens);
}

void pe_frame_finish(pe_frame *frame)
{
	pe_says_clear(&frame->screen_says);
	pe_dlist_destroy(frame->dl);
	memset(frame, 0, sizeof *frame);
}

const pe_page *pe_frame_hit_page(const pe_frame *frame)
{
	if (!frame->dl || frame->dl->n_pages == 0)
		return NULL;
	return frame->overlay && frame->dl->n_pages > 1 ? &frame->dl->pages[1]
	                                                : &frame->dl->pages[0];
}

static void ctx_init(ctx *c, const pe_screen_env *env, const pe_app *app)
{
	memset(c, 0, sizeof *c);
	c->env = env;
	c->app = app;
	c->layout = env->layout;
	c->W = env->width;
	c->H = env->height;
	c->th = pe_sc_theme(app->high_contrast);
	c->ok = true;
	double diag = env->site ? env->site->screen_diagonal_in : REF_DIAGONAL_IN;
	c->ppmm = pe_screens_px_per_mm(c->W, c->H, diag);
	/* Physical size, but never so large that the reference layout cannot
	 * fit the window. */
	c->dp = fmin(c->ppmm / REF_PX_PER_MM, fmin(c->W / REF_MIN_W, c->H / REF_MIN_H));
	c->wdp = c->W / c->dp;
	c->hdp = c->H / c->dp;
	c->narrow = c->wdp < NARROW_DP;
	c->min_target = MIN_TARGET_MM * c->ppmm;
	/* A short landscape panel (1280x800 at 10-13 inches, 1920x1080 at
	 * 15.6) has about 760 dp of height: the header and footer buttons
	 * take the 15 mm a finger needs, not the 88 dp a 24-inch panel can
	 * afford, so there is room left to read. */
	c->tight = c->W > c->H && c->hdp < TIGHT_DP;
	c->bar_bh = c->tight ? fmax(T(c, 0), D(c, TIGHT_BAR_H)) : T(c, BUTTON_H);
	c->row_h = c->tight ? c->bar_bh + D(c, TIGHT_ROW_EXTRA)
	                    : fmax(D(c, HEADER_H), c->bar_bh + D(c, ROW_EXTRA));
	c->header_h = c->row_h;   /* pe_sc_header() decides on a second row */
}

/* The screen's language is written right to left (Arabic, Hebrew...):
 * the screens are built as for English, the text emitted mirrored, and
 * each page mirrored when built (layout.h): the header's order, the
 * buttons' icons and the tiles' order follow. */
bool pe_sc_rtl(const ctx *c)
{
	const pe_screen_env *env = c->env;
	size_t i = c->app->lang;
	return env->langs && i < env->n_langs && pe_lang_rtl(env->langs[i]);
}

static void mirror_pages(pe_dlist *dl, size_t from)
{
	for (size_t i = from; dl && i < dl->n_pages; i++)
		pe_page_mirror(&dl->pages[i]);
}

bool pe_screens_build(pe_screens *screens, const pe_screen_env *env, const pe_app *app,
                      double now, pe_frame *frame, pe_error *err)
{
	pe_frame_finish(frame);
	ctx c;
	ctx_init(&c, env, app);
	frame->px_per_mm = c.ppmm;
	frame->min_target = MIN_TARGET_MM * c.ppmm;

	frame->dl = pe_dlist_create();
	pe_page *pg = frame->dl ? pe_dlist_add_page(frame->dl, c.W, c.H) : NULL;
	if (!pg) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory building a screen");
		return false;
	}
	c.says = &frame->screen_says;
	bool ok = true;
	bool rtl = pe_sc_rtl(&c);
	pe_layout_set_rtl(c.layout, rtl);
	switch (app->screen) {
	case PE_SCREEN_HOME:
		pe_sc_build_home(&c, pg);
		break;
	case PE_SCREEN_TOPIC:
		ok = pe_sc_build_topic(screens, &c, pg, frame, err);
		break;
	case PE_SCREEN_PRINT:
		pe_sc_build_print(&c, pg);
		break;
	case PE_SCREEN_STAFF:
		pe_sc_build_staff(&c, pg);
		break;
	}
	/* What Listen reads, and the sentence being heard. */
	if (frame->reader && screens->doc.dl) {
		frame->says = &screens->doc.says;
		frame->says_on_doc = true;
	} else {
		frame->says = &frame->screen_says;
	}
	/* A band of yellow behind the page's words; a frame in the selected
	 * colour round a tile (yellow would not show on white). */
	frame->hl_color = frame->says_on_doc ? c.th->speaking : c.th->selected_bg;
	frame->hl_line = fmax(2, D(&c, 6));
	int sn = app->speech_sentence;
	if (app->speech != PE_SAY_OFF && sn >= 0 && (size_t)sn < frame->says->n) {
		const pe_say *say = &frame->says->items[sn];
		frame->hl = frame->says->spans + say->first_span;
		frame->n_hl = say->n_spans;
	}
	if (ok && (app->warning || app->lang_menu)) {
		pe_page *ov = pe_dlist_add_page(frame->dl, c.W, c.H);
		if (!ov)
			c.ok = false;
		else {
			frame->overlay = true;
			if (app->warning)
				pe_sc_build_warning(&c, ov, now);
			else
				pe_sc_build_lang_menu(&c, ov);
		}
	}
	pe_layout_set_rtl(c.layout, false);
	if (rtl) {
		mirror_pages(frame->dl, 0);
		/* the reader's window onto its page is no op: mirrored here */
		if (frame->reader)
			frame->vx = c.W - frame->vx - frame->vw;
	}
	if (ok && !c.ok) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory building a screen");
		ok = false;
	}
	return ok;
}

bool pe_screens_update_overlay(pe_screens *screens, const pe_screen_env *env,
                               const pe_app *app, double now, pe_frame *frame,
                               pe_error *err)
{
	if (!frame->dl || frame->dl->n_pages == 0 || !app->warning)
		return pe_screens_build(screens, env, app, now, frame, err);
	ctx c;
	ctx_init(&c, env, app);
	/* A new list: the screen page copied as it is, a fresh overlay. */
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, c.W, c.H) : NULL;
	bool ok = pg && pe_page_copy_ops(pg, &frame->dl->pages[0], -INFINITY, INFINITY, 0, 0);
	pe_page *ov = ok ? pe_dlist_add_page(dl, c.W, c.H) : NULL;
	bool rtl = pe_sc_rtl(&c);
	if (ov) {
		pe_layout_set_rtl(c.layout, rtl);
		pe_sc_build_warning(&c, ov, now);
		pe_layout_set_rtl(c.layout, false);
		if (rtl)
			mirror_pages(dl, 1);
	}
	if (!ov || !c.ok) {
		pe_dlist_destroy(dl);
		pe_error_set(err, NULL, 0, "kiosk: out of memory building the warning");
		return false;
	}
	pe_dlist_destroy(frame->dl);
	frame->dl = dl;
	frame->overlay = true;
	return true;
}

bool pe_screens_hit_name(const pe_screen_env *env, const pe_op *op, char *buf, size_t size)
{
	int arg = op->u.hit.arg;
	const char *lang = arg >= 0 && (size_t)arg < env->n_langs ? env->langs[arg] : "?";
	const pe_topic *t = env->lib && arg >= 0 && (size_t)arg < pe_library_count(env->lib)
	                        ? pe_library_topic(env->lib, (size_t)arg)
	                        : NULL;
	int n = -1;
	switch ((pe_action)op->u.hit.action) {
	case PE_ACT_NONE:
	case PE_ACT_COUNT: n = snprintf(buf, size, "none"); break;
	case PE_ACT_HOME: n = snprintf(buf, size, "home"); break;
	case PE_ACT_BACK: n = snprintf(buf, size, "back"); break;
	case PE_ACT_LANG: n = snprintf(buf, size, "lang-%s", lang); break;
	case PE_ACT_TOPIC: n = snprintf(buf, size, "topic:%s", t ? t->id : "?"); break;
	case PE_ACT_EMERGENCY: n = snprintf(buf, size, "emergency"); break;
	case PE_ACT_SECTION: n = snprintf(buf, size, "section:%d", arg); break;
	case PE_ACT_SECTIONS_UP: n = snprintf(buf, size, "sections-up"); break;
	case PE_ACT_SECTIONS_DOWN: n = snprintf(buf, size, "sections-down"); break;
	case PE_ACT_TEXT_SIZE: n = snprintf(buf, size, "text-size:%d", arg); break;
	case PE_ACT_PRINT_OPEN: n = snprintf(buf, size, "print"); break;
	case PE_ACT_PRINT_LANG: n = snprintf(buf, size, "print-lang-%s", lang); break;
	case PE_ACT_COPIES: n = snprintf(buf, size, "copies:%d", arg); break;
	case PE_ACT_PRINT_GO: n = snprintf(buf, size, "print-go"); break;
	case PE_ACT_STILL_HERE: n = snprintf(buf, size, "still-here"); break;
	case PE_ACT_LANG_MENU: n = snprintf(buf, size, "lang-menu"); break;
	case PE_ACT_LANG_MENU_CLOSE:
		n = snprintf(buf, size, arg ? "lang-menu-outside" : "lang-menu-close");
		break;
	case PE_ACT_PIN_DIGIT: n = snprintf(buf, size, "pin:%d", arg); break;
	case PE_ACT_PIN_CLEAR: n = snprintf(buf, size, "pin-clear"); break;
	case PE_ACT_PIN_OK: n = snprintf(buf, size, "pin-ok"); break;
	case PE_ACT_STAFF_RELOAD: n = snprintf(buf, size, "staff-reload"); break;
	case PE_ACT_STAFF_TEST_PRINT: n = snprintf(buf, size, "staff-test-print"); break;
	case PE_ACT_STAFF_CONTRAST: n = snprintf(buf, size, "staff-contrast"); break;
	case PE_ACT_STAFF_EXIT: n = snprintf(buf, size, "staff-exit"); break;
	case PE_ACT_STAFF_CLOSE: n = snprintf(buf, size, "staff-close"); break;
	case PE_ACT_LISTEN: n = snprintf(buf, size, "listen"); break;
	case PE_ACT_SPEECH_PAUSE: n = snprintf(buf, size, "speech-pause"); break;
	case PE_ACT_SPEECH_STOP: n = snprintf(buf, size, "speech-stop"); break;
	case PE_ACT_SPEECH_SLOWER: n = snprintf(buf, size, "speech-slower"); break;
	case PE_ACT_STAFF_VOLUME: n = snprintf(buf, size, "staff-volume:%d", arg); break;
	}
	return n >= 0 && (size_t)n < size;
}
