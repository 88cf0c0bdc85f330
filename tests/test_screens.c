/* SPDX-License-Identifier: MIT */
/*
 * test_screens.c - geometry of every kiosk screen, asserted on the display
 * lists (no pixels): at 1920x1080, 1280x800 and portrait 1080x1920 on a
 * 23.8-inch panel and on the diagonals they come in (21.5, 17.3, 15.6,
 * 13.3, 10.1 inches), in
 * English, Spanish and the pseudo-locale qps (when the build made it),
 * calm and high-contrast themes.
 *
 *  - every touch target is at least 15 mm square on a 23.8-inch panel;
 *  - nothing is painted outside the screen;
 *  - no text is clipped: each text op lies wholly inside the smallest box
 *    (tile, button, bar, hit region) its centre is in, and reaches into
 *    no other box it is not wholly inside;
 *  - every text colour has 7:1 contrast or better with what is under it;
 *  - the reader's page keeps every op inside its column;
 *  - every patient screen (home, reader, print) has the emergency target,
 *    at least 15 mm: the way to help never depends on where the patient
 *    is (staff screens and the idle warning are exempt).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../kiosk/app.h"
#include "../kiosk/screens.h"
#include "content.h"
#include "fonts.h"
#include "handout.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "site.h"

typedef struct world {
	pe_fonts *fonts;
	pe_layout *layout;
	pe_schema *schema;
	pe_site *site;
	pe_library *libs[3];
	const char *codes[3];
	size_t n;                 /* languages with content */
	int faults;
} world;

/* The kiosk's switch shows the built languages; a tester asking for the
 * pseudo-locale gets it as a third button (kiosk.c), so check three. */
static const char *const button_langs[] = { "en", "es", "qps" };

static int setup(void **state)
{
	world *w = calloc(1, sizeof *w);
	pe_error err = { "" };
	char path[4096];
	if (!pe_i18n_init(&err))
		goto fail;
	if (!(w->fonts = pe_fonts_load(pe_paths_data(path, sizeof path, "fonts"), &err)))
		goto fail;
	if (!(w->layout = pe_layout_create(w->fonts, &err)))
		goto fail;
	if (!(w->schema = pe_schema_load(pe_paths_data(path, sizeof path, "topic.rng"), &err)))
		goto fail;
	w->site = pe_site_new_default();
	const char *want[] = { "en", "es", "qps" };
	for (size_t i = 0; i < 3; i++) {
		char rel[64];
		struct stat sb;
		snprintf(rel, sizeof rel, "content/%s", want[i]);
		pe_paths_data(path, sizeof path, rel);
		if (stat(path, &sb) != 0) {
			if (i < 2) {
				pe_error_set(&err, path, 0, "missing content");
				goto fail;
			}
			print_message("no %s content: pseudo-locale not checked\n", want[i]);
			continue;
		}
		if (!(w->libs[w->n] = pe_library_load(path, want[i], w->schema, &err)))
			goto fail;
		w->codes[w->n++] = want[i];
	}
	*state = w;
	return 0;
fail:
	fprintf(stderr, "%s\n", err.msg);
	return -1;
}

static int teardown(void **state)
{
	world *w = *state;
	for (size_t i = 0; i < w->n; i++)
		pe_library_destroy(w->libs[i]);
	pe_site_destroy(w->site);
	pe_schema_destroy(w->schema);
	pe_layout_destroy(w->layout);
	pe_fonts_destroy(w->fonts);
	pe_i18n_finish();
	free(w);
	return 0;
}

/* ---- checks -------------------------------------------------------------- */

static double lin(double c)
{
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(pe_color c)
{
	return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

static double contrast(pe_color a, pe_color b)
{
	double la = luminance(a), lb = luminance(b);
	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

static bool contains(double x0, double y0, double x1, double y1, const pe_op *box, double tol)
{
	double bx0, by0, bx1, by1;
	pe_op_bounds(box, &bx0, &by0, &bx1, &by1);
	return x0 >= bx0 - tol && y0 >= by0 - tol && x1 <= bx1 + tol && y1 <= by1 + tol;
}

static void fault(world *w, const char *what, const char *fmt, ...)
{
	if (w->faults++ > 40)
		return;   /* enough to see the pattern */
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	print_error("%s: %s\n", what, msg);
}

/* Boxes text may sit in: filled rectangles and hit regions. */
static bool is_box(const pe_op *op)
{
	return (op->kind == PE_OP_RECT && op->u.rect.fill.a > 0) || op->kind == PE_OP_HIT;
}

static bool centre_in(double cx, double cy, const pe_op *b)
{
	return cx >= b->x && cx < b->x + b->w && cy >= b->y && cy < b->y + b->h;
}

/* Screen pages: every text op inside the smallest box its centre is in,
 * and 7:1 against the opaque fill under it. */
static void check_text_in_boxes(world *w, const pe_page *pg, const char *what, double width)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind != PE_OP_TEXT)
			continue;
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
		const pe_op *box = NULL, *under = NULL;
		double area = INFINITY;
		for (size_t j = 0; j < pg->n_ops; j++) {
			const pe_op *b = &pg->ops[j];
			if (!centre_in(cx, cy, b))
				continue;
			if (is_box(b) && b->w * b->h < area) {
				box = b;
				area = b->w * b->h;
			}
			if (j < i && b->kind == PE_OP_RECT && b->u.rect.fill.a >= 1)
				under = b;
		}
		if (box && !contains(x0, y0, x1, y1, box, 0.75))
			fault(w, what, "text \"%s\" (%.0f,%.0f)-(%.0f,%.0f) sticks out of its box "
			      "(%.0f,%.0f %.0fx%.0f)", op->u.text.utf8, x0, y0, x1, y1, box->x, box->y,
			      box->w, box->h);
		/* Nor may a line reach into a box it is not inside: a label whose
		 * lower half a button covers has its centre outside the button,
		 * so the test above cannot see it. */
		for (size_t j = 0; j < pg->n_ops; j++) {
			const pe_op *b = &pg->ops[j];
			if (!is_box(b) || b == box)
				continue;
			double bx0, by0, bx1, by1;
			pe_op_bounds(b, &bx0, &by0, &bx1, &by1);
			bool meets = x0 < bx1 - 0.75 && bx0 < x1 - 0.75 && y0 < by1 - 0.75 &&
			             by0 < y1 - 0.75;
			if (meets && !contains(x0, y0, x1, y1, b, 0.75))
				fault(w, what, "text \"%s\" (%.0f,%.0f)-(%.0f,%.0f) runs into a box it is "
				      "not in (%.0f,%.0f %.0fx%.0f)", op->u.text.utf8, x0, y0, x1, y1,
				      b->x, b->y, b->w, b->h);
		}
		if (x0 < -0.5 || x1 > width + 0.5)
			fault(w, what, "text \"%s\" outside the width %.0f (%.0f..%.0f)", op->u.text.utf8,
			      width, x0, x1);
		if (under && contrast(op->u.text.color, under->u.rect.fill) < 7.0 - 1e-9)
			fault(w, what, "text \"%s\" has contrast %.2f:1 (< 7:1)", op->u.text.utf8,
			      contrast(op->u.text.color, under->u.rect.fill));
	}
}

