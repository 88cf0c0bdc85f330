# SPDX-License-Identifier: MIT
# fonts/module.mk - the bundled fonts (fonts/README.md says which and why).
#
# The fonts in this directory are committed, so a build needs no font
# package. `make fonts` regenerates all of them from Debian's
# fonts-noto-core and fonts-noto-cjk with pyftsubset (fonttools):
#
# - NotoSans-*: Latin subset that covers English, Spanish and the
#   typographic marks we use (about 30 KB each instead of 512 KB), which
#   makes handouts small and fast (doc/measurements.md: 2.9 ms vs 11 ms per
#   handout). libharu embeds these; Latin-1 languages load only these.
# - NotoSansAll-*: the same faces with Vietnamese, Greek and Cyrillic
#   added, for languages the Latin subset does not cover (fonts.c loads
#   them instead of NotoSans-*; Cairo draws them).
# - NotoSansArabic-{Regular,Bold}: Arabic, with the shaping tables.
# - NotoSansCJKsc-{Regular,Bold}.otf: Simplified Chinese, GB 2312 level 1
#   hanzi and CJK punctuation (gb2312-level1.py).
#
# Kerning and ligature tables of the Latin faces are dropped on purpose:
# layout turns those features off so Pango and libharu agree on every
# width. The other faces keep the tables their script needs to be shaped
# (Arabic joining, Vietnamese mark positioning).

FONT_SRC_DIR ?= /usr/share/fonts/truetype/noto
FONT_CJK_SRC ?= /usr/share/fonts/opentype/noto
FONT_FACES := NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic
FONT_ALL_FACES := $(FONT_FACES:NotoSans-%=NotoSansAll-%)
FONT_ARABIC_FACES := NotoSansArabic-Regular NotoSansArabic-Bold
FONT_CJK_FACES := NotoSansCJKsc-Regular NotoSansCJKsc-Bold
# Basic Latin, Latin-1 Supplement, Latin Extended-A (pseudo-locale), general
# punctuation (dashes, quotes, bullet, ellipsis), arrows and a few symbols.
FONT_UNICODES := U+0020-007E,U+00A0-00FF,U+0100-017F,U+0192,U+02C6,U+02DC,U+0300-0301,U+2010-2027,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF,U+2713,U+FFFD
# ... plus Vietnamese (Latin Extended-B's horned letters, combining marks,
# Latin Extended Additional), Greek, Cyrillic and the narrow no-break
# space (French).
FONT_ALL_UNICODES := $(FONT_UNICODES),U+0180-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+0500-052F,U+1E00-1EFF,U+202F,U+20AB
# Arabic, its supplement and presentation forms, Arabic digits; the
# directional marks and isolates (phone numbers inside Arabic text).
FONT_ARABIC_UNICODES := U+0020-007E,U+00A0,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2066-2069,U+25CC
# CJK symbols and punctuation, fullwidth forms, and the level-1 hanzi.
FONT_CJK_UNICODES = U+3000-303F,U+FF01-FF5E,U+FF61-FF65,U+00B7,U+2014,U+2018-2019,U+201C-201D,U+2026,$(shell $(CURDIR)/fonts/gb2312-level1.py)

# pyftsubset FILE UNICODES LAYOUT-FEATURES EXTRA-OPTIONS OUT
subset_font = pyftsubset $(1) --unicodes='$(2)' --layout-features='$(3)' --no-hinting \
	--desubroutinize --name-IDs='*' --name-languages='*' $(4) --output-file=$(5) \
	&& echo "fonts: $(5)"

.PHONY: fonts
fonts:
	@for f in $(FONT_FACES) $(FONT_ARABIC_FACES); do \
		test -f $(FONT_SRC_DIR)/$$f.ttf || { echo "fonts: $(FONT_SRC_DIR)/$$f.ttf missing: apt-get install fonts-noto-core" >&2; exit 1; }; \
	done
	@for s in Regular Bold; do \
		test -f $(FONT_CJK_SRC)/NotoSansCJK-$$s.ttc || { echo "fonts: $(FONT_CJK_SRC)/NotoSansCJK-$$s.ttc missing: apt-get install fonts-noto-cjk" >&2; exit 1; }; \
	done
	@for f in $(FONT_FACES); do \
		$(call subset_font,$(FONT_SRC_DIR)/$$f.ttf,$(FONT_UNICODES),,--drop-tables+=GSUB$(,)GPOS$(,)GDEF$(,)kern,fonts/$$f.ttf) || exit 1; \
	done
	@for s in Regular Bold Italic BoldItalic; do \
		$(call subset_font,$(FONT_SRC_DIR)/NotoSans-$$s.ttf,$(FONT_ALL_UNICODES),ccmp$(,)locl$(,)mark$(,)mkmk,--drop-tables+=kern,fonts/NotoSansAll-$$s.ttf) || exit 1; \
	done
	@for f in $(FONT_ARABIC_FACES); do \
		$(call subset_font,$(FONT_SRC_DIR)/$$f.ttf,$(FONT_ARABIC_UNICODES),*,,fonts/$$f.ttf) || exit 1; \
	done
	@for s in Regular Bold; do \
		$(call subset_font,$(FONT_CJK_SRC)/NotoSansCJK-$$s.ttc,$(FONT_CJK_UNICODES),*,--font-number=2,fonts/NotoSansCJKsc-$$s.otf) || exit 1; \
	done

, := ,
FONT_FILES := $(FONT_FACES:%=fonts/%.ttf) $(FONT_ALL_FACES:%=fonts/%.ttf) \
              $(FONT_ARABIC_FACES:%=fonts/%.ttf) $(FONT_CJK_FACES:%=fonts/%.otf)
DATA += $(FONT_FILES:fonts/%=$(SHARE)/fonts/%) $(SHARE)/fonts/LICENSE.txt

$(SHARE)/fonts/%: fonts/%
	@mkdir -p $(@D)
	cp $< $@
