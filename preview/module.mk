# SPDX-License-Identifier: MIT
# preview/module.mk - pe-layout-preview, a developer tool that paints the
# layout of a sample topic (every block kind) to PNG with the product's
# Cairo painter (core/cairo_paint.c), to look at what layout makes.

PREVIEW_SRCS := preview/layout-preview.c preview/sample.c
PREVIEW_OBJS := $(PREVIEW_SRCS:%.c=$(BUILD)/obj/%.o)
TOOLS += $(BUILD)/bin/pe-layout-preview

$(PREVIEW_OBJS): ALL_CFLAGS += -Ipreview

$(BUILD)/bin/pe-layout-preview: $(PREVIEW_OBJS) $(LIBPE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(PREVIEW_OBJS) $(LIBPE) $(ALL_LIBS)

-include $(PREVIEW_OBJS:.o=.d)

# Layout speed: the sample topic (~450 words, every block kind, one
# handout page or so) laid out (measured, then drawn) 500 times.
BENCHES += bench-layout
.PHONY: bench-layout
bench-layout: $(BUILD)/bin/pe-layout-preview data
	@$(TEST_ENV) $(BUILD)/bin/pe-layout-preview -b 500
	@$(TEST_ENV) $(BUILD)/bin/pe-layout-preview -b 500 -S 0
