/* SPDX-License-Identifier: MIT */
/*
 * test_fonts.c - the bundled fonts load into a private fontconfig, and
 * every way of not finding them is an error that names the file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fonts.h"
#include "paths.h"

static const char *const files[PE_FACE_COUNT] = {
	"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
	"NotoSans-BoldItalic.ttf",
};

static const char *font_dir(void)
{
	static char dir[4096];
	assert_non_null(pe_paths_data(dir, sizeof dir, "fonts"));
	return dir;
}

/* A scratch directory with the named faces copied in (others missing). */
static char *scratch_dir(const bool *present)
{
	char tmpl[] = "/tmp/pe-fonts-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		if (!present[f])
			continue;
		char src[4200], dst[4200], cmd[9000];
		snprintf(src, sizeof src, "%s/%s", font_dir(), files[f]);
		snprintf(dst, sizeof dst, "%s/%s", dir, files[f]);
		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", src, dst);
		assert_int_equal(system(cmd), 0);
	}
	return strdup(dir);
}

static void remove_dir(char *dir)
{
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static void loads_the_four_faces(void **state)
{
	(void)state;
	pe_error err = { "" };
	pe_fonts *fonts = pe_fonts_load(font_dir(), &err);
	assert_non_null(fonts);
	assert_string_equal(pe_fonts_family(fonts), "Noto Sans");
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		const char *p = pe_fonts_path(fonts, (pe_face)f);
		assert_non_null(p);
		assert_true(p[0] == '/');
		const char *base = strrchr(p, '/') + 1;
		assert_string_equal(base, files[f]);
		assert_int_equal(access(p, R_OK), 0);
	}
	assert_null(pe_fonts_path(fonts, PE_FACE_COUNT));
	pe_fonts_destroy(fonts);
}

/* The private configuration is fontconfig's current one while it lives,
 * so Pango's FcInit() finds it instead of parsing the system fonts.conf
 * (see fonts.c); destroying an older set leaves a newer one current. */
static void config_is_fontconfigs_current_one(void **state)
{
	(void)state;
	pe_error err = { "" };
	pe_fonts *a = pe_fonts_load(font_dir(), &err);
	assert_non_null(a);
	assert_ptr_equal(FcConfigGetCurrent(), pe_fonts_config(a));
	pe_fonts *b = pe_fonts_load(font_dir(), &err);
	assert_non_null(b);
	assert_ptr_equal(FcConfigGetCurrent(), pe_fonts_config(b));
	pe_fonts_destroy(a);
	assert_ptr_equal(FcConfigGetCurrent(), pe_fonts_config(b));
	/* the application fonts survive being made current */
	FcFontSet *app = FcConfigGetFonts(pe_fonts_config(b), FcSetApplication);
	assert_non_null(app);
	assert_int_equal(app->nfont, PE_FACE_COUNT);
	pe_fonts_destroy(b);
}

/* Only our four files are in the configuration, and a request for any
 * other family still resolves to one of them: no system font can leak in. */
static void config_holds_only_bundled_fonts(void **state)
{
	(void)state;
	pe_error err = { "" };
	pe_fonts *fonts = pe_fonts_load(font_dir(), &err);
	assert_non_null(fonts);
	FcConfig *cfg = pe_fonts_config(fonts);
	FcFontSet *app = FcConfigGetFonts(cfg, FcSetApplication);
	assert_non_null(app);
	assert_int_equal(app->nfont, 4);
	FcFontSet *sys = FcConfigGetFonts(cfg, FcSetSystem);
	assert_true(sys == NULL || sys->nfont == 0);

	static const struct { const char *pattern; pe_face face; } want[] = {
		{ "Noto Sans", PE_FACE_REGULAR },
		{ "Noto Sans:bold", PE_FACE_BOLD },
		{ "Noto Sans:italic", PE_FACE_ITALIC },
		{ "Noto Sans:bold:italic", PE_FACE_BOLD_ITALIC },
		{ "DejaVu Serif", PE_FACE_REGULAR },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		FcPattern *pat = FcNameParse((const FcChar8 *)want[i].pattern);
		FcConfigSubstitute(cfg, pat, FcMatchPattern);
		FcDefaultSubstitute(pat);
		FcResult res;
		FcPattern *m = FcFontMatch(cfg, pat, &res);
		assert_non_null(m);
		FcChar8 *file = NULL;
		assert_int_equal(FcPatternGetString(m, FC_FILE, 0, &file), FcResultMatch);
		assert_string_equal((const char *)file, pe_fonts_path(fonts, want[i].face));
		FcPatternDestroy(m);
		FcPatternDestroy(pat);
	}
	pe_fonts_destroy(fonts);
}

