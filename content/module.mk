# SPDX-License-Identifier: MIT
# content/module.mk - stage the English source content and its schema.
#
# English is the source language: content/*.xml is copied as it is to
# $(SHARE)/content/en/. Other languages are merged from locales/ (see
# locales/module.mk). Each file is validated against the schema first, so
# a broken topic stops the build with xmllint's file:line message.

CONTENT_SRCS := $(wildcard content/*.xml)
CONTENT_EN := $(CONTENT_SRCS:content/%=$(SHARE)/content/en/%)
DATA += $(SHARE)/topic.rng $(CONTENT_EN)

$(SHARE)/topic.rng: content/topic.rng
	@mkdir -p $(@D)
	cp $< $@

$(SHARE)/content/en/%.xml: content/%.xml content/topic.rng
	@mkdir -p $(@D)
	@xmllint --noout --relaxng content/topic.rng $< 2>&1 | grep -v ' validates$$' >&2; \
		xmllint --noout --relaxng content/topic.rng $< 2>/dev/null
	cp $< $@
