# Makefile - builds the handout generator and the kiosk into $(BUILD)/.
#
#   make             build everything (programs in build/bin, data in build/share)
#   make check       every test: unit, lint, translation QA, end-to-end
#   make handouts    the main job: every handout into build/handouts/
#   make kiosk       build and start the kiosk in a window
#   make bench       benchmarks (figures to quote)
#   make asan        unit tests built with AddressSanitizer + UBSan
#   make valgrind    unit tests under valgrind
#   make install     PREFIX=/usr/local DESTDIR=
#
# Each directory adds its own rules in <dir>/module.mk; this file holds
# what they share. Modules append to PROGRAMS (installed), TOOLS (built, not
# installed), DATA, CHECKS and BENCHES.

include config.mk

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# The dependency check runs once per make invocation, before anything else,
# so `make check` on a fresh machine installs what is missing first.
ifeq ($(filter clean distclean help,$(MAKECMDGOALS)),)
ifndef PE_DEPS_CHECKED
DEPS_STATUS := $(shell tools/ensure-deps >&2; echo $$?)
ifneq ($(DEPS_STATUS),0)
$(error missing Debian packages (see the message above))
endif
export PE_DEPS_CHECKED := 1
endif
PKG_MODULES := $(foreach p,$(PKGS),$(firstword $(subst :, ,$(p))))
PKG_MISSING := $(foreach p,$(PKGS),$(if $(shell pkg-config --exists $(firstword $(subst :, ,$(p))) && echo y),,$(word 2,$(subst :, ,$(p)))))
ifneq ($(strip $(PKG_MISSING)),)
$(error pkg-config cannot find libraries; install: $(sort $(PKG_MISSING)))
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKG_MODULES))
PKG_LIBS := $(shell pkg-config --libs $(PKG_MODULES))
endif

SHARE := $(BUILD)/share/patient-ed
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Icore \
             -DPE_VERSION='"$(VERSION)"' -DPE_DATADIR='"$(DATADIR)"' -MMD -MP
ALL_LIBS = $(PKG_LIBS) $(EXTRA_LIBS)

PROGRAMS :=
TOOLS :=
DATA :=
# Languages built for tests only (the pseudo-locale): staged, never installed.
TEST_ONLY_LANGS := qps
CHECKS :=
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

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(LIBPE)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(LIBPE) $(ALL_LIBS)

# Environment every test and tool runs with: the staged data, no user locale.
TEST_ENV = PE_DATADIR=$(abspath $(SHARE)) PE_BUILD=$(abspath $(BUILD)) LC_ALL=C.UTF-8

-include $(wildcard */module.mk)

# ---- aggregate targets --------------------------------------------------
.PHONY: all data check check-unit bench asan valgrind clean install help

all: $(PROGRAMS) $(TOOLS) data

data: $(DATA)

check-unit: $(TEST_BINS) data
	@$(TEST_ENV) tools/run-tests $(TEST_BINS)

check: all $(TEST_BINS)
	@$(TEST_ENV) MAKE="$(MAKE)" tools/run-checks check-unit $(CHECKS)

bench: all $(BENCHES)

asan:
	$(MAKE) BUILD=build-asan SANITIZE=1 check-unit

valgrind: $(TEST_BINS) data
	@$(TEST_ENV) PE_VALGRIND=1 tools/run-tests $(TEST_BINS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(PROGRAMS) $(DESTDIR)$(BINDIR)/
	cp -R $(SHARE)/. $(DESTDIR)$(DATADIR)/
	rm -rf $(foreach l,$(TEST_ONLY_LANGS),$(DESTDIR)$(DATADIR)/content/$(l) $(DESTDIR)$(DATADIR)/locale/$(l))

clean:
	rm -rf $(BUILD) build-asan

help:
	@sed -n '2,14s/^# \{0,1\}//p' Makefile

-include $(CORE_OBJS:.o=.d) $(TEST_SRCS:%.c=$(BUILD)/obj/%.d)