/* The files of the application set, by name, joined with spaces. */
static void app_files(pe_fonts *fonts, char *out, size_t size)
{
	FcFontSet *app = FcConfigGetFonts(pe_fonts_config(fonts), FcSetApplication);
	out[0] = 0;
	for (int i = 0; app && i < app->nfont; i++) {
		FcChar8 *file = NULL;
		assert_int_equal(FcPatternGetString(app->fonts[i], FC_FILE, 0, &file), FcResultMatch);
		const char *base = strrchr((const char *)file, '/');
		size_t used = strlen(out);
		snprintf(out + used, size - used, "%s%s", used ? " " : "", base ? base + 1 : (const char *)file);
	}
}

/* Each language gets the fonts its letters need, and nothing more:
 * Latin-1 languages the four Latin files, Vietnamese and Russian the wider
 * set, Arabic and Chinese their script's faces on top; and a letter of
 * each is then found in some font of the configuration. */
static void fonts_per_language(void **state)
{
	(void)state;
	static const struct { const char *langs[2]; const char *files; FcChar32 letter; } cases[] = {
		{ { "en", "es" }, "NotoSans-Regular.ttf NotoSans-Bold.ttf NotoSans-Italic.ttf "
		                  "NotoSans-BoldItalic.ttf", 0x00F1 },
		{ { "vi", NULL }, "NotoSansAll-Regular.ttf NotoSansAll-Bold.ttf NotoSansAll-Italic.ttf "
		                  "NotoSansAll-BoldItalic.ttf", 0x01B0 },
		{ { "ru", "en" }, "NotoSansAll-Regular.ttf NotoSansAll-Bold.ttf NotoSansAll-Italic.ttf "
		                  "NotoSansAll-BoldItalic.ttf", 0x0413 },
		{ { "ar", NULL }, "NotoSansAll-Regular.ttf NotoSansAll-Bold.ttf NotoSansAll-Italic.ttf "
		                  "NotoSansAll-BoldItalic.ttf NotoSansArabic-Bold.ttf "
		                  "NotoSansArabic-Regular.ttf", 0x062E },
		{ { "zh_CN", NULL }, "NotoSansAll-Regular.ttf NotoSansAll-Bold.ttf NotoSansAll-Italic.ttf "
		                     "NotoSansAll-BoldItalic.ttf NotoSansCJKsc-Bold.otf "
		                     "NotoSansCJKsc-Regular.otf", 0x764C },
		{ { "zh", NULL }, "NotoSansAll-Regular.ttf NotoSansAll-Bold.ttf NotoSansAll-Italic.ttf "
		                  "NotoSansAll-BoldItalic.ttf NotoSansCJKsc-Bold.otf "
		                  "NotoSansCJKsc-Regular.otf", 0x764C },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pe_error err = { "" };
		size_t n = cases[i].langs[1] ? 2 : 1;
		pe_fonts *fonts = pe_fonts_load_langs(font_dir(), cases[i].langs, n, &err);
		if (!fonts)
			fail_msg("%s: %s", cases[i].langs[0], err.msg);
		char got[1024];
		app_files(fonts, got, sizeof got);
		assert_string_equal(got, cases[i].files);
		FcFontSet *app = FcConfigGetFonts(pe_fonts_config(fonts), FcSetApplication);
		bool found = false;
		for (int f = 0; f < app->nfont; f++) {
			FcCharSet *cs = NULL;
			if (FcPatternGetCharSet(app->fonts[f], FC_CHARSET, 0, &cs) == FcResultMatch &&
			    FcCharSetHasChar(cs, cases[i].letter))
				found = true;
		}
		assert_true(found);
		pe_fonts_destroy(fonts);
	}
}

/* A script no bundled font has: refused, naming the language and the
 * script, whatever other language comes with it. */
static void unbundled_script_is_refused(void **state)
{
	(void)state;
	static const struct { const char *langs[2]; const char *want; } cases[] = {
		{ { "th", NULL }, "language th: no bundled font has the Thai script (U+0E01)" },
		{ { "es", "ko" }, "language ko: no bundled font has the Hangul (Korean) script" },
		{ { "ja", NULL }, "language ja: no bundled font has the Hiragana (Japanese) script" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pe_error err = { "" };
		size_t n = cases[i].langs[1] ? 2 : 1;
		assert_null(pe_fonts_load_langs(font_dir(), cases[i].langs, n, &err));
		if (!strstr(err.msg, cases[i].want))
			fail_msg("got \"%s\", want \"%s\"", err.msg, cases[i].want);
		assert_null(strchr(err.msg, '\n'));
	}
}

static void missing_dir_names_the_file(void **state)
{
	(void)state;
	pe_error err = { "" };
	pe_fonts *fonts = pe_fonts_load("/nonexistent/pe-fonts", &err);
	assert_null(fonts);
	assert_non_null(strstr(err.msg, "/nonexistent/pe-fonts/NotoSans-Regular.ttf"));
	assert_null(strchr(err.msg, '\n'));
}

static void missing_face_names_that_face(void **state)
{
	(void)state;
	for (int missing = 0; missing < PE_FACE_COUNT; missing++) {
		bool present[PE_FACE_COUNT] = { true, true, true, true };
		present[missing] = false;
		char *dir = scratch_dir(present);
		pe_error err = { "" };
		pe_fonts *fonts = pe_fonts_load(dir, &err);
		assert_null(fonts);
		assert_non_null(strstr(err.msg, files[missing]));
		assert_non_null(strstr(err.msg, dir));
		remove_dir(dir);
	}
}

static void garbage_file_is_refused(void **state)
{
	(void)state;
	bool present[PE_FACE_COUNT] = { true, true, false, true };
	char *dir = scratch_dir(present);
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, files[PE_FACE_ITALIC]);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("this is not a font\n", f);
	fclose(f);
	pe_error err = { "" };
	assert_null(pe_fonts_load(dir, &err));
	assert_non_null(strstr(err.msg, "NotoSans-Italic.ttf"));
	assert_non_null(strstr(err.msg, "not a usable font"));

	remove_dir(dir);
}