/* The reader page is layout's (tests/test_layout.c checks its pictures);
 * here: every op inside the column, and body text 7:1 on the page. */
static void check_reader_page(world *w, const pe_page *pg, pe_color bg, double body,
                              const char *what)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		if (op->kind != PE_OP_MARK && (x0 < -0.5 || x1 > pg->width + 0.5 || y0 < -0.5 ||
		                               y1 > pg->height + 0.5))
			fault(w, what, "op %zu (kind %d) outside the page %.0fx%.0f: (%.0f,%.0f)-(%.0f,%.0f)",
			      i, op->kind, pg->width, pg->height, x0, y0, x1, y1);
		if (op->kind != PE_OP_TEXT || fabs(op->u.text.size - body) > 0.01)
			continue;
		double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
		bool on_shape = false;
		for (size_t j = 0; j < i; j++) {
			const pe_op *b = &pg->ops[j];
			if ((b->kind == PE_OP_RECT && b->u.rect.fill.a > 0) ||
			    (b->kind == PE_OP_PATH && b->u.path.fill.a > 0))
				on_shape |= centre_in(cx, cy, b);
		}
		if (!on_shape && contrast(op->u.text.color, bg) < 7.0 - 1e-9)
			fault(w, what, "body text \"%s\" has contrast %.2f:1 on the page (< 7:1)",
			      op->u.text.utf8, contrast(op->u.text.color, bg));
	}
}

static void check_frame(world *w, const pe_frame *f, double W, double H, double body,
                        const char *what)
{
	assert_non_null(f->dl);
	double min = f->min_target;
	/* 15 mm on a panel of this size and the site's diagonal. */
	double diag = w->site ? w->site->screen_diagonal_in : 23.8;
	double expect_min = 15.0 * hypot(W, H) / (diag * 25.4);
	assert_true(fabs(min - expect_min) < 1e-6);
	for (size_t p = 0; p < f->dl->n_pages; p++) {
		const pe_page *pg = &f->dl->pages[p];
		size_t hits = 0;
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			double x0, y0, x1, y1;
			pe_op_bounds(op, &x0, &y0, &x1, &y1);
			if (op->kind != PE_OP_MARK && (x0 < -0.5 || y0 < -0.5 || x1 > W + 0.5 || y1 > H + 0.5))
				fault(w, what, "op %zu (kind %d) outside the screen: (%.0f,%.0f)-(%.0f,%.0f)", i,
				      op->kind, x0, y0, x1, y1);
			if (op->kind == PE_OP_HIT) {
				hits++;
				if (op->w < min - 1e-6 || op->h < min - 1e-6)
					fault(w, what, "touch target %.0fx%.0f px is under 15 mm (%.0f px)", op->w,
					      op->h, min);
			}
		}
		/* Targets never overlap: a finger on one must not hit another. */
		for (size_t i = 0; i < pg->n_ops; i++)
			for (size_t j = i + 1; j < pg->n_ops; j++) {
				const pe_op *a = &pg->ops[i], *b = &pg->ops[j];
				if (a->kind != PE_OP_HIT || b->kind != PE_OP_HIT)
					continue;
				if (a->x < b->x + b->w - 0.5 && b->x < a->x + a->w - 0.5 &&
				    a->y < b->y + b->h - 0.5 && b->y < a->y + a->h - 0.5)
					fault(w, what, "touch targets overlap: (%.0f,%.0f %.0fx%.0f) and "
					      "(%.0f,%.0f %.0fx%.0f)", a->x, a->y, a->w, a->h, b->x, b->y, b->w, b->h);
			}
		if (hits == 0 && p == 0 && !f->overlay)
			fault(w, what, "no touch targets at all");
		check_text_in_boxes(w, pg, what, W);
	}
	if (f->reader) {
		assert_non_null(f->doc);
		assert_true(f->vx >= 0 && f->vy >= 0 && f->vx + f->vw <= W + 0.5 && f->vy + f->vh <= H + 0.5);
		assert_true(f->doc_x >= 0 && f->doc_x + f->doc->width <= f->vw - f->bar_width);
		char doc_what[256];
		snprintf(doc_what, sizeof doc_what, "%s (reader page)", what);
		check_reader_page(w, f->doc, f->doc_bg, body, doc_what);
	}
}

