# SPDX-License-Identifier: MIT
# tools/module.mk - the content lint (pe-lint) and its checks.
#
#   make lint                 schema, sources, required topics, readability
#                             table for content/ (English) and every other
#                             language of $(LINT_DATA)/LINGUAS
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

.PHONY: lint check-lint-fixtures check-lint-langs check-lint-scripts
CHECKS += lint check-lint-fixtures check-lint-langs check-lint-scripts

# Every language of LINGUAS in the built data (LINT_DATA; e.g.
# LINT_DATA=build/scripts-data/patient-ed for the fixture languages of
# tests/scripts.mk), with the same rules (tools/lint-langs).
LINT_DATA ?= $(SHARE)
lint: $(PE_LINT) data
	@echo "pe-lint: English source (content/)"
	@$(PE_LINT) --lang en $(LINT_FLAGS) content
	@tools/lint-langs $(PE_LINT) $(LINT_DATA) $(LINT_FLAGS)

# The fixture languages of tests/scripts.mk (vi, ru, zh_CN, ar), staged
# with the real data, pass the same lint.
check-lint-scripts: $(PE_LINT) $(SCRIPTS_DATA)/stamp
	@tools/lint-langs $(PE_LINT) $(SCRIPTS_SHARE) $(LINT_FLAGS)

# tools/lint-langs on a data directory with a third language (vi) whose
# topic has a fault: it must fail and name the file and line.
check-lint-langs: $(PE_LINT)
	@tmp=$$(mktemp -d); \
	mkdir -p $$tmp/content/es $$tmp/content/vi; \
	printf 'en\nes\nvi\nth\n' > $$tmp/LINGUAS; \
	cp tests/fixtures/lint/good/*.xml $$tmp/content/es/; \
	cp tests/fixtures/lint/third-language/sot.xml $$tmp/content/vi/; \
	out=$$(tools/lint-langs $(PE_LINT) $$tmp --schema $(LINT_SCHEMA) 2>&1); rc=$$?; \
	rm -rf $$tmp; \
	if [ $$rc -eq 1 ] && printf '%s\n' "$$out" | grep -qF "$$tmp/content/vi/sot.xml:14: <p>: phone number outside <phone>" && \
	   printf '%s\n' "$$out" | grep -qF "pe-lint (es): 1 files, 0 errors" && \
	   printf '%s\n' "$$out" | grep -qF "th: no topics"; then \
		echo "ok   lint-langs: the third language's fault named with its line"; \
	else \
		echo "FAIL lint-langs: exit $$rc:"; printf '%s\n' "$$out" | sed 's/^/  /'; exit 1; \
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
