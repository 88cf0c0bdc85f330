# SPDX-License-Identifier: MIT
# Makefile - builds the handout generator and the kiosk into $(BUILD)/.
#
#   make             build everything (programs in build/bin, data in build/share)
#   make deps        install the Debian packages the build needs (make test-deps:
#                    and the tests'); as root with apt-get, else names them
#   make handouts    the main job: every handout into build/handouts/ (runs deps)
#   make check       the everyday tests, under a minute (runs test-deps)
#   make check-all   every test: check, then check-slow (Xvfb, soak, asan...)
#   make kiosk       build and start the kiosk in a window
#   make bench       benchmarks (figures to quote)
#   make asan        unit tests built with AddressSanitizer + UBSan
#   make valgrind    unit tests under valgrind
#   make install     PREFIX=/usr/local DESTDIR=  (never installs packages)
#   make V=1         show the full compiler lines; WERROR=1: warnings are errors
#
# Each directory adds its own rules in <dir>/module.mk; this file holds
# what they share. Modules append to PROGRAMS (installed), TOOLS (built, not
# installed), DATA, BENCHES, and their checks to CHECKS (make check: fast,
# the whole set under a minute) or SLOW_CHECKS (make check-all and CI only).
# Adding a check is one line in its module.mk: CHECKS += check-x, or
# SLOW_CHECKS += check-x.

include config.mk

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# Only the goals that say so install packages: `make deps` (build), `make
# test-deps` (build + tests), and README's two commands, which run them
# first (handouts, check, check-slow, check-all). Never `make`, `make all`
# or `make install`: a packager's build must not call apt-get.
INSTALLING_GOALS := deps test-deps handouts check check-slow check-all
# Goals that need no C library at parse time: the installing ones re-read
# this file in a sub-make once the packages are there.
NO_LIBS_GOALS := $(INSTALLING_GOALS) clean help

# Development and CI: warnings are errors (packagers get them as warnings).
ifneq ($(filter check check-slow check-all,$(MAKECMDGOALS)),)
WERROR ?= 1
endif
export WERROR

pkg_module = $(firstword $(subst :, ,$(1)))
pkg_missing = $(foreach p,$(1),$(if $(shell pkg-config --exists $(call pkg_module,$(p)) && echo y),,$(p)))
PKG_MODULES := $(foreach p,$(PKGS),$(call pkg_module,$(p)))
TEST_PKG_MODULES := $(foreach p,$(TEST_PKGS),$(call pkg_module,$(p)))
PKG_MISSING := $(call pkg_missing,$(PKGS))
TEST_PKG_MISSING := $(call pkg_missing,$(TEST_PKGS))
# "pkg-config cannot find sdl2 (Debian: libsdl2-dev) ..."
missing_message = pkg-config cannot find $(foreach p,$(1),$(call pkg_module,$(p)) (Debian: $(word 2,$(subst :, ,$(p))))). Run `make $(2)`: as root it installs what is missing, otherwise it prints the apt-get line (the lists: tools/debian-packages*.txt)
ifeq ($(strip $(PKG_MISSING)),)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKG_MODULES))
PKG_LIBS := $(shell pkg-config --libs $(PKG_MODULES))
else ifneq ($(filter-out $(NO_LIBS_GOALS),$(or $(MAKECMDGOALS),all)),)
$(error $(call missing_message,$(PKG_MISSING),deps))
endif
ifeq ($(strip $(TEST_PKG_MISSING)),)
TEST_PKG_CFLAGS := $(shell pkg-config --cflags $(TEST_PKG_MODULES))
TEST_PKG_LIBS := $(shell pkg-config --libs $(TEST_PKG_MODULES))
endif

SHARE := $(BUILD)/share/patient-ed
ALL_CFLAGS = $(STD) $(WARN) $(CPPFLAGS) $(CFLAGS) $(SAN_CFLAGS) $(PKG_CFLAGS) -Icore \
             -DPE_VERSION='"$(VERSION)"' -DPE_DATADIR='"$(DATADIR)"' -MMD -MP
# Every link line: the builder's flags, then the project's.
ALL_LDFLAGS = $(CFLAGS) $(SAN_CFLAGS) $(LDFLAGS) $(SAN_LDFLAGS) $(PE_LDFLAGS)
ALL_LIBS = $(PKG_LIBS) $(EXTRA_LIBS)

PROGRAMS :=
TOOLS :=
# systemd units and .desktop files, generated at build time (make install
# puts them in UNITDIR and APPLICATIONSDIR).
UNITS :=
DESKTOP_FILES :=
DATA :=
# Languages built for tests only (the pseudo-locale): staged, never installed.
TEST_ONLY_LANGS := qps
CHECKS :=
SLOW_CHECKS :=
BENCHES :=

