/* SPDX-License-Identifier: MIT */
/*
 * layout-preview.c - developer tool: lay out a topic and paint it to PNG.
 *
 *   pe-layout-preview [-w WIDTH] [-s BODY] [-c] [-d] [-i] [-S N] [-b N] [-z ZOOM]
 *                     [-o OUT.png] [TOPIC.xml]
 *
 * Lays out TOPIC.xml (through the content loader), or the built-in sample
 * topic (every block kind), in one column of
 * WIDTH points at body size BODY with pe_layout_flow_topic(), then paints
 * the display list with the product's Cairo painter (core/cairo_paint.c:
 * what the kiosk shows), links underlined, so you can look at blocks, the
 * timeline and the severity scale. -c: high contrast;
 * -d: outline every op's bounds and report ops outside the column;
 * -i: every icon at several sizes; -S N: only section N of the sample;
 * -b N: benchmark, lay the topic out N times and print the time.
 */
#include <cairo.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cairo_paint.h"
#include "content.h"
#include "fonts.h"
#include "layout.h"
#include "paths.h"
#include "sample.h"

/* What the product's painter does not draw: links underlined (the PDF
 * makes them live instead) and, with -d, every op's bounds and the marks. */
static void annotate(cairo_t *cr, const pe_page *pg, bool debug)
{
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_TEXT && op->u.text.link) {
			cairo_set_source_rgba(cr, 0, 0.3, 1, 0.5);
			cairo_set_line_width(cr, 0.5);
			cairo_move_to(cr, op->x, op->y + 2);
			cairo_line_to(cr, op->x + op->w, op->y + 2);
			cairo_stroke(cr);
		}
		if (!debug)
			continue;
		if (op->kind == PE_OP_MARK) {
			cairo_set_source_rgba(cr, 0, 0.6, 0, 0.8);
			cairo_rectangle(cr, 0, op->y, 6, 1);
			cairo_fill(cr);
			continue;
		}
		double x0, y0, x1, y1;
		pe_op_bounds(op, &x0, &y0, &x1, &y1);
		cairo_set_source_rgba(cr, 1, 0, 0, 0.35);
		cairo_set_line_width(cr, 0.3);
		cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
		cairo_stroke(cr);
	}
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; s && *s; s++) {
		bool sp = *s == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

static size_t text_words(const pe_text *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_runs; i++)
		n += count_words(t->runs[i].text);
	return n;
}