/* A patient screen shows the way to help: an emergency target of 15 mm
 * or more on the screen page. */
static void check_emergency(world *w, const pe_frame *f, const char *what)
{
	const pe_page *pg = f->dl && f->dl->n_pages ? &f->dl->pages[0] : NULL;
	double best = 0;
	for (size_t i = 0; pg && i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_HIT && op->u.hit.action == PE_ACT_EMERGENCY)
			best = fmax(best, fmin(op->w, op->h));
	}
	if (best == 0)
		fault(w, what, "no emergency target on a patient screen");
	else if (best < f->min_target - 1e-6)
		fault(w, what, "the emergency target is %.0f px, under 15 mm (%.0f px)", best,
		      f->min_target);
}

/* The size of the first text line that starts text a, or NAN. */
static double text_size(const pe_frame *f, const char *a)
{
	const pe_page *pg = &f->dl->pages[0];
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_TEXT && op->u.text.utf8[0] &&
		    strncmp(a, op->u.text.utf8, strlen(op->u.text.utf8)) == 0)
			return op->u.text.size;
	}
	return NAN;
}

/* Two questions of one form in one size: the Spanish language question
 * was once squeezed to the buttons' width and came out at 14 px beside
 * a 22 px "¿Cuántas copias?". */
static void check_same_size(world *w, const pe_frame *f, const char *a, const char *b,
                            const char *what)
{
	double sa = text_size(f, a), sb = text_size(f, b);
	if (isnan(sa) || isnan(sb))
		fault(w, what, "\"%s\" or \"%s\" is not on the screen", a, b);
	else if (fabs(sa - sb) > 0.01)
		fault(w, what, "\"%s\" is %.1f px but \"%s\" is %.1f px", a, sa, b, sb);
}

/* Issue 15: one type scale for every home tile: every title in one size,
 * every summary in one smaller size (at 1280x800 some summaries once came
 * out bigger than their titles, each tile fitting its own text). */
static void check_tile_type_scale(world *w, const pe_frame *f, const char *what)
{
	const pe_page *pg = &f->dl->pages[0];
	double t_min = INFINITY, t_max = 0, s_min = INFINITY, s_max = 0;
	size_t tiles = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *box = &pg->ops[i];
		if (box->kind != PE_OP_HIT || box->u.hit.action != PE_ACT_TOPIC)
			continue;
		tiles++;
		for (size_t j = 0; j < pg->n_ops; j++) {
			const pe_op *op = &pg->ops[j];
			if (op->kind != PE_OP_TEXT || !op->u.text.utf8[0] ||
			    !centre_in(op->x + op->w / 2, op->y, box))
				continue;
			double sz = op->u.text.size;
			if (op->u.text.face == PE_FACE_BOLD) {
				t_min = fmin(t_min, sz);
				t_max = fmax(t_max, sz);
			} else {
				s_min = fmin(s_min, sz);
				s_max = fmax(s_max, sz);
			}
		}
	}
	if (tiles == 0)
		return;
	if (t_max - t_min > 0.01)
		fault(w, what, "tile titles in sizes %.1f to %.1f px", t_min, t_max);
	if (s_max - s_min > 0.01)
		fault(w, what, "tile summaries in sizes %.1f to %.1f px", s_min, s_max);
	if (s_max >= t_min)
		fault(w, what, "a tile summary (%.1f px) is not smaller than a title (%.1f px)", s_max,
		      t_min);
}

/* Whitespace runs to one space, none at the ends. */
static void squeeze(char *s)
{
	char *d = s;
	bool space = true;
	for (const char *p = s; *p; p++) {
		bool sp = *p == ' ' || *p == '\n' || *p == '\t';
		if (sp && space)
			continue;
		*d++ = sp ? ' ' : *p;
		space = sp;
	}
	if (d > s && d[-1] == ' ')
		d--;
	*d = 0;
}

/* The whole of msg is on the screen page, its lines in order: a patient
 * who touched Print sees what became of it (it used to be dropped when
 * the form left less than 40 dp under the button). */
static void check_text_shown(world *w, const pe_frame *f, const char *msg, const char *what)
{
	const pe_page *pg = &f->dl->pages[0];
	size_t size = 1;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT)
			size += strlen(pg->ops[i].u.text.utf8) + 1;
	char *all = calloc(1, size), *want = strdup(msg);
	assert_non_null(all);
	assert_non_null(want);
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT) {
			strcat(all, pg->ops[i].u.text.utf8);
			strcat(all, " ");
		}
	squeeze(all);
	squeeze(want);
	if (!strstr(all, want))
		fault(w, what, "the message \"%s\" is not (all) on the screen", want);
	free(all);
	free(want);
}

/* ---- screens ------------------------------------------------------------- */

static void build_checked(world *w, pe_screens *screens, pe_screen_env *env, pe_app *app,
                          double now, const char *what, pe_frame *f);

/* Home: the emergency tile says what the emergency topic's 911 tier says
 * (its title), never words of its own, and the general-information line
 * is on the screen in the screen's language. */
