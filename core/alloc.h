/* SPDX-License-Identifier: MIT */
/*
 * alloc.h - the allocator of the display list and layout code, with a
 * fault-injection hook for tests.
 *
 * dlist.c, layout.c, blocks.c, breaks.c and pictures.c allocate through
 * these so a test can make the Nth allocation fail and prove that every failure
 * ends as a clean error (a handout complete or not written), never as
 * text silently left out. Outside tests they are malloc and friends.
 * (Pango's and GLib's own allocations abort on failure: not ours.)
 */
#ifndef PE_ALLOC_H
#define PE_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *pe_malloc(size_t n);
void *pe_calloc(size_t count, size_t size);
void *pe_realloc(void *p, size_t n);
char *pe_strdup(const char *s);
/* Make room for need elements of elem bytes in the growable array *p
 * (capacity *cap, doubled as needed): false when out of memory or when
 * the size would overflow, the array then unchanged. One more element
 * for an array holding n: pe_grow(&a, &cap, n + 1, sizeof *a). */
bool pe_grow(void **p, size_t *cap, size_t need, size_t elem);

/* Tests: the nth allocation from now fails (1: the next one), the others
 * succeed; 0 turns injection off. Not thread-safe (tests only). */
void pe_alloc_fail_nth(long n);
/* Whether the injected failure has happened since pe_alloc_fail_nth(). */
int pe_alloc_failed(void);

#endif
