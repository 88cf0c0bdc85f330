/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - what the libFuzzer harnesses in tests/fuzz/ share.
 *
 * Each harness is one fuzz_<target>.c with LLVMFuzzerInitialize (load what
 * every input needs: fonts, schema, templates) and LLVMFuzzerTestOneInput
 * (one input, all its state freed before returning, so an input that
 * crashes crashes the same way when replayed alone). Inputs reach the
 * loaders as files, through the same code a real file takes: a memfd
 * named /proc/self/fd/N, so no input is ever written to disk. Files the
 * code under test writes itself (PDFs, the kiosk's catalogue snapshot) go
 * to a private directory under $TMPDIR that is removed at exit; tests/fuzz/run
 * points TMPDIR into the fuzz build directory so a crash leaves nothing in /tmp.
 */
#ifndef PE_FUZZ_H
#define PE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Environment every harness needs: the staged data directory (PE_DATADIR,
 * else build-fuzz/share/patient-ed next to the harness), C.UTF-8 and
 * the private directory (also made TMPDIR and XDG_RUNTIME_DIR). Exits
 * with a message when the data is missing. */
void pe_fuzz_setup(void);

/* PATH without lp: a fuzzed kiosk script must never reach a printer. */
void pe_fuzz_no_lp(void);

/* The private directory, removed with its contents at exit. */
const char *pe_fuzz_dir(void);

/* The input as a file: a memfd holding data, path "/proc/self/fd/N"
 * written into path. Returns the fd (close it when done) or -1. */
int pe_fuzz_file(const uint8_t *data, size_t size, char *path, size_t path_size);

/* The input as a real file in the private directory (for loaders that
 * resolve paths relative to the file, like the site file's logo): name
 * is the file name; the full path is written into path. */
void pe_fuzz_write(const uint8_t *data, size_t size, const char *name, char *path,
                   size_t path_size);

/* Stop the run: the harness found a state that must not happen (abort()
 * so libFuzzer saves the input). */
void pe_fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