static void check_home(world *w, pe_screens *screens, pe_screen_env *env, pe_app *app,
                       const pe_topic *emergency, const char *what)
{
	pe_frame f = { 0 };
	build_checked(w, screens, env, app, 0, what, &f);
	const pe_block *gh = pe_topic_gethelp(emergency, NULL);
	char *head = gh && gh->tiers[0].level == PE_TIER_EMERGENCY
	             ? pe_text_plain(&gh->tiers[0].title) : strdup(emergency->title);
	assert_non_null(head);
	check_text_shown(w, &f, head, what);
	check_text_shown(w, &f, pe_handout_disclaimer(pe_i18n_language()), what);
	check_tile_type_scale(w, &f, what);
	free(head);
	pe_frame_finish(&f);
}

static pe_app *make_app(bool high_contrast, size_t n_langs)
{
	pe_app_config cfg = {
		.n_langs = n_langs, .default_lang = 0, .idle_seconds = 90, .countdown_seconds = 20,
		.staff_pin = "4321", .high_contrast = high_contrast, .speech = true,
	};
	return pe_app_create(&cfg, 0);
}

/* Build the frame as the session does (kiosk.c build_frame): the build
 * only reads the app; the reader's page height and section positions
 * then go to the app, and a second build shows the section being read
 * when they moved it. */
static bool build_as_session(pe_screens *screens, const pe_screen_env *env, pe_app *app,
                             double now, pe_frame *f, pe_error *err)
{
	size_t reading = app->reading;
	if (!pe_screens_build(screens, env, app, now, f, err))
		return false;
	if (!f->reader)
		return true;
	if (!pe_app_set_doc(app, f->doc_height, f->vh, f->marks, f->n_marks))
		return false;
	return app->reading == reading || pe_screens_build(screens, env, app, now, f, err);
}

/* Build the frame for the app's state and check it; the caller finishes f. */
static void build_checked(world *w, pe_screens *screens, pe_screen_env *env, pe_app *app,
                          double now, const char *what, pe_frame *f)
{
	pe_error err = { "" };
	if (!build_as_session(screens, env, app, now, f, &err))
		fail_msg("%s: %s", what, err.msg);
	/* Reader body size: the steps of screens.c, 32/40/50 dp. */
	static const double steps[PE_TEXT_STEPS] = { 32, 40, 50 };
	double dp = fmin(pe_screens_px_per_mm(env->width, env->height,
	                                      env->site->screen_diagonal_in) / 3.6441,
	                 fmin(env->width / 1000.0, env->height / 760.0));
	check_frame(w, f, env->width, env->height, steps[app->text_step] * dp, what);
	if (app->screen != PE_SCREEN_STAFF)
		check_emergency(w, f, what);
}

static void build_and_check(world *w, pe_screens *screens, pe_screen_env *env, pe_app *app,
                            double now, const char *what)
{
	pe_frame f = { 0 };
	build_checked(w, screens, env, app, now, what, &f);
	pe_frame_finish(&f);
}

/* The hit region with this action on the screen page, or NULL. */
static const pe_op *find_hit(const pe_frame *f, pe_action action)
{
	const pe_page *pg = &f->dl->pages[0];
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_HIT && pg->ops[i].u.hit.action == (int)action)
			return &pg->ops[i];
	return NULL;
}

/* Every section of the open topic has a section:N target on the reader,
 * on the first page of the list or on one the down button turns to, and
 * the up button comes back to the first; tapping section:N goes to it.
 * (A list that only shows the sections that fit fails here.) */
