/* SPDX-License-Identifier: MIT */
/*
 * say.c - what the "Listen" button reads (see screens.h, pe_says): the
 * words of a display list split into sentences, each with the boxes its
 * words take on the page, so the one being heard can be highlighted.
 *
 * The sentences are the display list's own text, the same words as on
 * screen, in the order they were laid out. A sentence ends at ". ", "! ",
 * "? " before anything but a small letter (inside a run of text too), and at the end of a block: a heading
 * (a section mark), a size change, a wider gap than a line's, or anything
 * drawn between two lines (a bullet, a box, a picture). A word broken
 * with a hyphen at the end of a line is read whole.
 *
 * Pure layout data: no painting, no files.
 */
#include "screens_private.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void pe_says_clear(pe_says *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i].text);
	free(s->items);
	free(s->spans);
	memset(s, 0, sizeof *s);
}

bool pe_says_add_span(pe_says *s, double x, double y, double w, double h)
{
	if (!s->n)
		return true;
	pe_say *say = &s->items[s->n - 1];
	/* Runs side by side on one line are one box. */
	if (say->n_spans) {
		pe_say_span *last = &s->spans[s->n_spans - 1];
		if (last->y == y && last->h == h && x >= last->x && x <= last->x + last->w + h) {
			last->w = x + w - last->x;
			return true;
		}
	}
	if (!pe_grow((void **)&s->spans, &s->cap_spans, s->n_spans + 1, sizeof *s->spans))
		return false;
	s->spans[s->n_spans++] = (pe_say_span){ x, y, w, h };
	if (!say->n_spans)
		say->first_span = s->n_spans - 1;
	say->n_spans++;
	return true;
}

/* A new sentence (text copied, at most len bytes) in section. */
static bool add_say(pe_says *s, const char *text, size_t len, size_t section)
{
	while (len && text[0] == ' ') {
		text++;
		len--;
	}
	while (len && text[len - 1] == ' ')
		len--;
	if (!len)
		return true;
	if (!pe_grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items))
		return false;
	char *copy = malloc(len + 1);
	if (!copy)
		return false;
	memcpy(copy, text, len);
	copy[len] = 0;
	s->items[s->n++] = (pe_say){ copy, section, 0, 0 };
	return true;
}

bool pe_says_add(pe_says *s, const char *text, size_t section, double x, double y, double w,
                 double h)
{
	if (!text || !*text)
		return true;
	size_t before = s->n;
	if (!add_say(s, text, strlen(text), section))
		return false;
	return s->n == before || pe_says_add_span(s, x, y, w, h);
}

/* The sentence being built from a page. */
typedef struct builder {
	pe_says *out;
	char *buf;
	size_t len, cap;
	size_t first_span;      /* its spans so far, in pend */
	pe_say_span *pend;
	size_t n_pend, cap_pend;
	size_t section;
	bool ok;
} builder;

