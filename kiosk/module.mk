# SPDX-License-Identifier: MIT
# kiosk/module.mk - the fullscreen touch kiosk (build/bin/kiosk).
#
#   make kiosk                 build and start it in a window
#   make check-kiosk-headless  replay kiosk/tests/*.kiosk (every screen, en + es)
#   make check-kiosk-print     printing against a fake lp (success, failure)
#   make check-kiosk-xvfb      the real window under Xvfb, driven by xdotool (slow)
#   make check-kiosk-soak      10,000 events under valgrind, memory flat (slow)
#   make bench-kiosk           first frame, memory, idle wake-ups, frame times
#
# Everything but main.c goes into libkiosk.a so the unit tests
# (tests/test_app.c, tests/test_screens.c) link the same code.

KIOSK_SRCS := $(filter-out kiosk/main.c,$(wildcard kiosk/*.c))
KIOSK_OBJS := $(KIOSK_SRCS:%.c=$(BUILD)/obj/%.o)
KIOSK_LIB := $(BUILD)/libkiosk.a
KIOSK := $(BUILD)/bin/kiosk

PROGRAMS += $(KIOSK)

$(KIOSK_LIB): $(KIOSK_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

# The kiosk speaks through speech/ (its module.mk comes after this one:
# the library's path is spelled out here).
KIOSK_SPEECH_LIB := $(BUILD)/libpespeech.a

$(KIOSK): $(BUILD)/obj/kiosk/main.o $(KIOSK_LIB) $(KIOSK_SPEECH_LIB) $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(KIOSK_LIB) $(KIOSK_SPEECH_LIB) $(LIBPE) $(ALL_LIBS)

# Unit tests of kiosk modules link libkiosk.a before libpe.a.
KIOSK_TESTS := $(BUILD)/tests/test_app $(BUILD)/tests/test_screens
$(KIOSK_TESTS): $(KIOSK_LIB) $(KIOSK_SPEECH_LIB)
$(KIOSK_TESTS): ALL_LIBS = $(KIOSK_LIB) $(KIOSK_SPEECH_LIB) $(LIBPE) $(PKG_LIBS) $(EXTRA_LIBS)

-include $(KIOSK_OBJS:.o=.d) $(BUILD)/obj/kiosk/main.d

# ---- running and checking ---------------------------------------------------
KIOSK_SHOTS := $(BUILD)/kiosk-shots
KIOSK_ENV = $(TEST_ENV)

.PHONY: kiosk check-kiosk-headless check-kiosk-print check-kiosk-xvfb check-kiosk-soak bench-kiosk

# Build and start the kiosk in a window (Ctrl+Q is not a kiosk thing: close
# the window, or use the staff menu's Exit).
kiosk: $(KIOSK) data
	$(KIOSK_ENV) $(KIOSK) --windowed

check-kiosk-headless: $(KIOSK) data
	@$(KIOSK_ENV) kiosk/tests/run-headless $(KIOSK) $(KIOSK_SHOTS)

check-kiosk-print: $(KIOSK) data
	@$(KIOSK_ENV) kiosk/tests/run-print $(KIOSK) $(KIOSK_SHOTS)

check-kiosk-xvfb: $(KIOSK) data
	@$(KIOSK_ENV) kiosk/tests/run-xvfb $(KIOSK) $(BUILD)/kiosk-xvfb

check-kiosk-soak: $(KIOSK) data
	@$(KIOSK_ENV) kiosk/tests/run-soak $(KIOSK) $(BUILD)/kiosk-soak

bench-kiosk: $(KIOSK) data
	@$(KIOSK_ENV) kiosk/tests/bench $(KIOSK) $(BUILD)/kiosk-bench

CHECKS += check-kiosk-headless check-kiosk-print
SLOW_CHECKS += check-kiosk-xvfb check-kiosk-soak
BENCHES += bench-kiosk

# ---- deployment: the systemd unit and the .desktop file --------------------
# Made from kiosk/deploy/*.in with the install paths (the unit must name
# the program where `make install` puts it, not a fixed /usr/local/bin).
KIOSK_UNIT := $(BUILD)/deploy/patient-ed-kiosk.service
KIOSK_DESKTOP := $(BUILD)/deploy/patient-ed-kiosk.desktop
UNITS += $(KIOSK_UNIT)
DESKTOP_FILES += $(KIOSK_DESKTOP)

$(KIOSK_UNIT) $(KIOSK_DESKTOP): $(BUILD)/deploy/%: kiosk/deploy/%.in $(BUILD)/install-paths
	@mkdir -p $(@D)
	$(SUBST) $< > $@.tmp
	@mv $@.tmp $@
