# SPDX-License-Identifier: MIT
# handout/module.mk - the handout command, its end-to-end check, the
# benchmark, and `make handouts` (the product's main job).

HANDOUT_BIN := $(BUILD)/bin/handout
PROGRAMS += $(HANDOUT_BIN)
CHECKS += check-handout check-faults
BENCHES += bench-handout

# The handout command is started once per PDF, so start-up counts. The
# dynamic loader resolves every symbol reference of every library by
# searching the libraries in the order the program names them; naming the
# ones most symbols come from first (libc, then glib/gobject, HarfBuzz,
# Pango, fontconfig, FreeType: all loaded anyway) cuts the loader's
# lookups (callgrind: 37.6M -> 36.6M instructions per handout). Not with
# sanitizers, whose runtime must come first.
ifneq ($(SANITIZE),1)
HANDOUT_FIRST_LIBS = -Wl,--no-as-needed -lc -lglib-2.0 -lgobject-2.0 -lharfbuzz -lpango-1.0 \
                     -lfontconfig -lfreetype -Wl,--as-needed
endif

$(HANDOUT_BIN): $(BUILD)/obj/handout/handout.o $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(HANDOUT_FIRST_LIBS) $< $(LIBPE) $(ALL_LIBS)

-include $(BUILD)/obj/handout/handout.d

.PHONY: handouts write-handouts check-handout check-faults bench-handout update-references

# Every topic x language (Letter and large print), bilingual, wallet cards.
# README's main command: installs missing packages first (make deps), then
# builds and writes in a make that finds every library.
handouts: deps
	@$(MAKE) --no-print-directory write-handouts

write-handouts: $(HANDOUT_BIN) data
	@rm -rf $(BUILD)/handouts
	@$(TEST_ENV) $(HANDOUT_BIN) --all --out-dir $(BUILD)/handouts

check-handout: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-e2e.py

# Fault injection (tests/faults.sh): full disk, device as OUT, damaged
# logo/catalogue/font/site files, SIGKILL, two runs on one OUT. The tmpfs
# and device-node cases need root and are skipped with a message without.
check-faults: $(HANDOUT_BIN) $(BUILD)/bin/kiosk data
	@$(TEST_ENV) tests/faults.sh $(HANDOUT_BIN) $(BUILD)/bin/kiosk

bench-handout: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-bench.sh

# Regenerate the reference PNGs (tests/reference/) on purpose, after a
# deliberate change of the look; review them before committing.
update-references: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-e2e.py --update-references
