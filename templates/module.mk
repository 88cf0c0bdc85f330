# SPDX-License-Identifier: MIT
# templates/module.mk - stage the handout templates (data, not code).
TEMPLATE_SRCS := $(wildcard templates/*.ini)
DATA += $(TEMPLATE_SRCS:templates/%=$(SHARE)/templates/%)

$(SHARE)/templates/%.ini: templates/%.ini
	@mkdir -p $(@D)
	cp $< $@