static void check_sections_reachable(world *w, pe_screens *screens, pe_screen_env *env,
                                     pe_app *app, const pe_topic *topic, const char *what)
{
	enum { MAX_SECTIONS = 64 };
	assert_true(topic->n_sections <= MAX_SECTIONS);
	bool seen[MAX_SECTIONS] = { false };
	size_t pages = 0;
	char page_what[256];
	for (;;) {
		snprintf(page_what, sizeof page_what, "%s, section page %zu", what, pages + 1);
		pe_frame f = { 0 };
		build_checked(w, screens, env, app, 1, page_what, &f);
		/* The app knows one mark per section (the targets' args). */
		assert_int_equal(app->n_marks, topic->n_sections);
		const pe_page *pg = &f.dl->pages[0];
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			if (op->kind != PE_OP_HIT || op->u.hit.action != PE_ACT_SECTION)
				continue;
			int k = op->u.hit.arg;
			assert_true(k >= 0 && (size_t)k < topic->n_sections);
			seen[k] = true;
		}
		/* One type size for every section button's label. */
		double label = NAN;
		for (size_t i = 0; i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			if (op->kind != PE_OP_TEXT)
				continue;
			bool on_section = false;
			for (size_t j = 0; j < pg->n_ops; j++)
				on_section |= pg->ops[j].kind == PE_OP_HIT &&
				              pg->ops[j].u.hit.action == PE_ACT_SECTION &&
				              centre_in(op->x + op->w / 2, op->y, &pg->ops[j]);
			if (!on_section)
				continue;
			if (!isnan(label) && fabs(op->u.text.size - label) > 0.01)
				fault(w, page_what, "section label \"%s\" is %.1f px, another is %.1f px",
				      op->u.text.utf8, op->u.text.size, label);
			label = op->u.text.size;
		}
		const pe_op *down = find_hit(&f, PE_ACT_SECTIONS_DOWN);
		const pe_op *turn = down ? down : find_hit(&f, PE_ACT_SECTIONS_UP);
		if (turn) {
			/* The count in the page row ("3–4 of 9") is on one line. */
			double base = NAN;
			for (size_t i = 0; i < pg->n_ops; i++) {
				const pe_op *op = &pg->ops[i];
				if (op->kind != PE_OP_TEXT || op->y < turn->y || op->y > turn->y + turn->h ||
				    centre_in(op->x + op->w / 2, op->y, turn))
					continue;
				if (!isnan(base) && fabs(op->y - base) > 0.5)
					fault(w, page_what, "the section count \"%s\" wraps", op->u.text.utf8);
				base = op->y;
			}
		}
		int arg = down ? down->u.hit.arg : -1;
		pe_frame_finish(&f);
		if (!down)
			break;
		assert_true(++pages < MAX_SECTIONS);   /* the pages come to an end */
		pe_app_action(app, PE_ACT_SECTIONS_DOWN, arg, 1);
	}
	for (size_t k = 0; k < topic->n_sections; k++)
		if (!seen[k])
			fault(w, what, "section %zu of %zu (\"%s\") has no target on any page of the "
			      "list", k, topic->n_sections, topic->sections[k].heading.n_runs
			      ? topic->sections[k].heading.runs[0].text : "?");
	/* Back up to the first page. */
	for (size_t back = 0;; back++) {
		pe_frame f = { 0 };
		pe_error err = { "" };
		if (!build_as_session(screens, env, app, 1, &f, &err))
			fail_msg("%s: %s", what, err.msg);
		const pe_op *up = find_hit(&f, PE_ACT_SECTIONS_UP);
		int arg = up ? up->u.hit.arg : -1;
		bool first_shown = false;
		const pe_page *pg = &f.dl->pages[0];
		for (size_t i = 0; i < pg->n_ops; i++)
			first_shown |= pg->ops[i].kind == PE_OP_HIT &&
			               pg->ops[i].u.hit.action == PE_ACT_SECTION && pg->ops[i].u.hit.arg == 0;
		pe_frame_finish(&f);
		if (!up) {
			if (!first_shown)
				fault(w, what, "no up button and no section 0 on the list");
			break;
		}
		assert_true(back <= pages);
		pe_app_action(app, PE_ACT_SECTIONS_UP, arg, 1);
	}
	/* A section's target takes the reader to that section. */
	size_t last = topic->n_sections - 1;
	pe_app_action(app, PE_ACT_SECTION, (int)last, 1);
	assert_true(fabs(app->scroll - fmin(app->marks[last], app->scroll_max)) < 1e-9);
	assert_true(app->scroll > 0 || app->scroll_max == 0);
}