static size_t topic_words(const pe_topic *t)
{
	size_t n = count_words(t->title) + count_words(t->summary);
	for (size_t i = 0; i < t->n_sections; i++) {
		const pe_section *sec = &t->sections[i];
		n += text_words(&sec->heading);
		for (size_t j = 0; j < sec->n_blocks; j++) {
			const pe_block *b = &sec->blocks[j];
			n += text_words(&b->title) + text_words(&b->text);
			for (size_t k = 0; k < b->n_items; k++)
				n += text_words(&b->items[k].text) + text_words(&b->items[k].label);
			n += text_words(&b->contact.name) + text_words(&b->contact.hours) +
			     text_words(&b->contact.chat) + text_words(&b->contact.note) +
			     (b->contact.phone != NULL);
		}
	}
	return n;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Lay the topic out (measure, then draw into a fresh page) n times.
 * Cold: each run at a width not seen before, so every text goes through
 * Pango (what a new handout costs); warm: the same width again, so the
 * layout cache answers (what a kiosk redraw or re-pagination costs). */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void bench_pass(pe_layout *L, const pe_topic *topic, const pe_style *st,
                       double width, int n, bool cold, double *median, double *best,
                       size_t *ops)
{
	double *t = malloc((size_t)n * sizeof *t);
	if (!t) {
		*median = *best = 0;
		return;
	}
	for (int i = 0; i < n; i++) {
		double w = cold ? width - 0.013 * (i + 1) : width;
		pe_dlist *dl = pe_dlist_create();
		double t0 = now_ms();
		double h = pe_layout_flow_topic(L, NULL, topic, st, 36, 36, w);
		pe_page *pg = pe_dlist_add_page(dl, w + 72, h + 72);
		pe_layout_flow_topic(L, pg, topic, st, 36, 36, w);
		t[i] = now_ms() - t0;
		*ops = pg->n_ops;
		pe_dlist_destroy(dl);
	}
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	*median = t[n / 2];
	*best = t[0];
	free(t);
}

static int run_bench(pe_layout *L, const pe_topic *topic, const pe_style *st, double width,
                     int n)
{
	double cmed, cbest, wmed, wbest;
	size_t ops;
	bench_pass(L, topic, st, width, n, true, &cmed, &cbest, &ops);
	bench_pass(L, topic, st, width, n, false, &wmed, &wbest, &ops);
	printf("layout bench: %zu words, %zu ops, width %.0f, body %.1f, measure+draw: "
	       "cold %.3f ms median (%.3f best), cached %.3f ms median (%.3f best), %d runs\n",
	       topic_words(topic), ops, width, st->body_size, cmed, cbest, wmed, wbest, n);
	return 0;
}

int main(int argc, char **argv)
{
	double width = 468, body = 14, zoom = 1.5;
	bool hc = false, debug = false, icons = false;
	int only = -1, bench = 0;
	const char *out = "layout-preview.png";
	int opt;
	while ((opt = getopt(argc, argv, "w:s:cdiz:o:S:b:")) != -1) {
		switch (opt) {
		case 'w': width = atof(optarg); break;
		case 's': body = atof(optarg); break;
		case 'c': hc = true; break;
		case 'd': debug = true; break;
		case 'i': icons = true; break;
		case 'S': only = atoi(optarg); break;
		case 'b': bench = atoi(optarg); break;
		case 'z': zoom = atof(optarg); break;
		case 'o': out = optarg; break;
		default:
			fprintf(stderr, "usage: %s [-w WIDTH] [-s BODY] [-c] [-d] [-i] [-S N] [-b N] [-z ZOOM] [-o OUT.png] [TOPIC.xml]\n", argv[0]);
			return 2;
		}
	}
	int rc = 1;
	pe_error err = { "" };
	char dir[4096];
	pe_fonts *fonts = NULL;
	pe_layout *L = NULL;
	pe_dlist *dl = NULL;
	pe_topic *topic = NULL, *loaded = NULL;
	pe_painter *painter = NULL;

	if (!pe_paths_data(dir, sizeof dir, "fonts") || !(fonts = pe_fonts_load(dir, &err)) ||
	    !(L = pe_layout_create(fonts, &err))) {
		fprintf(stderr, "pe-layout-preview: %s\n", err.msg);
		goto out;
	}
	if (optind < argc) {
		char rng[4096];
		pe_schema *schema = NULL;
		if (!pe_paths_data(rng, sizeof rng, "topic.rng") ||
		    !(schema = pe_schema_load(rng, &err)) ||
		    !(loaded = pe_topic_load(argv[optind], "en", schema, &err))) {
			fprintf(stderr, "pe-layout-preview: %s\n", err.msg);
			pe_schema_destroy(schema);
			goto out;
		}
		pe_schema_destroy(schema);
		topic = loaded;
	} else {
		topic = sample_topic();
	}
	pe_topic one;
	const pe_topic *shown = topic;
	if (only >= 0 && (size_t)only < topic->n_sections) {
		/* one section, for a close look */
		one = *topic;
		one.sections = &topic->sections[only];
		one.n_sections = 1;
		shown = &one;
	}
	pe_style st;
	pe_style_default(&st, body, hc);
	double margin = 36;
	double h, h2;
	pe_page *pg;
	if (bench > 0) {
		rc = run_bench(L, shown, &st, width, bench);
		goto out;
	}
	dl = pe_dlist_create();
	if (icons) {
		/* every icon at several sizes, and on a tinted background */
		static const double sz[] = { 12, 18, 24, 36, 64 };
		width = 9 * 70;
		h = h2 = 5 * 75;
		pg = pe_dlist_add_page(dl, width + 2 * margin, h + 2 * margin);
		for (int r = 0; r < 5; r++) {
			if (r == 4)
				pe_page_add_rect(pg, margin, margin + r * 75, width, 70, st.warning_bg,
				                 PE_NO_COLOR, 0, 0);
			for (int i = 1; i <= 8; i++)
				pe_layout_icon(pg, (pe_icon)i, margin + (i - 1) * 75, margin + r * 75,
				               sz[r < 4 ? r : 4 - 1], r == 4 ? st.warning_fg : st.accent);
		}
		pe_layout_icon(pg, PE_ICON_PHONE, margin + 8 * 75 - 30, margin, 64, st.text);
	} else {
		h = pe_layout_flow_topic(L, NULL, shown, &st, margin, margin, width);
		pg = pe_dlist_add_page(dl, width + 2 * margin, h + 2 * margin);
		h2 = pe_layout_flow_topic(L, pg, shown, &st, margin, margin, width);
	}
	if (fabs(h - h2) > 1e-9)
		fprintf(stderr, "pe-layout-preview: measured %.3f but drew %.3f\n", h, h2);
	int outside = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		double x0, y0, x1, y1;
		if (pg->ops[i].kind == PE_OP_MARK)
			continue;
		pe_op_bounds(&pg->ops[i], &x0, &y0, &x1, &y1);
		if (x0 < margin - 0.01 || x1 > margin + width + 0.01) {
			outside++;
			if (debug)
				fprintf(stderr, "outside: op %zu kind %d x %.2f..%.2f %s\n", i,
				        pg->ops[i].kind, x0, x1,
				        pg->ops[i].kind == PE_OP_TEXT ? pg->ops[i].u.text.utf8 : "");
		}
	}
	fprintf(stderr, "%zu ops, height %.1f, %d outside the column\n", pg->n_ops, h, outside);

	if (!(painter = pe_painter_create(fonts, &err))) {
		fprintf(stderr, "pe-layout-preview: %s\n", err.msg);
		goto out;
	}
	int pw = (int)ceil(pg->width * zoom), ph = (int)ceil(pg->height * zoom);
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(surf);
	cairo_set_source_rgb(cr, st.page.r, st.page.g, st.page.b);
	cairo_paint(cr);
	cairo_scale(cr, zoom, zoom);
	if (debug) {
		cairo_set_source_rgba(cr, 0, 0.5, 1, 0.3);
		cairo_set_line_width(cr, 0.5);
		cairo_rectangle(cr, margin, 0, width, pg->height);
		cairo_stroke(cr);
	}
	pe_error werr = { { 0 } };
	bool painted = pe_painter_paint_page(painter, cr, pg, &werr);
	annotate(cr, pg, debug);
	cairo_destroy(cr);
	if (!painted || !pe_surface_write_png(surf, out, &werr))
		fprintf(stderr, "pe-layout-preview: %s\n", werr.msg);
	else
		rc = 0;
	cairo_surface_destroy(surf);
out:
	pe_painter_destroy(painter);
	pe_dlist_destroy(dl);
	if (loaded)
		pe_topic_destroy(loaded);
	else if (topic)
		sample_free(topic);
	pe_layout_destroy(L);
	pe_fonts_destroy(fonts);
	return rc;
}
