# SPDX-License-Identifier: MIT
# speech/module.mk - offline text-to-speech (libespeak-ng) for the kiosk's
# "Listen" button, and the pe-speak command (a topic or stdin to a WAV).
#
#   make bench-speech   say() to first sample, CPU per topic, RSS
#
# Everything but pe-speak.c goes into libpespeech.a. A program that speaks
# links $(SPEECH_LIB) before $(LIBPE) (the kiosk: $(KIOSK_LIB) $(SPEECH_LIB)
# $(LIBPE) $(ALL_LIBS)); espeak-ng and sndfile come with PKG_LIBS
# (config.mk PKGS), the worker thread's -pthread with EXTRA_LIBS.
#
# speech/speech.h includes "core/error.h": sources that include it
# ("speech/speech.h") compile with the top directory on the include path.

ALL_CFLAGS += -I.

SPEECH_SRCS := $(filter-out speech/pe-speak.c,$(wildcard speech/*.c))
SPEECH_OBJS := $(SPEECH_SRCS:%.c=$(BUILD)/obj/%.o)
SPEECH_LIB := $(BUILD)/libpespeech.a
PE_SPEAK := $(BUILD)/bin/pe-speak

TOOLS += $(PE_SPEAK)

$(SPEECH_LIB): $(SPEECH_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(PE_SPEAK): $(BUILD)/obj/speech/pe-speak.o $(SPEECH_LIB) $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(SPEECH_LIB) $(LIBPE) $(ALL_LIBS)

# Unit tests of the engine link libpespeech.a before libpe.a.
SPEECH_TESTS := $(BUILD)/tests/test_speech
$(SPEECH_TESTS): $(SPEECH_LIB)
$(SPEECH_TESTS): ALL_LIBS = $(SPEECH_LIB) $(LIBPE) $(PKG_LIBS) $(EXTRA_LIBS)

-include $(SPEECH_OBJS:.o=.d) $(BUILD)/obj/speech/pe-speak.d

.PHONY: bench-speech check-speech

# Every topic x en/es through pe-speak into WAVs; sox says each is heard,
# and the table of durations is printed.
check-speech: $(PE_SPEAK) data
	@$(TEST_ENV) speech/tests/check-speech $(PE_SPEAK) $(BUILD)/speech-wav

# say() to first sample, CPU while speaking and to synthesize a topic,
# idle wake-ups, peak RSS: en and es, the longest topic.
bench-speech: $(PE_SPEAK) data
	@$(TEST_ENV) speech/tests/bench $(PE_SPEAK)

CHECKS += check-speech
BENCHES += bench-speech