/* Flip one bit in a copy of a face at byte off. */
static void flip_bit(const char *dir, pe_face face, long off)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, files[face]);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	int c = fgetc(f);
	assert_int_not_equal(c, EOF);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	fputc(c ^ 0x10, f);
	assert_int_equal(fclose(f), 0);
}

/* A bit flipped in the Bold face's outlines (byte 5000, inside glyf) was
 * taken by fontconfig and libharu alike: exit 0 and a handout with a
 * wrong letter. Every table, and the table directory, is checked against
 * the font's own checksums. */
static void bit_flipped_font_is_refused(void **state)
{
	(void)state;
	bool all[PE_FACE_COUNT] = { true, true, true, true };
	const long offsets[] = { 5000, 20, 21900 };   /* glyf, the directory, OS/2 */
	for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
		char *dir = scratch_dir(all);
		flip_bit(dir, PE_FACE_BOLD, offsets[i]);
		pe_error err = { "" };
		pe_fonts *fonts = pe_fonts_load(dir, &err);
		if (fonts)
			fail_msg("a bit flipped at byte %ld of the Bold face was taken", offsets[i]);
		assert_non_null(strstr(err.msg, "NotoSans-Bold.ttf"));
		assert_non_null(strstr(err.msg, "damaged font file"));
		remove_dir(dir);
	}
}

/* pe_fonts_load on dir must fail naming the Bold face as unreadable. */
static bool refuses_unreadable_bold(const char *dir)
{
	pe_error err = { "" };
	pe_fonts *fonts = pe_fonts_load(dir, &err);
	pe_fonts_destroy(fonts);
	return !fonts && strstr(err.msg, "NotoSans-Bold.ttf") &&
	       strstr(err.msg, "cannot read font file");
}

/* A font file we may not read. Root reads any file whatever its mode, and
 * CI runs as root: there the load runs in a child that has dropped to the
 * "nobody" user first, so the check runs everywhere instead of being
 * skipped. */
static void unreadable_file_is_named(void **state)
{
	(void)state;
	bool present[PE_FACE_COUNT] = { true, true, true, true };
	char *dir = scratch_dir(present);
	for (int f = 0; f < PE_FACE_COUNT; f++) {   /* whatever the umask: only Bold is unreadable */
		char face[4200];
		snprintf(face, sizeof face, "%s/%s", dir, files[f]);
		assert_int_equal(chmod(face, f == PE_FACE_BOLD ? 0 : 0644), 0);
	}
	if (geteuid() != 0) {
		assert_true(refuses_unreadable_bold(dir));
		remove_dir(dir);
		return;
	}
	assert_int_equal(chmod(dir, 0755), 0);   /* nobody must reach the other faces */
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		const uid_t nobody = 65534;
		if (setgroups(0, NULL) != 0 || setgid(nobody) != 0 || setuid(nobody) != 0) {
			perror("test_fonts: cannot drop root to run the unreadable-file check");
			_exit(2);
		}
		_exit(refuses_unreadable_bold(dir) ? 0 : 1);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	remove_dir(dir);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void destroy_accepts_null(void **state)
{
	(void)state;
	pe_fonts_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_the_four_faces),
		cmocka_unit_test(config_holds_only_bundled_fonts),
		cmocka_unit_test(config_is_fontconfigs_current_one),
		cmocka_unit_test(missing_dir_names_the_file),
		cmocka_unit_test(missing_face_names_that_face),
		cmocka_unit_test(garbage_file_is_refused),
		cmocka_unit_test(bit_flipped_font_is_refused),
		cmocka_unit_test(unreadable_file_is_named),
		cmocka_unit_test(destroy_accepts_null),
		cmocka_unit_test(fonts_per_language),
		cmocka_unit_test(unbundled_script_is_refused),
	};
	return cmocka_run_group_tests_name("fonts", tests, NULL, NULL);
}