static void b_text(builder *b, const char *s, size_t n)
{
	if (!pe_grow((void **)&b->buf, &b->cap, b->len + n + 1, 1)) {
		b->ok = false;
		return;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = 0;
}

static void b_span(builder *b, double x, double y, double w, double h)
{
	if (w <= 0)
		return;
	if (!pe_grow((void **)&b->pend, &b->cap_pend, b->n_pend + 1, sizeof *b->pend)) {
		b->ok = false;
		return;
	}
	b->pend[b->n_pend++] = (pe_say_span){ x, y, w, h };
}

/* The sentence so far becomes one (with its boxes), if it has words. */
static void b_flush(builder *b)
{
	size_t before = b->out->n;
	if (b->len && !add_say(b->out, b->buf, b->len, b->section))
		b->ok = false;
	if (b->out->n != before)
		for (size_t i = 0; i < b->n_pend; i++)
			if (!pe_says_add_span(b->out, b->pend[i].x, b->pend[i].y, b->pend[i].w,
			                      b->pend[i].h))
				b->ok = false;
	b->len = 0;
	b->n_pend = 0;
}

/* Whether s[i] ends a sentence: . ! ? (and closing quotes or brackets)
 * with a space after it. */
static size_t sentence_end(const char *s, size_t i)
{
	if (s[i] != '.' && s[i] != '!' && s[i] != '?')
		return 0;
	size_t j = i + 1;
	while (s[j] == ')' || s[j] == '"' || s[j] == '\'')
		j++;
	if (!strncmp(s + j, "\xe2\x80\x9d", 3))   /* ” */
		j += 3;
	/* "7:00 a.m. to 6", "e.g. this": a small letter after it goes on
	 * (the engine's pe_speech_split reads it the same way). */
	if (s[j] != ' ' || (s[j + 1] >= 'a' && s[j + 1] <= 'z'))
		return 0;
	return j + 1;
}

static bool ends_block(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* One text op: its words go to the sentence being built, split where a
 * sentence ends inside the run. */
static void b_op(builder *b, pe_layout *layout, const pe_op *op)
{
	const char *s = op->u.text.utf8;
	double top = op->y - op->u.text.ascent, h = op->u.text.ascent + op->u.text.descent;
	size_t start = 0, n = strlen(s);
	double x0 = op->x;
	for (size_t i = 0; i < n; i++) {
		size_t end = sentence_end(s, i);
		if (!end)
			continue;
		b_text(b, s + start, end - start);
		char *prefix = strndup(s, i + 1);
		double x1 = prefix ? op->x + pe_layout_width(layout, prefix, op->u.text.face,
		                                                 op->u.text.size)
		                   : op->x + op->w;
		free(prefix);
		b_span(b, x0, top, x1 - x0, h);
		b_flush(b);
		/* The next sentence starts after the space. */
		prefix = strndup(s, end);
		x0 = prefix ? op->x + pe_layout_width(layout, prefix, op->u.text.face, op->u.text.size)
		            : x1;
		free(prefix);
		start = end;
		i = end - 1;
	}
	if (start < n) {
		b_text(b, s + start, n - start);
		b_span(b, x0, top, op->x + op->w - x0, h);
	}
}

bool pe_says_from_page(pe_says *out, pe_layout *layout, const pe_page *pg)
{
	builder b = { .out = out, .ok = true };
	const pe_op *prev = NULL;         /* the last text op */
	bool between = false;             /* something else drawn since */
	size_t marks = 0;
	for (size_t i = 0; i < pg->n_ops && b.ok; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_MARK) {
			if (op->u.mark.level >= 1) {
				b_flush(&b);
				b.section = marks++;
				prev = NULL;
			}
			continue;
		}
		if (op->kind == PE_OP_HIT || op->kind == PE_OP_LINK)
			continue;
		if (op->kind != PE_OP_TEXT) {
			between = true;
			continue;
		}
		if (prev) {
			bool new_line = op->y != prev->y;
			double size = prev->u.text.size;
			bool block = (new_line && (between || op->y - prev->y > 1.45 * size ||
			                           op->y < prev->y)) ||
			             op->u.text.size != size;
			if (block || (new_line && ends_block(b.buf ? b.buf : "", b.len))) {
				b_flush(&b);
			} else if (b.len) {
				bool hyphen = new_line && b.buf[b.len - 1] == '-' && b.len > 1 &&
				              b.buf[b.len - 2] != ' ' && b.buf[b.len - 2] != '-';
				if (hyphen)
					b.len--;    /* "infu-" "sion": one word */
				else if (b.buf[b.len - 1] != ' ' &&
				         (new_line || op->x > prev->x + prev->w + 0.1 * size) &&
				         op->u.text.utf8[0] != ' ')
					b_text(&b, " ", 1);
			}
		}
		b_op(&b, layout, op);
		prev = op;
		between = false;
	}
	b_flush(&b);
	free(b.buf);
	free(b.pend);
	return b.ok;
}

size_t pe_says_first_in(const pe_says *s, size_t section)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i].section >= section)
			return i;
	return s->n;
}
