# kiosk/module.mk - the fullscreen touch kiosk (build/bin/kiosk).
#
#   make kiosk                 build and start it in a window
#   make check-kiosk-headless  replay kiosk/tests/*.kiosk (every screen, en + es)
#   make check-kiosk-print     printing against a fake lp (success, failure)
#   make check-kiosk-xvfb      the real window under Xvfb, driven by xdotool
#   make check-kiosk-soak      10,000 events under valgrind, memory flat
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

$(KIOSK): $(BUILD)/obj/kiosk/main.o $(KIOSK_LIB) $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< $(KIOSK_LIB) $(LIBPE) $(ALL_LIBS)

# Unit tests of kiosk modules link libkiosk.a before libpe.a.
KIOSK_TESTS := $(BUILD)/tests/test_app $(BUILD)/tests/test_screens
$(KIOSK_TESTS): $(KIOSK_LIB)
$(KIOSK_TESTS): ALL_LIBS = $(KIOSK_LIB) $(LIBPE) $(PKG_LIBS) $(EXTRA_LIBS)

-include $(KIOSK_OBJS:.o=.d) $(BUILD)/obj/kiosk/main.d
