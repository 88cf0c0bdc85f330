/* SPDX-License-Identifier: MIT */
/*
 * print.c - handouts to the printer via lp (see print.h).
 *
 * Never blocks the kiosk for longer than making one PDF (a few ms) and
 * never exits or prints: every problem is a failed job with a reason.
 */
#include "print.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "handout.h"
#include "template.h"

extern char **environ;

struct pe_print_job {
	pid_t pid;
	int out_fd;               /* lp's stdout+stderr, non-blocking */
	char output[512];         /* what lp said, for the failure reason */
	size_t n_output;
	char *pdf;                /* owned */
	bool remove_file;
	double started;
	bool finished;
	pe_job_status status;
};

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

pe_print_job *pe_print_send(const char *pdf, const char *printer, int copies,
                            bool remove_file, pe_error *err)
{
	pe_print_job *job = calloc(1, sizeof *job);
	if (!job || !(job->pdf = strdup(pdf))) {
		free(job);
		pe_error_set(err, NULL, 0, "print: out of memory");
		return NULL;
	}
	job->remove_file = remove_file;
	job->out_fd = -1;
	if (copies < 1)
		copies = 1;
	char n[16];
	snprintf(n, sizeof n, "%d", copies);
	char *argv[8];   /* the file is an absolute path: no "--" needed */
	int a = 0;
	argv[a++] = "lp";
	if (printer && *printer) {
		argv[a++] = "-d";
		argv[a++] = (char *)printer;
	}
	argv[a++] = "-n";
	argv[a++] = n;
	argv[a++] = job->pdf;
	argv[a] = NULL;

	int fds[2];
	if (pipe(fds) != 0) {
		pe_error_set(err, NULL, 0, "print: cannot make a pipe: %s", strerror(errno));
		goto fail;
	}
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	int rc = posix_spawnp(&job->pid, "lp", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		if (rc == ENOENT)
			pe_error_set(err, NULL, 0, "print: lp is not installed (Debian package cups-client)");
		else
			pe_error_set(err, NULL, 0, "print: cannot run lp: %s", strerror(rc));
		goto fail;
	}
	job->out_fd = fds[0];
	job->started = monotonic();
	job->status = PE_JOB_RUNNING;
	return job;
fail:
	if (remove_file)
		unlink(job->pdf);
	free(job->pdf);
	free(job);
	return NULL;
}

static void drain(pe_print_job *job)
{
	if (job->out_fd < 0)
		return;
	char buf[256];
	for (;;) {
		ssize_t r = read(job->out_fd, buf, sizeof buf);
		if (r <= 0)
			break;
		size_t room = sizeof job->output - 1 - job->n_output;
		size_t take = (size_t)r < room ? (size_t)r : room;
		memcpy(job->output + job->n_output, buf, take);
		job->n_output += take;
		job->output[job->n_output] = 0;
	}
}

/* The first line lp printed, for the failure message. */
static const char *first_line(pe_print_job *job)
{
	char *nl = strchr(job->output, '\n');
	if (nl)
		*nl = 0;
	return job->output[0] ? job->output : "no message";
}

pe_job_status pe_print_poll(pe_print_job *job, double timeout_s, pe_error *err)
{
	if (job->finished) {
		if (job->status == PE_JOB_FAILED)
			pe_error_set(err, NULL, 0, "print: %s", first_line(job));
		return job->status;
	}
	drain(job);
	int st;
	pid_t r = waitpid(job->pid, &st, WNOHANG);
	if (r == 0) {
		if (monotonic() - job->started <= timeout_s)
			return PE_JOB_RUNNING;
		kill(job->pid, SIGTERM);
		waitpid(job->pid, &st, 0);
		job->finished = true;
		job->status = PE_JOB_FAILED;
		snprintf(job->output, sizeof job->output, "lp did not finish in %.0f s", timeout_s);
		pe_error_set(err, NULL, 0, "print: %s", job->output);
		return job->status;
	}
	drain(job);
	job->finished = true;
	if (r < 0) {
		job->status = PE_JOB_FAILED;
		pe_error_set(err, NULL, 0, "print: lost the lp process: %s", strerror(errno));
	} else if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		job->status = PE_JOB_DONE;
	} else {
		job->status = PE_JOB_FAILED;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
			snprintf(job->output, sizeof job->output, "lp could not be run");
		pe_error_set(err, NULL, 0, "print: %s", first_line(job));
	}
	return job->status;
}

void pe_print_destroy(pe_print_job *job)
{
	if (!job)
		return;
	if (!job->finished) {
		int st;
		if (waitpid(job->pid, &st, WNOHANG) == 0) {
			kill(job->pid, SIGTERM);
			waitpid(job->pid, &st, 0);
		}
	}
	if (job->out_fd >= 0)
		close(job->out_fd);
	if (job->remove_file)
		unlink(job->pdf);
	free(job->pdf);
	free(job);
}

bool pe_print_make_pdf(pe_layout *layout, const pe_topic *topic, const pe_site *site,
                       const char *template_name, char *path, size_t size, pe_error *err)
{
	const char *tmpdir = getenv("TMPDIR");
	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	if (snprintf(path, size, "%s/patient-ed-handout-XXXXXX.pdf", tmpdir) >= (int)size) {
		pe_error_set(err, NULL, 0, "print: temporary path too long");
		return false;
	}
	pe_template *tpl = pe_template_find(template_name ? template_name : "letter", err);
	if (!tpl)
		return false;
	const pe_topic *topics[1] = { topic };
	pe_handout_req req = {
		.topics = topics, .n_topics = 1, .lang = topic->lang, .tpl = tpl, .site = site,
	};
	bool ok = false;
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		pe_error_set(err, path, 0, "print: cannot make a temporary file");
		goto done;
	}
	close(fd);
	/* The same job as the handout command, layout check included: a
	 * handout that fails it is not printed (the patient sees the
	 * printer message; the log says why). */
	ok = pe_handout_write(layout, &req, path, NULL, err);
	if (!ok) {
		unlink(path);
		pe_error_prefix(err, "print");
	}
done:
	pe_template_destroy(tpl);
	return ok;
}