# ---- core library -------------------------------------------------------
CORE_SRCS := $(wildcard core/*.c)
CORE_OBJS := $(CORE_SRCS:%.c=$(BUILD)/obj/%.o)
LIBPE := $(BUILD)/libpe.a

# Quiet by default; `make V=1` shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

# Files made from a .in template with the install paths filled in
# (@BINDIR@, @DATADIR@, @SYSCONFDIR@, @PACKAGE@, @VERSION@). They depend on
# $(BUILD)/install-paths, rewritten only when those values change, so a
# `make install PREFIX=/usr` after a plain `make` remakes them.
SUBST_VARS := BINDIR=$(BINDIR) DATADIR=$(DATADIR) SYSCONFDIR=$(SYSCONFDIR) PACKAGE=$(PACKAGE) VERSION=$(VERSION)
$(BUILD)/install-paths: FORCE
	@mkdir -p $(@D)
	@echo '$(SUBST_VARS)' | cmp -s - $@ 2>/dev/null || echo '$(SUBST_VARS)' > $@
SUBST = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' \
        -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' -e 's|@PACKAGE@|$(PACKAGE)|g' -e 's|@VERSION@|$(VERSION)|g'

.PHONY: FORCE
FORCE:

# paths.c compiles DATADIR in: remade when the install paths change, so
# `make install PREFIX=/usr` after a plain `make` ships the right one.
$(BUILD)/obj/core/paths.o: $(BUILD)/install-paths

$(LIBPE): $(CORE_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

# ---- unit tests: tests/test_<module>.c, one binary each, cmocka ----------
TEST_SRCS := $(wildcard tests/test_*.c)
TEST_BINS := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
# Built through a pattern rule, so make would delete them as intermediates
# after the first `make check` and relink every test binary the next time.
.SECONDARY: $(TEST_SRCS:%.c=$(BUILD)/obj/%.o)
# Helpers several tests share (tests/*.c not named test_*, e.g. the layout
# fixture): an archive, so a test binary takes only what it calls.
TEST_SUPPORT_SRCS := $(filter-out $(TEST_SRCS),$(wildcard tests/*.c))
TEST_SUPPORT := $(BUILD)/libpetest.a

$(TEST_SUPPORT): $(TEST_SUPPORT_SRCS:%.c=$(BUILD)/obj/%.o)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/obj/tests/%.o: tests/%.c
	$(if $(strip $(TEST_PKG_MISSING)),$(error $(call missing_message,$(TEST_PKG_MISSING),test-deps)))
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_PKG_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(TEST_SUPPORT) $(LIBPE)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(TEST_SUPPORT) $(LIBPE) $(ALL_LIBS) $(TEST_PKG_LIBS)

# Environment every test and tool runs with: the staged data, no user locale.
TEST_ENV = PE_DATADIR=$(abspath $(SHARE)) PE_BUILD=$(abspath $(BUILD)) LC_ALL=C.UTF-8

-include $(wildcard */module.mk)

# ---- aggregate targets --------------------------------------------------
.PHONY: all data deps test-deps check check-slow check-all check-unit bench asan valgrind \
        clean install help

all: $(PROGRAMS) $(TOOLS) data $(UNITS) $(DESKTOP_FILES)

data: $(DATA)

# Packages: tools/debian-packages.txt (build and run), and for the tests
# tools/debian-packages-test.txt. PE_DEPS_DONE: already checked by the
# make that called this one.
deps:
	@[ -n "$${PE_DEPS_DONE:-}" ] || tools/ensure-deps build
test-deps:
	@[ -n "$${PE_DEPS_DONE:-}" ] || tools/ensure-deps build test

check-unit: $(TEST_BINS) data
	@$(TEST_ENV) tools/run-tests $(TEST_BINS)

# `make check` runs the fast checks side by side (CHECK_JOBS at once, each
# one's output shown whole when it ends); everything they use is built
# first, so no two of them build the same file. check-slow runs the rest
# one after the other (Xvfb and the soak measure time and memory).
# check-all = check + check-slow: every check exactly once (CI).
CHECK_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
SLOW_CHECKS += asan

check: test-deps
	@$(MAKE) --no-print-directory all $(TEST_BINS)
	@$(TEST_ENV) MAKE="$(MAKE)" tools/run-checks -j $(CHECK_JOBS) check-unit $(CHECKS)

check-slow: test-deps
	@$(MAKE) --no-print-directory all
	@$(TEST_ENV) MAKE="$(MAKE)" tools/run-checks $(SLOW_CHECKS)

check-all: test-deps
	@status=0; \
	PE_DEPS_DONE=1 $(MAKE) --no-print-directory check || status=1; \
	PE_DEPS_DONE=1 $(MAKE) --no-print-directory check-slow || status=1; \
	exit $$status

bench: all $(BENCHES)

asan:
	$(MAKE) BUILD=build-asan SANITIZE=1 check-unit

valgrind: $(TEST_BINS) data
	@$(TEST_ENV) PE_VALGRIND=1 tools/run-tests $(TEST_BINS)

# Programs get the product's prefix (build/bin/kiosk -> BINDIR/patient-ed-kiosk).
# Only files: installing never runs apt-get (that is `make deps`).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	for p in $(PROGRAMS); do install -m 755 $$p $(DESTDIR)$(BINDIR)/$(PACKAGE)-$${p##*/} || exit 1; done
	cp -R $(SHARE)/. $(DESTDIR)$(DATADIR)/
	rm -rf $(foreach l,$(TEST_ONLY_LANGS),$(DESTDIR)$(DATADIR)/content/$(l) $(DESTDIR)$(DATADIR)/locale/$(l))
	$(if $(UNITS),install -d $(DESTDIR)$(UNITDIR) && install -m 644 $(UNITS) $(DESTDIR)$(UNITDIR)/)
	$(if $(DESKTOP_FILES),install -d $(DESTDIR)$(APPLICATIONSDIR) && install -m 644 $(DESKTOP_FILES) $(DESTDIR)$(APPLICATIONSDIR)/)

clean:
	rm -rf $(BUILD) build-asan

help:
	@sed -n '2,/^$$/s/^# \{0,1\}//p' Makefile

-include $(CORE_OBJS:.o=.d) $(TEST_SRCS:%.c=$(BUILD)/obj/%.d) $(TEST_SUPPORT_SRCS:%.c=$(BUILD)/obj/%.d)
