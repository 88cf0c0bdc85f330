# SPDX-License-Identifier: MIT
# tests/fuzz/module.mk - libFuzzer harnesses (clang, ASan + UBSan).
#
#   make fuzz                  every target for FUZZ_SECONDS (default 60) each
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=pdf
#   make fuzz FUZZ_FLAGS="-fork=1 -ignore_crashes=1"   keep going past a crash
#   make check-fuzz            CI: every target 30 s from the seed corpus, then
#                              every saved crash input replayed once
#
# Targets (tests/fuzz/fuzz_<target>.c): topic (topic loader + schema), site
# (site file), template (template .ini, then a layout with it), script (kiosk
# headless script), pdf (topic -> layout -> check -> PDF). The harnesses and
# a copy of the core library and the kiosk built with clang and
# -fsanitize=fuzzer-no-link go into $(FUZZ_BUILD) through a sub-make, with
# their own staged data; the normal build is untouched. tests/fuzz/run runs
# them (README "Fuzzing").

FUZZ_BUILD := build-fuzz
FUZZ_CC := clang
FUZZ_TARGETS ?= topic site template script pdf
FUZZ_SECONDS ?= 60
FUZZ_CHECK_SECONDS ?= 30
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)

FUZZ_ALL := topic site template script pdf
FUZZ_OBJDIR := $(BUILD)/obj/tests/fuzz
FUZZ_BINS := $(FUZZ_ALL:%=$(BUILD)/fuzz/fuzz_%)

.SECONDARY: $(FUZZ_ALL:%=$(FUZZ_OBJDIR)/fuzz_%.o) $(FUZZ_OBJDIR)/fuzz.o
$(FUZZ_OBJDIR)/%.o: ALL_CFLAGS += -Ikiosk -Itests/fuzz

# Linked only inside the sub-make below (CC=clang, the fuzzer flags). The
# kiosk speaks through speech/ (KIOSK_SPEECH_LIB, kiosk/module.mk).
$(BUILD)/fuzz/fuzz_%: $(FUZZ_OBJDIR)/fuzz_%.o $(FUZZ_OBJDIR)/fuzz.o $(KIOSK_LIB) $(KIOSK_SPEECH_LIB) $(LIBPE)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_OBJDIR)/fuzz.o \
		$(KIOSK_LIB) $(KIOSK_SPEECH_LIB) $(LIBPE) $(ALL_LIBS)

-include $(FUZZ_ALL:%=$(FUZZ_OBJDIR)/fuzz_%.d) $(FUZZ_OBJDIR)/fuzz.d

.PHONY: fuzz check-fuzz fuzz-build fuzz-bins clean-fuzz

fuzz-bins: $(FUZZ_BINS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
		fuzz-bins data

fuzz: fuzz-build
	@FUZZ_FLAGS="$(FUZZ_FLAGS)" tests/fuzz/run --seconds $(FUZZ_SECONDS) $(FUZZ_BUILD) $(FUZZ_TARGETS)

check-fuzz: fuzz-build
	@FUZZ_FLAGS="$(FUZZ_FLAGS)" tests/fuzz/run --check --seconds $(FUZZ_CHECK_SECONDS) $(FUZZ_BUILD) $(FUZZ_TARGETS)

clean-fuzz:
	rm -rf $(FUZZ_BUILD)
clean: clean-fuzz

SLOW_CHECKS += check-fuzz
