# SPDX-License-Identifier: MIT
# tests/scripts.mk - every script in handouts: check-scripts (make check).
#
# Fixture languages (tests/fixtures/scripts/<code>/{ui,content}.po: a few
# real strings each, the rest English) in Vietnamese, Russian, Simplified
# Chinese and Arabic, and Thai (no bundled font: refused), are staged with
# the real data into $(SCRIPTS_SHARE), a data directory of their own, so
# they never show in the product's. tests/scripts-e2e.py then makes a
# handout in each and checks: the Cairo route was taken (libharu for
# English), pdftotext gives back every msgstr with no poppler warning,
# qpdf --check is clean, the Cairo painter finds every glyph, the kiosk
# shows home and the topic with every glyph (screenshots in
# $(BUILD)/scripts); and Thai is refused naming the language and script.

SCRIPTS_FIX := tests/fixtures/scripts
SCRIPTS_LANGS := vi ru zh_CN ar
SCRIPTS_UI_ONLY := th
SCRIPTS_DATA := $(BUILD)/scripts-data
SCRIPTS_SHARE := $(SCRIPTS_DATA)/patient-ed
SCRIPTS_KIOSK_SHARE := $(SCRIPTS_DATA)/kiosk/patient-ed
SCRIPTS_PAINT := $(BUILD)/tests/scripts-paint
SCRIPTS_STAGED :=

define SCRIPTS_LANG_UI
SCRIPTS_STAGED += $(SCRIPTS_SHARE)/locale/$(1)/LC_MESSAGES/patient-ed.mo
$(SCRIPTS_SHARE)/locale/$(1)/LC_MESSAGES/patient-ed.mo: $(SCRIPTS_FIX)/$(1)/ui.po
	@mkdir -p $$(@D)
	$(Q)msgfmt --check -o $$@ $$<
endef

define SCRIPTS_LANG_CONTENT
SCRIPTS_STAGED += $(PO_TOPICS:%=$(SCRIPTS_SHARE)/content/$(1)/%)
$(SCRIPTS_DATA)/mo/$(1)/content.mo: $(SCRIPTS_FIX)/$(1)/content.po
	@mkdir -p $$(@D)
	$(Q)msgfmt --check -o $$@ $$<
$(SCRIPTS_SHARE)/content/$(1)/%.xml: content/%.xml $(SCRIPTS_DATA)/mo/$(1)/content.mo $(ITS_RULES)
	@mkdir -p $$(@D)
	$(Q)itstool -m $(SCRIPTS_DATA)/mo/$(1)/content.mo -l $(1) -i $(ITS_RULES) --strict -o $$@.tmp $$<
	$(Q)xmllint --noout --relaxng content/topic.rng $$@.tmp 2>/dev/null
	@mv $$@.tmp $$@
endef

$(foreach l,$(SCRIPTS_LANGS) $(SCRIPTS_UI_ONLY),$(eval $(call SCRIPTS_LANG_UI,$(l))))
$(foreach l,$(SCRIPTS_LANGS),$(eval $(call SCRIPTS_LANG_CONTENT,$(l))))

# The rest of the data directory: links to the staged product data, and a
# LINGUAS with the fixture languages added.
$(SCRIPTS_DATA)/stamp: $(SCRIPTS_STAGED) $(DATA) tests/scripts.mk
	@mkdir -p $(SCRIPTS_SHARE)/content $(SCRIPTS_SHARE)/locale
	$(Q)for e in $(abspath $(SHARE))/*; do case $${e##*/} in \
		LINGUAS|content|locale) ;; \
		*) ln -sfn "$$e" $(SCRIPTS_SHARE)/; esac; done
	$(Q)for d in content locale; do for e in $(abspath $(SHARE))/$$d/*; do \
		ln -sfn "$$e" $(SCRIPTS_SHARE)/$$d/; done; done
	$(Q){ cat $(SHARE)/LINGUAS; printf '%s\n' $(SCRIPTS_LANGS) $(SCRIPTS_UI_ONLY); } > $(SCRIPTS_SHARE)/LINGUAS
	@# The kiosk's copy: without the refused languages (a kiosk offering
	@# one refuses to start, as it should).
	@mkdir -p $(SCRIPTS_KIOSK_SHARE)
	$(Q)for e in $(abspath $(SCRIPTS_SHARE))/*; do [ $${e##*/} = LINGUAS ] || ln -sfn "$$e" $(SCRIPTS_KIOSK_SHARE)/; done
	$(Q){ cat $(SHARE)/LINGUAS; printf '%s\n' $(SCRIPTS_LANGS); } > $(SCRIPTS_KIOSK_SHARE)/LINGUAS
	@touch $@

$(SCRIPTS_PAINT): $(BUILD)/obj/$(SCRIPTS_FIX)/paint-handout.o $(LIBPE)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBPE) $(ALL_LIBS)

-include $(BUILD)/obj/$(SCRIPTS_FIX)/paint-handout.d

TOOLS += $(SCRIPTS_PAINT)
CHECKS += check-scripts
.PHONY: check-scripts

check-scripts: $(SCRIPTS_DATA)/stamp $(SCRIPTS_PAINT) $(BUILD)/bin/handout $(KIOSK)
	@PE_DATADIR=$(abspath $(SCRIPTS_SHARE)) $(PY) tests/scripts-e2e.py \
		--handout $(BUILD)/bin/handout --paint $(SCRIPTS_PAINT) --fixtures $(SCRIPTS_FIX) \
		--kiosk $(KIOSK) --kiosk-data $(abspath $(SCRIPTS_KIOSK_SHARE)) \
		--out $(BUILD)/scripts --langs "$(SCRIPTS_LANGS)" --refused "$(SCRIPTS_UI_ONLY)"
