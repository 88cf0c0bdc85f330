/* SPDX-License-Identifier: MIT */
/*
 * picture_words.c - the words the drawn pictures (pictures.c) put on the
 * page that are not in the content: time-axis landmarks and the legend,
 * as gettext keys (pe_layout_picture_word_key in layout.h).
 *
 * Its own file so that layout.c (pe_style_default puts the English ones
 * in a style) and pictures.c both use it without depending on each other.
 * Only keys: nothing here translates, measures or draws.
 */
#include "layout.h"

#include "i18n.h"

/* The words pictures draw that are not in the content, as gettext keys
 * in the order of pe_style.words (layout.h). Only keys: the caller
 * translates them (pe_handout_picture_words), so laying out never
 * switches the language and one layout serves a kiosk screen in one
 * language and a handout in another. */
static const char *const word_keys[PE_PICTURE_WORDS] = {
	/* TRANSLATORS: under the time axis of the care timeline: the moment
	   of the infusion. One short word. */
	[PE_WORD_INFUSION] = NC_("timeline", "Infusion"),
	/* TRANSLATORS: under the time axis of the care timeline (2 days
	   before the infusion). Keep it short. */
	[PE_WORD_2_DAYS_BEFORE] = NC_("timeline", "2 days before"),
	/* TRANSLATORS: under the time axis of the care timeline (after the
	   infusion). Keep it short. */
	[PE_WORD_1_DAY] = NC_("timeline", "1 day"),
	/* TRANSLATORS: under the time axis of the care timeline. */
	[PE_WORD_3_DAYS] = NC_("timeline", "3 days"),
	/* TRANSLATORS: under the time axis of the care timeline. */
	[PE_WORD_3_WEEKS] = NC_("timeline", "3 weeks"),
	/* TRANSLATORS: under the time axis of the care timeline. */
	[PE_WORD_1_WEEK] = NC_("timeline", "1 week"),
	/* TRANSLATORS: under the time axis of the care timeline (6 hours
	   after the start of the infusion). Keep it short. */
	[PE_WORD_6_HOURS] = NC_("timeline", "6 hours"),
	/* TRANSLATORS: under the time axis of the care timeline. */
	[PE_WORD_2_DAYS] = NC_("timeline", "2 days"),
	/* TRANSLATORS: legend of the care timeline: colour of the things the
	   patient does (drink fluids, rest). Short. */
	[PE_WORD_LEGEND_CARE] = NC_("timeline", "What you do"),
	/* TRANSLATORS: legend of the care timeline: colour of side effects. */
	[PE_WORD_LEGEND_EFFECT] = NC_("timeline", "Side effects"),
	/* TRANSLATORS: legend of the care timeline: colour of rare, serious
	   problems to watch for. Short. */
	[PE_WORD_LEGEND_WARNING] = NC_("timeline", "Watch for"),
	/* TRANSLATORS: legend of the care timeline: colour of the good effect
	   of the treatment. */
	[PE_WORD_LEGEND_BENEFIT] = NC_("timeline", "Benefit"),
};

const char *pe_layout_picture_word_key(int i)
{
	return i >= 0 && i < PE_PICTURE_WORDS ? word_keys[i] : "";
}
