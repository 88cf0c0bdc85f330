# handout/module.mk - the handout command, its end-to-end check, the
# benchmark, and `make handouts` (the product's main job).

HANDOUT_BIN := $(BUILD)/bin/handout
PROGRAMS += $(HANDOUT_BIN)
CHECKS += check-handout
BENCHES += bench-handout

$(HANDOUT_BIN): $(BUILD)/obj/handout/handout.o $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< $(LIBPE) $(ALL_LIBS)

-include $(BUILD)/obj/handout/handout.d

.PHONY: handouts check-handout bench-handout update-references

# Every topic x language (Letter and large print), bilingual, wallet cards.
handouts: $(HANDOUT_BIN) data
	@rm -rf $(BUILD)/handouts
	@$(TEST_ENV) $(HANDOUT_BIN) --all --out-dir $(BUILD)/handouts

check-handout: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-e2e.py

bench-handout: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-bench.sh

# Regenerate the reference PNGs (tests/reference/) on purpose, after a
# deliberate change of the look; review them before committing.
update-references: $(HANDOUT_BIN) data
	@$(TEST_ENV) tests/handout-e2e.py --update-references
