/*
 * stamp: the "browser" of the CLI benchmarks (scripts/bench). It is started
 * in place of the browser, by sfconnect-cli (--browser) and by the Salesforce
 * CLI (as the xdg-open of its `open` package), with the authorize URL as its
 * last argument. It appends the wall-clock time it started at (Unix ns) to
 * STAMP_FILE, then hands the URL to FETCHER in a detached child, which plays
 * a browser whose user has already allowed the app, and exits 0 at once, as
 * xdg-open does.
 *
 * It is C, not Go or sh, so that its own start adds as little as possible to
 * the span measured; the bench measures that floor too. STAMP_FILE and
 * FETCHER are compiled in (-D), because neither tool is asked to pass an
 * environment variable through to its browser.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef STAMP_FILE
#error "build with -DSTAMP_FILE=\"/path\" -DFETCHER=\"/path\""
#endif

int main(int argc, char **argv) {
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	char line[64];
	int n = snprintf(line, sizeof line, "%lld%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
	int fd = open(STAMP_FILE, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd >= 0) {
		if (write(fd, line, (size_t)n) != n) {
			/* the bench notices a missing stamp */
		}
		close(fd);
	}
	if (argc < 2) {
		return 0;
	}
	if (fork() == 0) {
		setsid();
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execl(FETCHER, FETCHER, "fetch", argv[argc - 1], (char *)NULL);
		_exit(127);
	}
	return 0;
}
