/* SPDX-License-Identifier: MIT */
/*
 * print.h - print a handout through CUPS's lp, without stopping the kiosk.
 *
 * The handout PDF is made with the real handout pipeline into a temporary
 * file, then `lp [-d PRINTER] -n COPIES FILE` runs as a child process
 * (posix_spawnp). The kiosk polls the child between frames; it never waits
 * for it. No lp, no CUPS, no printer, a printer that says no: all of these
 * end as a failed job with a one-line reason, never as a stopped kiosk.
 */
#ifndef PE_KIOSK_PRINT_H
#define PE_KIOSK_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "error.h"
#include "layout.h"
#include "site.h"

typedef enum pe_job_status {
	PE_JOB_RUNNING,
	PE_JOB_DONE,
	PE_JOB_FAILED,
} pe_job_status;

typedef struct pe_print_job pe_print_job;

/* Start lp on an existing PDF. printer NULL or "": the CUPS default.
 * With remove_file the PDF is deleted when the job is destroyed. NULL
 * with err set when lp could not be started at all. */
pe_print_job *pe_print_send(const char *pdf, const char *printer, int copies,
                            bool remove_file, pe_error *err);
/* Has lp finished? Never blocks. On failure err says why ("lp: The
 * printer or class does not exist."). A job running longer than
 * timeout_s is stopped and fails. */
pe_job_status pe_print_poll(pe_print_job *job, double timeout_s, pe_error *err);
/* Stop lp if it still runs, reap it, remove the file if asked. */
void pe_print_destroy(pe_print_job *job);   /* accepts NULL */

/* The handout of one topic (in its own language) as a PDF in a new
 * temporary file, made by pe_handout_write() (layout, layout check, PDF:
 * the handout command's own job) with the template ("letter" when NULL);
 * its path into path. False with no file when any step fails. */
bool pe_print_make_pdf(pe_layout *layout, const pe_topic *topic, const pe_site *site,
                       const char *template_name, char *path, size_t size, pe_error *err);

#endif