static void check_size_diag(world *w, double W, double H, bool themes, double diag)
{
	w->faults = 0;
	w->site->screen_diagonal_in = diag;
	pe_screens *screens = pe_screens_create();
	for (size_t l = 0; l < w->n; l++) {
		pe_error err = { "" };
		if (!pe_i18n_set_language(w->codes[l], &err))
			fail_msg("%s", err.msg);
		pe_screen_env env = {
			.layout = w->layout, .lib = w->libs[l], .site = w->site,
			.langs = button_langs, .n_langs = w->n, .width = W, .height = H,
		};
		size_t n_topics = pe_library_count(w->libs[l]);
		size_t emergency = n_topics;
		for (size_t i = 0; i < n_topics; i++)
			if (pe_library_topic(w->libs[l], i)->emergency)
				emergency = i;
		assert_true(emergency < n_topics);
		for (int hc = 0; hc <= (themes ? 1 : 0); hc++) {
			char what[160];
			pe_app *app = make_app(hc, w->n);
			pe_app_set_content(app, n_topics, emergency);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s home", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			check_home(w, screens, &env, app, pe_library_topic(w->libs[l], emergency), what);

			for (size_t t = 0; t < n_topics; t++) {
				for (int step = 0; step < PE_TEXT_STEPS; step += 2) {
					pe_app_action(app, PE_ACT_TOPIC, (int)t, 1);
					pe_app_action(app, PE_ACT_TEXT_SIZE, step, 1);
					snprintf(what, sizeof what, "%.0fx%.0f %s%s topic %s size %d", W, H,
					         w->codes[l], hc ? " high-contrast" : "",
					         pe_library_topic(w->libs[l], t)->id, step);
					build_and_check(w, screens, &env, app, 1, what);
					check_sections_reachable(w, screens, &env, app,
					                         pe_library_topic(w->libs[l], t), what);
				}
			}
			/* Reading aloud: the controls' row under the header, the
			 * sentence heard highlighted, paused, and no voice. */
			pe_app_action(app, PE_ACT_HOME, 0, 1.5);
			pe_app_action(app, PE_ACT_LISTEN, 0, 1.5);
			pe_app_speech_progress(app, 1, 1, 0, 1.5);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s home reading aloud", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 1.5, what);
			pe_app_action(app, PE_ACT_TOPIC, 0, 1.6);
			pe_app_action(app, PE_ACT_LISTEN, 0, 1.6);
			pe_app_speech_progress(app, 3, 1, 0, 1.6);
			pe_app_action(app, PE_ACT_SPEECH_PAUSE, 0, 1.6);
			pe_app_action(app, PE_ACT_SPEECH_SLOWER, 0, 1.6);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s topic reading aloud, paused", W, H,
			         w->codes[l], hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 1.6, what);
			{
				pe_frame f = { 0 };
				build_checked(w, screens, &env, app, 1.6, what, &f);
				if (!find_hit(&f, PE_ACT_SPEECH_STOP) || !find_hit(&f, PE_ACT_SPEECH_PAUSE))
					fault(w, what, "no Stop or no Pause while reading");
				if (f.n_hl == 0)
					fault(w, what, "the sentence heard is not highlighted");
				pe_frame_finish(&f);
			}
			pe_app_speech_failed(app);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s topic, speech not available", W, H,
			         w->codes[l], hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 1.7, what);
			app->speech_unavailable = false;
			app->speech_slow = false;
			pe_app_action(app, PE_ACT_TOPIC, 0, 2);
			pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 2);
			const pe_print_state states[] = { PE_PRINT_IDLE, PE_PRINT_BUSY, PE_PRINT_DONE,
			                                  PE_PRINT_FAILED };
			for (size_t s = 0; s < 4; s++) {
				app->print_state = states[s];
				snprintf(what, sizeof what, "%.0fx%.0f %s%s print (state %zu)", W, H,
				         w->codes[l], hc ? " high-contrast" : "", s);
				pe_frame f = { 0 };
				build_checked(w, screens, &env, app, 2, what, &f);
				if (pe_screens_print_message(states[s]))
					check_text_shown(w, &f, pe_screens_print_message(states[s]), what);
				check_same_size(w, &f, C_("kiosk/print", "Which language should the handout be in?"),
				                C_("kiosk/print", "How many copies?"), what);
				pe_frame_finish(&f);
			}
			/* Printed: the button is greyed with no target, and says so. */
			app->print_state = PE_PRINT_DONE;
			app->job_printed = true;
			app->printed_topic = app->topic;
			app->printed_lang = app->print_lang;
			app->printed_copies = app->copies;
			snprintf(what, sizeof what, "%.0fx%.0f %s%s print (sent)", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			pe_frame f = { 0 };
			build_checked(w, screens, &env, app, 2, what, &f);
			check_text_shown(w, &f, pe_screens_print_message(PE_PRINT_DONE), what);
			check_text_shown(w, &f, C_("kiosk/print", "Sent to the printer"), what);
			if (find_hit(&f, PE_ACT_PRINT_GO))
				fault(w, what, "Print can be touched again after the job printed");
			pe_frame_finish(&f);
			app->job_printed = false;
			app->print_state = PE_PRINT_IDLE;

			/* The idle warning over the reader. */
			pe_app_action(app, PE_ACT_BACK, 0, 3);
			pe_app_tick(app, 93);
			assert_true(app->warning);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s idle warning", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 93, what);
			pe_app_touch(app, 94);

			pe_app_staff_gesture(app, 95);
			pe_app_action(app, PE_ACT_PIN_DIGIT, 1, 95);
			pe_app_action(app, PE_ACT_PIN_OK, 0, 95);
			snprintf(what, sizeof what, "%.0fx%.0f %s%s staff PIN", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 95, what);
			const int pin[] = { 4, 3, 2, 1 };
			for (int d = 0; d < 4; d++)
				pe_app_action(app, PE_ACT_PIN_DIGIT, pin[d], 96);
			pe_app_action(app, PE_ACT_PIN_OK, 0, 96);
			assert_true(app->staff_unlocked);
			pe_app_reload_result(app, false,
			                     "/usr/local/share/patient-ed/content/es/ivig-aftercare.xml:41: "
			                     "<event> needs an \"at\" attribute");
			snprintf(what, sizeof what, "%.0fx%.0f %s%s staff menu", W, H, w->codes[l],
			         hc ? " high-contrast" : "");
			build_and_check(w, screens, &env, app, 96, what);
			pe_app_destroy(app);
		}
	}
	pe_screens_destroy(screens);
	w->site->screen_diagonal_in = 23.8;
	if (w->faults)
		fail_msg("%d geometry faults at %.0fx%.0f, %.1f inches", w->faults, W, H, diag);
}

static void check_size(world *w, double W, double H, bool themes)
{
	check_size_diag(w, W, H, themes, 23.8);
}

static void test_landscape_1080p(void **state)
{
	check_size(*state, 1920, 1080, true);
}

static void test_landscape_1280x800(void **state)
{
	check_size(*state, 1280, 800, false);
}

static void test_portrait_1080x1920(void **state)
{
	check_size(*state, 1080, 1920, true);
}

/* The panels these resolutions really come on, every language and both
 * themes: the dp shrink to fit the window, the 15 mm do not, and a short
 * landscape panel is where the print message and labels went missing. */
static void test_portrait_21in(void **state)
{
	check_size_diag(*state, 1080, 1920, true, 21.5);
}

static void test_tablet_10in(void **state)
{
	check_size_diag(*state, 1280, 800, true, 10.1);
}

static void test_laptop_13in(void **state)
{
	check_size_diag(*state, 1280, 800, true, 13.3);
}

static void test_panel_15in(void **state)
{
	check_size_diag(*state, 1920, 1080, true, 15.6);
}

static void test_panel_17in(void **state)
{
	check_size_diag(*state, 1920, 1080, true, 17.3);
}

/* Content with no emergency topic: no red button that would do nothing
 * when a frightened patient touches it, on any screen. */
/* Building a screen leaves the app as it was: the reader's page height
 * and section positions come back in the frame for the session to apply
 * (screens.c used to write them into the app mid-build). */
