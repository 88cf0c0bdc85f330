/* SPDX-License-Identifier: MIT */
/*
 * atomicfile.h - replace a file all at once, or not at all.
 *
 * Every file the programs write (PDFs, PNG previews and screenshots) goes
 * through here, so one place decides what a failed or killed run leaves:
 *
 * - the new contents are written to an unnamed temporary file in the
 *   target's directory (O_TMPFILE), so a run killed while writing leaves
 *   nothing behind; where the file system has no O_TMPFILE, a named
 *   ".NAME.pe-PID-XXXXXX" file, which a later run removes once its PID is
 *   gone;
 * - every write, fsync and close is checked (a full disk shows up at the
 *   last buffered write or at close, not before);
 * - only then is the file given its name, by rename(), which replaces the
 *   old file in one step;
 * - the target is never touched on failure: an older file of that name
 *   stays as it was, and a run only ever removes its own temporary file;
 * - only a regular file (or a path that does not exist yet) is replaced:
 *   "-o /dev/full" or a folder or a pipe is refused, never swapped for a
 *   file.
 */
#ifndef PE_ATOMICFILE_H
#define PE_ATOMICFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct pe_atomic pe_atomic;

/* Start replacing path. NULL with err set ("PATH: cannot write: ...")
 * when the target cannot be replaced or no temporary file can be made. */
pe_atomic *pe_atomic_begin(const char *path, pe_error *err);

/* Append bytes. False after the first failure (it is remembered and
 * reported by pe_atomic_commit). */
bool pe_atomic_write(pe_atomic *a, const void *data, size_t n);

/* Flush to disk, check, and give the file its name. Always frees a; on
 * failure the temporary file is gone and the target untouched. */
bool pe_atomic_commit(pe_atomic *a, pe_error *err);

/* Give up: remove the temporary file, free a. Accepts NULL. */
void pe_atomic_abort(pe_atomic *a);

/* The whole sequence for data already in memory. */
bool pe_atomic_write_file(const char *path, const void *data, size_t n, pe_error *err);

#endif
