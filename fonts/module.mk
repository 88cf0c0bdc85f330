# SPDX-License-Identifier: MIT
# fonts/module.mk - the bundled fonts.
#
# The fonts in this directory are committed, so a build needs no font
# package. `make fonts` regenerates them from Debian's fonts-noto-core with
# pyftsubset (fonttools): a Latin subset that covers English, Spanish and
# the typographic marks we use (about 30 KB each instead of 512 KB), which
# makes handouts small and fast (doc/measurements.md: 2.9 ms vs 11 ms per handout).
# Kerning and ligature tables are dropped on purpose: layout turns those
# features off so Pango and libharu agree on every width.

FONT_SRC_DIR ?= /usr/share/fonts/truetype/noto
FONT_FACES := NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic
# Basic Latin, Latin-1 Supplement, Latin Extended-A (pseudo-locale), general
# punctuation (dashes, quotes, bullet, ellipsis), arrows and a few symbols.
FONT_UNICODES := U+0020-007E,U+00A0-00FF,U+0100-017F,U+0192,U+02C6,U+02DC,U+0300-0301,U+2010-2027,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF,U+2713,U+FFFD

.PHONY: fonts
fonts:
	@for f in $(FONT_FACES); do \
		test -f $(FONT_SRC_DIR)/$$f.ttf || { echo "fonts: $(FONT_SRC_DIR)/$$f.ttf missing: apt-get install fonts-noto-core" >&2; exit 1; }; \
		pyftsubset $(FONT_SRC_DIR)/$$f.ttf --unicodes='$(FONT_UNICODES)' \
			--layout-features='' --no-hinting --desubroutinize \
			--name-IDs='*' --name-languages='*' --drop-tables+=GSUB,GPOS,GDEF,kern \
			--output-file=fonts/$$f.ttf || exit 1; \
		echo "fonts: fonts/$$f.ttf"; \
	done

FONT_FILES := $(FONT_FACES:%=fonts/%.ttf)
DATA += $(FONT_FACES:%=$(SHARE)/fonts/%.ttf) $(SHARE)/fonts/LICENSE.txt

$(SHARE)/fonts/%: fonts/%
	@mkdir -p $(@D)
	cp $< $@