static void test_build_leaves_app_alone(void **state)
{
	world *w = *state;
	pe_error err = { "" };
	if (!pe_i18n_set_language("en", &err))
		fail_msg("%s", err.msg);
	pe_screen_env env = {
		.layout = w->layout, .lib = w->libs[0], .site = w->site,
		.langs = button_langs, .n_langs = w->n, .width = 1920, .height = 1080,
	};
	pe_screens *screens = pe_screens_create();
	pe_app *app = make_app(false, w->n);
	size_t n_topics = pe_library_count(w->libs[0]);
	pe_app_set_content(app, n_topics, n_topics);
	pe_app_action(app, PE_ACT_TOPIC, 0, 1);
	const pe_topic *topic = pe_library_topic(w->libs[0], 0);
	pe_frame f = { 0 };
	if (!pe_screens_build(screens, &env, app, 2, &f, &err))
		fail_msg("%s", err.msg);
	assert_true(f.reader);
	assert_true(app->doc_height == 0);      /* untouched by the build */
	assert_int_equal(app->n_marks, 0);
	assert_true(f.doc_height > f.vh);
	assert_true(f.doc_height == f.doc->height);
	assert_int_equal(f.n_marks, topic->n_sections);
	for (size_t i = 1; i < f.n_marks; i++)
		assert_true(f.marks[i] > f.marks[i - 1]);
	assert_true(pe_app_set_doc(app, f.doc_height, f.vh, f.marks, f.n_marks));
	assert_int_equal(app->n_marks, topic->n_sections);
	assert_true(app->scroll_max == f.doc_height - f.vh);
	/* The home screen carries no page. */
	pe_app_action(app, PE_ACT_HOME, 0, 3);
	if (!pe_screens_build(screens, &env, app, 4, &f, &err))
		fail_msg("%s", err.msg);
	assert_false(f.reader);
	assert_int_equal(f.n_marks, 0);
	pe_frame_finish(&f);
	pe_app_destroy(app);
	pe_screens_destroy(screens);
}

/* An Arabic screen is the English one mirrored: the header's language
 * switch goes from the right of the title to its left, every hit region
 * moves to W - x - w, and the reader's text is right-aligned. */
static void test_rtl_screens_mirrored(void **state)
{
	world *w = *state;
	static const char *const langs[] = { "en", "ar" };
	pe_error err = { "" };
	pe_screen_env env = {
		.layout = w->layout, .lib = w->libs[0], .site = w->site,
		.langs = langs, .n_langs = 2, .width = 1280, .height = 800,
	};
	pe_screens *screens = pe_screens_create();
	pe_app *app = make_app(false, 2);
	size_t n_topics = pe_library_count(w->libs[0]);
	pe_app_set_content(app, n_topics, n_topics);
	pe_frame en = { 0 }, ar = { 0 };
	if (!pe_screens_build(screens, &env, app, 1, &en, &err))
		fail_msg("%s", err.msg);
	pe_app_action(app, PE_ACT_LANG, 1, 2);
	assert_int_equal(app->lang, 1);
	if (!pe_screens_build(screens, &env, app, 3, &ar, &err))
		fail_msg("%s", err.msg);
	const pe_page *pe = &en.dl->pages[0], *pa = &ar.dl->pages[0];
	size_t hits = 0;
	for (size_t i = 0; i < pe->n_ops; i++) {
		const pe_op *a = &pe->ops[i], *b = NULL;
		if (a->kind != PE_OP_HIT)
			continue;
		for (size_t j = 0; j < pa->n_ops && !b; j++)
			if (pa->ops[j].kind == PE_OP_HIT && pa->ops[j].u.hit.action == a->u.hit.action &&
			    pa->ops[j].u.hit.arg == a->u.hit.arg)
				b = &pa->ops[j];
		if (!b)
			fail_msg("hit %d/%d only in English", a->u.hit.action, a->u.hit.arg);
		hits++;
		if (fabs(b->x - (env.width - a->x - a->w)) > 0.5 || fabs(a->y - b->y) > 0.01)
			fail_msg("hit %d at x %.1f in English, %.1f in Arabic", a->u.hit.action, a->x, b->x);
	}
	assert_true(hits > 3);
	const pe_op *lang_en = find_hit(&en, PE_ACT_LANG), *lang_ar = find_hit(&ar, PE_ACT_LANG);
	assert_non_null(lang_en);
	assert_non_null(lang_ar);
	/* the header's first text: the title */
	const pe_op *title_en = NULL, *title_ar = NULL;
	for (size_t i = 0; i < pe->n_ops && !title_en; i++)
		if (pe->ops[i].kind == PE_OP_TEXT && strstr(pe->ops[i].u.text.utf8, "Learn"))
			title_en = &pe->ops[i];
	assert_non_null(title_en);
	for (size_t i = 0; i < pa->n_ops && !title_ar; i++)
		if (pa->ops[i].kind == PE_OP_TEXT && !strcmp(pa->ops[i].u.text.utf8, title_en->u.text.utf8))
			title_ar = &pa->ops[i];
	assert_non_null(title_ar);
	assert_non_null(title_en);
	assert_true(lang_en->x > title_en->x + title_en->w);   /* English: switch right */
	assert_true(lang_ar->x + lang_ar->w < title_ar->x);    /* Arabic: switch left */

	/* The reader: its text ends at the right of the page. */
	pe_app_action(app, PE_ACT_TOPIC, 0, 4);
	pe_frame rd = { 0 };
	if (!pe_screens_build(screens, &env, app, 5, &rd, &err))
		fail_msg("%s", err.msg);
	assert_true(rd.reader);
	/* the window onto the page is mirrored with the section list */
	const pe_op *sec = NULL;
	for (size_t i = 0; i < rd.dl->pages[0].n_ops && !sec; i++)
		if (rd.dl->pages[0].ops[i].kind == PE_OP_HIT &&
		    rd.dl->pages[0].ops[i].u.hit.action == PE_ACT_SECTION)
			sec = &rd.dl->pages[0].ops[i];
	assert_non_null(sec);
	if (!(sec->x >= rd.vx + rd.vw - 0.5 || sec->x + sec->w <= rd.vx + 0.5))
		fail_msg("section list %.0f-%.0f under the reader's window %.0f-%.0f", sec->x,
		         sec->x + sec->w, rd.vx, rd.vx + rd.vw);
	double maxr = 0, minx = rd.doc->width;
	for (size_t i = 0; i < rd.doc->n_ops; i++)
		if (rd.doc->ops[i].kind == PE_OP_TEXT) {
			maxr = fmax(maxr, rd.doc->ops[i].x + rd.doc->ops[i].w);
			minx = fmin(minx, rd.doc->ops[i].x);
		}
	/* right-aligned: text reaches the right padding, and ragged on the left */
	assert_true(rd.doc->width - maxr < rd.doc->width * 0.1);
	assert_true(minx > 0);
	pe_frame_finish(&rd);
	pe_frame_finish(&en);
	pe_frame_finish(&ar);
	pe_app_destroy(app);
	pe_screens_destroy(screens);
}

