# SPDX-License-Identifier: MIT
# tools/module.mk - the content lint (pe-lint) and its checks.
#
#   make lint                 schema, sources, required topics, readability
#                             table for content/ (English) and, when built,
#                             $(SHARE)/content/es (Spanish)
#   make check-lint-fixtures  pe-lint must reject each bad fixture in
#                             tests/fixtures/lint/ with the expected message
#
# pe-lint is a build tool, not a product program: it stays out of PROGRAMS
# so `make install` does not ship it.

PE_LINT := $(BUILD)/bin/pe-lint
LINT_OBJ := $(BUILD)/obj/tools/lint.o
LINT_SCHEMA ?= content/topic.rng
LINT_FLAGS := --schema $(LINT_SCHEMA) --required content/required-topics.txt \
	--signs content/signs.tsv

$(PE_LINT): $(LINT_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(LINT_OBJ) $(ALL_LIBS)

-include $(LINT_OBJ:.o=.d)

.PHONY: lint check-lint-fixtures
CHECKS += lint check-lint-fixtures

lint: $(PE_LINT)
	@echo "pe-lint: English source (content/)"
	@$(PE_LINT) --lang en $(LINT_FLAGS) content
	@if [ -d $(SHARE)/content/es ]; then \
		echo "pe-lint: Spanish ($(SHARE)/content/es)"; \
		$(PE_LINT) --lang es $(LINT_FLAGS) $(SHARE)/content/es; \
	else \
		echo "pe-lint: no $(SHARE)/content/es yet (run make first): Spanish not checked"; \
	fi

# Each fixture directory holds topic files, an optional "args" file (extra
# pe-lint options) and an "expect" file: line 1 is "pass" or "fail", every
# further line is text that must appear in pe-lint's output.
check-lint-fixtures: $(PE_LINT)
	@failed=0; \
	for dir in tests/fixtures/lint/*/; do \
		dir=$${dir%/}; name=$${dir##*/}; \
		want=$$(sed -n 1p $$dir/expect); \
		args=$$(cat $$dir/args 2>/dev/null); \
		out=$$($(PE_LINT) --schema $(LINT_SCHEMA) $$args $$dir 2>&1); rc=$$?; \
		ok=1; \
		case "$$want" in \
		pass) [ $$rc -eq 0 ] || ok=0 ;; \
		fail) [ $$rc -eq 1 ] || ok=0 ;; \
		*) ok=0 ;; \
		esac; \
		missing=$$(sed 1d $$dir/expect | while IFS= read -r line; do \
			printf '%s\n' "$$out" | grep -qF -- "$$line" || echo "$$line"; done); \
		[ -z "$$missing" ] || { ok=0; printf '  missing: %s\n' "$$missing"; }; \
		if [ $$ok -eq 1 ]; then echo "ok   $$name ($$want)"; \
		else echo "FAIL $$name: expected $$want, pe-lint exit $$rc:"; printf '%s\n' "$$out" | sed 's/^/  /'; failed=1; fi; \
	done; \
	[ $$failed -eq 0 ]