static void test_no_emergency_topic_no_dead_button(void **state)
{
	world *w = *state;
	pe_error err = { "" };
	if (!pe_i18n_set_language("en", &err))
		fail_msg("%s", err.msg);
	pe_screen_env env = {
		.layout = w->layout, .lib = w->libs[0], .site = w->site,
		.langs = button_langs, .n_langs = w->n, .width = 1920, .height = 1080,
	};
	size_t n_topics = pe_library_count(w->libs[0]);
	pe_screens *screens = pe_screens_create();
	pe_app *app = make_app(false, w->n);
	pe_app_set_content(app, n_topics, n_topics);
	for (int screen = 0; screen < 3; screen++) {
		if (screen == 1)
			pe_app_action(app, PE_ACT_TOPIC, 0, 1);
		if (screen == 2)
			pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 2);
		pe_frame f = { 0 };
		if (!build_as_session(screens, &env, app, 2, &f, &err))
			fail_msg("%s", err.msg);
		assert_int_equal(app->screen, screen);
		assert_null(find_hit(&f, PE_ACT_EMERGENCY));
		/* the switch: two languages a toggle, three (en es qps) a list */
		assert_non_null(find_hit(&f, w->n > 2 ? PE_ACT_LANG_MENU : PE_ACT_LANG));
		pe_frame_finish(&f);
	}
	pe_app_destroy(app);
	pe_screens_destroy(screens);
}

/* The checks themselves must be able to fail. */
static void test_checks_catch_faults(void **state)
{
	world *w = *state;
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 400, 300);
	pe_page_add_rect(pg, 0, 0, 400, 300, pe_hex(0xffffff), PE_NO_COLOR, 0, 0);
	pe_page_add_rect(pg, 10, 10, 100, 60, pe_hex(0x0b4f6c), PE_NO_COLOR, 0, 8);
	/* Text running past the right edge of its button, in grey on teal. */
	pe_page_add_text(pg, 20, 50, 150, "Too long a label", PE_FACE_BOLD, 20, 21, 6,
	                 pe_hex(0x888888), NULL);
	pe_page_add_hit(pg, 10, 10, 30, 8, PE_ACT_HOME, 0);    /* 8 px: under 15 mm */
	pe_page_add_hit(pg, 20, 12, 50, 50, PE_ACT_BACK, 0);   /* overlaps the first */
	pe_frame f = { .dl = dl, .px_per_mm = hypot(400, 300) / (23.8 * 25.4) };
	f.min_target = 15 * f.px_per_mm;
	int before = w->faults;
	w->faults = 0;
	check_frame(w, &f, 400, 300, 20, "deliberately broken");
	/* text out of its box and into the Back target, contrast, small
	 * target, overlap */
	/* a patient screen with no emergency target, then one too small */
	check_emergency(w, &f, "deliberately broken");
	pe_page_add_hit(pg, 300, 200, 40, 8, PE_ACT_EMERGENCY, 0);
	check_emergency(w, &f, "deliberately broken");
	/* a message that is not on the screen, then one that is */
	check_text_shown(w, &f, "Please wait.", "deliberately broken");
	check_text_shown(w, &f, "Too  long a\nlabel", "deliberately broken");
	int got = w->faults;
	w->faults = before;
	assert_int_equal(got, 8);
	pe_dlist_destroy(dl);
	assert_true(pe_screens_px_per_mm(1920, 1080, 23.8) > 3.6 &&
	            pe_screens_px_per_mm(1920, 1080, 23.8) < 3.7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checks_catch_faults),
		cmocka_unit_test(test_landscape_1080p),
		cmocka_unit_test(test_landscape_1280x800),
		cmocka_unit_test(test_portrait_1080x1920),
		cmocka_unit_test(test_portrait_21in),
		cmocka_unit_test(test_tablet_10in),
		cmocka_unit_test(test_laptop_13in),
		cmocka_unit_test(test_panel_15in),
		cmocka_unit_test(test_panel_17in),
		cmocka_unit_test(test_no_emergency_topic_no_dead_button),
		cmocka_unit_test(test_build_leaves_app_alone),
		cmocka_unit_test(test_rtl_screens_mirrored),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
