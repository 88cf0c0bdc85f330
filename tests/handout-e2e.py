#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""handout-e2e.py - end-to-end check of the handout command.

For every topic x language x template it runs build/bin/handout (which
itself refuses a layout with anything outside the printable area or text
overflowing its box) and checks the PDF with the tools a clinic's printer
path would meet: qpdf --check passes, pdffonts shows every font embedded,
pdftotext finds the title and the key facts of the topic in that language
(phone numbers, numbers such as 24-48, drug names in <strong>), and no
poppler tool writes a warning. Page 1 of each template is rendered and
compared with tests/reference/<template>.png (mean absolute difference).
Bad input (unknown topic, unknown language, unwritable output, missing
font, bad site file) must give its own one-line message and exit status
and leave no output file.

  tests/handout-e2e.py [--update-references]

Environment: PE_DATADIR (staged data), PE_BUILD (build dir). Python
standard library only. Prints one summary line; exits 1 on any failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

DATADIR = os.environ.get("PE_DATADIR", "build/share/patient-ed")
BUILD = os.environ.get("PE_BUILD", "build")
BIN = os.path.join(BUILD, "bin", "handout")
HERE = os.path.dirname(os.path.abspath(__file__))
REFDIR = os.path.join(HERE, "reference")
IMGDIFF = os.path.join(HERE, "handout-imgdiff.py")
# Mean absolute difference (0..255) allowed against a reference page at
# 40 dpi: small enough to catch a moved block or a missing picture,
# large enough to ignore antialiasing noise between poppler builds.
TOLERANCE = 3.0
# libharu's UTF-8 route writes a ToUnicode CMap that poppler warns about
# (doc/measurements.md); only the pseudo-locale takes that route.
UTF8_CMAP_WARNING = "Invalid 'begincidrange' operator in ToUnicode CMap"

failures = []
checked = 0


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(args, env=None):
    p = subprocess.run(args, capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def languages():
    with open(os.path.join(DATADIR, "LINGUAS"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def topic_ids(lang):
    code, out, err = run([BIN, "--list", "--lang", lang])
    if code != 0:
        fail(f"--list --lang {lang}: exit {code}: {err.strip()}")
        return []
    return [l.split()[0] for l in out.splitlines() if l.strip()]


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def glossary():
    """Approved translations (locales/glossary.tsv): drug names and other
    terms that must come through to the PDF in each language."""
    path = os.path.join(HERE, "..", "locales", "glossary.tsv")
    rows = []
    if not os.path.exists(path):
        return [], []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            rows.append(cells)
    return header, rows


GLOSSARY = glossary()


def glossary_terms(lang, topic):
    """(alternatives, ...) the PDF in lang must show for this topic: every
    glossary term whose English is in the English source and whose approved
    translation is in the topic's XML in lang. (Whether the translation is
    right is the QA gate's job; this checks it reaches the PDF intact. Text
    not yet translated falls back to English by design.)"""
    header, rows = GLOSSARY
    if not header or lang not in header:
        return []
    col = header.index(lang)

    def section_text(l):
        path = os.path.join(DATADIR, "content", l, topic + ".xml")
        if not os.path.exists(path):
            return ""
        root = ET.parse(path).getroot()
        return " ".join(squash("".join(s.itertext())) for s in root.findall(".//section"))

    text_en, text_l = section_text("en"), section_text(lang).lower()
    out = []
    for cells in rows:
        en = cells[0]
        if col >= len(cells) or not cells[col]:
            continue
        flags = re.I if en.islower() else 0
        alts = tuple(a.strip() for a in cells[col].split("|"))
        if (re.search(r"\b" + re.escape(en) + r"(?:s|es)?\b", text_en, flags)
                and any(a.lower() in text_l for a in alts)):
            out.append(alts)
    return out


def facts(lang, topic):
    """Title and key facts of a topic, from its XML in that language."""
    path = os.path.join(DATADIR, "content", lang, topic + ".xml")
    root = ET.parse(path).getroot()
    title = squash("".join(root.find("title").itertext()))
    keys = set()
    for el in root.iter():
        if el.tag == "sources":
            continue
        if el.tag == "phone":
            keys.add(squash("".join(el.itertext())))
        if el.tag == "strong":
            # Drug names and other marked words are never translated
            # differently in the text than in the PDF.
            word = squash("".join(el.itertext()))
            if re.fullmatch(r"[A-Za-z][a-z]+(?: [A-Z][a-z]+)?", word) and word[0].isupper():
                keys.add(word)
    text = " ".join(squash("".join(s.itertext())) for s in root.findall(".//section"))
    for m in re.finditer(r"(?<![\d.,])\d+(?:[-–]\d+)?(?![\d.,]\d)", text):
        keys.add(m.group(0))
    return title, keys


def pdf_text(pdf, allow_cmap):
    code, out, err = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    check_stderr("pdftotext", pdf, err, allow_cmap)
    if code != 0:
        fail(f"pdftotext {pdf}: exit {code}")
    # Undo line breaks (after hyphens too: "24-" / "48").
    out = re.sub(r"([-–])\s*\n\s*", r"\1", out)
    return squash(out)


def check_stderr(tool, pdf, err, allow_cmap):
    lines = [l for l in err.splitlines() if l.strip()]
    if allow_cmap:
        lines = [l for l in lines if UTF8_CMAP_WARNING not in l]
    if lines:
        fail(f"{tool} {os.path.basename(pdf)}: warning: {lines[0]}")


def check_pdf(pdf, titles, keys, allow_cmap, terms=()):
    global checked
    checked += 1
    name = os.path.basename(pdf)
    code, out, err = run(["qpdf", "--check", pdf])
    if code != 0:
        fail(f"qpdf --check {name}: exit {code}: {(out + err).strip().splitlines()[-1:]}")
    code, out, err = run(["pdffonts", pdf])
    check_stderr("pdffonts", pdf, err, allow_cmap)
    lines = out.splitlines()
    if len(lines) < 3:
        fail(f"pdffonts {name}: no fonts listed")
    else:
        col = lines[0].index("emb")
        for row in lines[2:]:
            if row[col:col + 3] != "yes":
                fail(f"pdffonts {name}: font not embedded: {row.split()[0]}")
    text = pdf_text(pdf, allow_cmap)
    for t in titles:
        if squash(t) not in text:
            fail(f"{name}: title '{t}' not found by pdftotext")
    for k in sorted(keys):
        if k not in text:
            fail(f"{name}: key fact '{k}' not found by pdftotext")
    low = text.lower()
    for alts in terms:
        if not any(a.lower() in low for a in alts):
            fail(f"{name}: glossary term '{' | '.join(alts)}' (drug name or key word) not found")
    code, _, err = run(["pdftoppm", "-r", "20", "-gray", "-png", "-singlefile", "-f", "1",
                        "-l", "1", pdf, pdf[:-4] + "-probe"])
    check_stderr("pdftoppm", pdf, err, allow_cmap)


def make(args, out, env=None):
    code, _, err = run([BIN] + args + ["-o", out], env=env)
    if code != 0:
        fail(f"handout {' '.join(args)}: exit {code}: {err.strip()}")
        return False
    if err.strip():
        fail(f"handout {' '.join(args)}: unexpected output on stderr: {err.strip()}")
    return True


def expect_error(label, args, want_code, want_text, out, env=None):
    global checked
    checked += 1
    before = None
    if out and os.path.exists(out):
        with open(out, "rb") as f:
            before = f.read()
    code, stdout, err = run([BIN] + args, env=env)
    lines = err.strip().splitlines()
    if code != want_code:
        fail(f"{label}: exit {code}, wanted {want_code} ({err.strip()})")
    if len(lines) != 1:
        fail(f"{label}: wanted one line on stderr, got {len(lines)}: {err.strip()}")
    elif want_text not in lines[0]:
        fail(f"{label}: message '{lines[0]}' lacks '{want_text}'")
    # A failed run never touches OUT: no new file, and an older one stays
    # byte for byte (it may be another run's good output).
    if out and before is None and os.path.exists(out):
        fail(f"{label}: output file {out} left behind")
    if out and before is not None:
        if not os.path.exists(out):
            fail(f"{label}: the older {out} was deleted")
        else:
            with open(out, "rb") as f:
                if f.read() != before:
                    fail(f"{label}: the older {out} was changed")


def check_own_name(tmp):
    """--help, --version and the error messages name the command as it was
    started: `make install` puts it in BINDIR as patient-ed-handout, and
    its --help said "handout --topic ..." (a command that is not there)."""
    global checked
    checked += 1
    link = os.path.join(tmp, "patient-ed-handout")
    os.symlink(os.path.abspath(BIN), link)
    code, out, err = run([link, "--help"])
    usage = [l for l in out.splitlines() if l.startswith("  ") and "--" in l and
             not l.startswith("   ")]
    if code != 0 or not usage:
        fail(f"patient-ed-handout --help: exit {code}, {len(usage)} usage lines")
    for l in usage:
        if not l.startswith("  patient-ed-handout --") and not l.lstrip().startswith("(") \
                and not l.lstrip().startswith("[") and not l.lstrip().startswith("-o"):
            fail(f"patient-ed-handout --help: usage line names another command: {l.strip()}")
    code, out, err = run([link, "--version"])
    if not out.startswith("patient-ed-handout "):
        fail(f"patient-ed-handout --version says: {out.strip()}")
    code, out, err = run([link, "--paper", "legal"])
    if not err.startswith("patient-ed-handout: "):
        fail(f"patient-ed-handout: an error message starts: {err.strip()}")


def write_png(path, w, h):
    """A small RGB PNG (a teal bar), standard library only."""
    import struct
    import zlib
    rows = b"".join(b"\x00" + bytes((18, 117, 128)) * w for _ in range(h))
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def render_page1(pdf, png_prefix):
    code, _, err = run(["pdftoppm", "-r", "40", "-gray", "-png", "-singlefile", "-f", "1",
                        "-l", "1", pdf, png_prefix])
    if code != 0:
        fail(f"pdftoppm {pdf}: exit {code}: {err.strip()}")
    return png_prefix + ".png"


def main():
    update = "--update-references" in sys.argv[1:]
    tmp = tempfile.mkdtemp(prefix="handout-e2e.")
    qps_note = ""
    try:
        langs = languages()
        plain = [l for l in langs if not l.startswith("qp")]
        # The pseudo-locale is not in LINGUAS (patients never see it) but
        # the i18n module knows it when its catalog was built.
        check_langs = list(plain)
        if (os.path.isdir(os.path.join(DATADIR, "content", "qps"))
                and run([BIN, "--list", "--lang", "qps"])[0] == 0):
            check_langs.append("qps")
        else:
            qps_note = " (pseudo-locale qps not built: skipped)"
        en_topics = topic_ids("en")
        if not en_topics:
            fail("no topics in English")
        for lang in check_langs:
            allow = lang.startswith("qp")
            for topic in topic_ids(lang):
                title, keys = facts(lang, topic)
                for tpl, args in (("letter", ["--paper", "letter"]), ("a4", ["--paper", "a4"]),
                                  ("large-print", ["--large-print"]),
                                  ("large-print-a4", ["--large-print", "--paper", "a4"])):
                    out = os.path.join(tmp, f"{topic}-{lang}-{tpl}.pdf")
                    if make(["--topic", topic, "--lang", lang] + args, out):
                        check_pdf(out, [title], keys, allow, glossary_terms(lang, topic))
                second = "es" if lang == "en" else "en"
                if second in langs and os.path.exists(os.path.join(DATADIR, "content", second, topic + ".xml")):
                    title2, keys2 = facts(second, topic)
                    out = os.path.join(tmp, f"{topic}-{lang}-bilingual.pdf")
                    if make(["--topic", topic, "--lang", lang, "--bilingual"], out):
                        check_pdf(out, [title, title2], keys | keys2, allow)
            out = os.path.join(tmp, f"wallet-{lang}.pdf")
            if make(["--wallet-card", "--lang", lang], out):
                check_pdf(out, [], {"911", "1-800-227-2345"}, allow)
            # The print-ready sheet: Letter or A4, as many cards as fit
            # (4) or --cards N, every card's words on it.
            for paper, size, cards in (("letter", "612 x 792 pts", None), ("a4", "595.28 x 841.89 pts", "2")):
                out = os.path.join(tmp, f"wallet-sheet-{lang}-{paper}.pdf")
                args = ["--wallet-card", "--sheet", "--paper", paper, "--lang", lang]
                if cards:
                    args += ["--cards", cards]
                if make(args, out):
                    check_pdf(out, [], {"911", "1-800-227-2345"}, allow)
                    info = run(["pdfinfo", out])[1]
                    if f"Page size:       {size}" not in info or "Pages:           1\n" not in info:
                        fail(f"{os.path.basename(out)}: not one {paper} page: {info}")
                    n = run(["pdftotext", out, "-"])[1].count("1-800-227-2345")
                    if n != int(cards or 4):
                        fail(f"{os.path.basename(out)}: {n} cards, wanted {cards or 4}")

        # Several topics in one handout, with a site file (phones and a
        # logo next to it, given by a relative path).
        write_png(os.path.join(tmp, "logo.png"), 60, 20)
        site = os.path.join(tmp, "site.ini")
        with open(site, "w", encoding="utf-8") as f:
            f.write("[clinic]\nname = Riverside Infusion Center\nphone = 555-0100\n"
                    "after_hours_phone = 555-0199\nlogo = logo.png\n")
        if len(en_topics) >= 2:
            out = os.path.join(tmp, "two-topics.pdf")
            args = ["--topic", en_topics[0], "--topic", en_topics[1], "--lang", "en", "--site", site]
            if make(args, out):
                t0, _ = facts("en", en_topics[0])
                t1, _ = facts("en", en_topics[1])
                check_pdf(out, [t0, t1, "Riverside Infusion Center", "555-0100"], set(), False)
                code, listing, _ = run(["pdfimages", "-list", out])
                if not re.search(r"\bimage\s+60\s+20\s+rgb\b", listing):
                    fail("two-topics.pdf: the site logo (60x20 PNG) is not in the PDF")
                raw = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", out, "-"],
                                     capture_output=True).stdout
                for uri in (b"tel:5550100", b"tel:5550199"):
                    if uri not in raw:
                        fail(f"two-topics.pdf: no link to {uri}")
        # The care team comes first: with a site file the clinic's
        # number is on every page (the footer) and on page 1 in the box
        # under the title; without one, page 1 has the blank lines.
        for lang in [l for l in ("en", "es") if l in plain]:
            for topic in topic_ids(lang):
                for label, extra in (("letter", []), ("large-print", ["--large-print"]),
                                     ("bilingual", ["--bilingual"])):
                    out = os.path.join(tmp, f"care-{topic}-{lang}-{label}.pdf")
                    if not make(["--topic", topic, "--lang", lang, "--site", site] + extra, out):
                        continue
                    pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", out])[1]).group(1))
                    for p in range(1, pages + 1):
                        text = run(["pdftotext", "-f", str(p), "-l", str(p), out, "-"])[1]
                        if "555-0100" not in text:
                            fail(f"{os.path.basename(out)}: page {p} lacks the clinic's phone")

        # Reference pages: one per template, of a fixed sample topic (not
        # the real content, which changes for its own reasons) added to a
        # copy of the data directory.
        refdata = os.path.join(tmp, "data-ref")
        shutil.copytree(DATADIR, refdata)
        for lang in ("en", "es"):
            shutil.copy(os.path.join(HERE, "fixtures", "handout", lang, "reference-sample.xml"),
                        os.path.join(refdata, "content", lang))
        refenv = dict(os.environ, PE_DATADIR=refdata, SOURCE_DATE_EPOCH="1717459200")
        if True:
            topic = "reference-sample"
            refs = (("letter", ["--topic", topic, "--lang", "en"]),
                    ("a4", ["--topic", topic, "--lang", "en", "--paper", "a4"]),
                    ("large-print", ["--topic", topic, "--lang", "en", "--large-print"]),
                    ("bilingual", ["--topic", topic, "--lang", "en", "--bilingual"]),
                    ("wallet-card", ["--wallet-card", "--lang", "en"]),
                    ("letter-es", ["--topic", topic, "--lang", "es"]),
                    ("large-print-es", ["--topic", topic, "--lang", "es", "--large-print"]),
                    ("wallet-sheet", ["--wallet-card", "--sheet", "--lang", "en"]))
            os.makedirs(REFDIR, exist_ok=True)
            for name, args in refs:
                if ("--bilingual" in args or "es" in args) and "es" not in langs:
                    continue
                pdf = os.path.join(tmp, f"ref-{name}.pdf")
                if not make(args, pdf, env=refenv):
                    continue
                png = render_page1(pdf, os.path.join(tmp, f"ref-{name}"))
                ref = os.path.join(REFDIR, f"{name}.png")
                if update:
                    shutil.copyfile(png, ref)
                    print(f"updated {os.path.relpath(ref)}")
                    continue
                if not os.path.exists(ref):
                    fail(f"no reference {os.path.relpath(ref)}: run make update-references")
                    continue
                code, out, _ = run(["/usr/bin/python3", IMGDIFF, png, ref, str(TOLERANCE)])
                if code != 0:
                    keep = os.path.join(BUILD, f"handout-{name}-actual.png")
                    shutil.copyfile(png, keep)
                    fail(f"page 1 of {name} differs from {os.path.relpath(ref)} by {out.strip()} "
                         f"(max {TOLERANCE}); actual: {keep}")

        # Reproducible: with SOURCE_DATE_EPOCH the same input gives the
        # same bytes (a clinic can check a reprint against the original).
        if en_topics:
            a, b = os.path.join(tmp, "repro-a.pdf"), os.path.join(tmp, "repro-b.pdf")
            if (make(["--topic", en_topics[0], "--lang", "en"], a, env=refenv)
                    and make(["--topic", en_topics[0], "--lang", "en"], b, env=refenv)):
                with open(a, "rb") as fa, open(b, "rb") as fb:
                    if fa.read() != fb.read():
                        fail("two runs with SOURCE_DATE_EPOCH gave different PDFs")

        # Bad input: each its own message and exit status, no file left.
        out = os.path.join(tmp, "bad.pdf")
        expect_error("unknown topic", ["--topic", "no-such-topic", "--lang", "en", "-o", out], 2,
                     "unknown topic 'no-such-topic'", out)
        if en_topics:
            code, _, err = run([BIN, "--topic", "no-such-topic", "--lang", "en", "-o", out])
            if en_topics[0] not in err:
                fail(f"unknown topic: message does not list the available topics: {err.strip()}")
            # The wallet card's words (kind="card") are content but not a
            # topic: not listed, not a handout of their own.
            if os.path.exists(os.path.join(DATADIR, "content", "en", "wallet-card.xml")):
                if "wallet-card" in en_topics:
                    fail("--list shows the wallet card's words as a topic")
                expect_error("card as a topic", ["--topic", "wallet-card", "--lang", "en", "-o", out],
                             2, "'wallet-card' is the wallet card's words, not a topic", out)
            expect_error("unknown language", ["--topic", en_topics[0], "--lang", "xx", "-o", out], 2,
                         "unknown language 'xx'", out)
            expect_error("unknown second language",
                         ["--topic", en_topics[0], "--lang", "en", "--bilingual", "--second-lang", "xx",
                          "-o", out], 2, "unknown language 'xx'", out)
            # A template file named without a directory ("mine.ini") is a
            # file, not an unknown template name.
            shutil.copy(os.path.join(DATADIR, "templates", "letter.ini"), os.path.join(tmp, "mine.ini"))
            p = subprocess.run([BIN, "--topic", en_topics[0], "--lang", "en", "--template", "mine.ini",
                                "-o", "mine.pdf"], cwd=tmp, capture_output=True, text=True)
            if p.returncode != 0 or not os.path.exists(os.path.join(tmp, "mine.pdf")):
                fail(f"--template mine.ini in its directory: exit {p.returncode}: {p.stderr.strip()}")
            expect_error("second language without bilingual",
                         ["--topic", en_topics[0], "--lang", "en", "--second-lang", "es", "-o", out], 2,
                         "--second-lang goes with --bilingual", out)
            # Any built language can be the other column (a third language
            # needs no code): the pseudo-locale stands in for one.
            if "qps" in os.listdir(os.path.join(DATADIR, "content")):
                out2 = os.path.join(tmp, "en-qps.pdf")
                if make(["--topic", en_topics[0], "--lang", "en", "--bilingual", "--second-lang", "qps"], out2):
                    t_en, _ = facts("en", en_topics[0])
                    t_qps, _ = facts("qps", en_topics[0])
                    text = squash(run(["pdftotext", out2, "-"])[1])
                    if t_en not in text or t_qps not in text:
                        fail("bilingual --second-lang qps: the PDF lacks one of the two titles")
            notdir = os.path.join(tmp, "a-file")
            open(notdir, "w").close()
            bad_out = os.path.join(notdir, "x.pdf")
            expect_error("unwritable output", ["--topic", en_topics[0], "--lang", "en", "-o", bad_out],
                         1, "cannot write", bad_out)
            expect_error("unwritable output dir", ["--all", "--out-dir", os.path.join(notdir, "d")], 1,
                         "output directory", None)
            nofonts = os.path.join(tmp, "data-nofonts")
            shutil.copytree(DATADIR, nofonts)
            shutil.rmtree(os.path.join(nofonts, "fonts"))
            env = dict(os.environ, PE_DATADIR=nofonts)
            with open(out, "w") as f:
                f.write("an older handout")
            expect_error("missing font", ["--topic", en_topics[0], "--lang", "en", "-o", out], 1,
                         "cannot read font file", out, env=env)
            bad_site = os.path.join(tmp, "bad-site.ini")
            with open(bad_site, "w") as f:
                f.write("[clinic]\nname = X\nfax = 555-0100\n")
            expect_error("bad site file", ["--topic", en_topics[0], "--lang", "en", "--site", bad_site,
                                           "-o", out], 1, f"{bad_site}:3: [clinic] fax: unknown key", out)
            expect_error("bad option", ["--topic", en_topics[0], "--lang", "en", "--paper", "legal",
                                        "-o", out], 2, "--paper must be letter or a4", out)
            expect_error("too many cards", ["--wallet-card", "--sheet", "--cards", "9", "--lang", "en",
                                            "-o", out], 2, "at most 4 cards fit on Letter", out)
            expect_error("cards without a sheet", ["--wallet-card", "--cards", "2", "--lang", "en",
                                                   "-o", out], 2, "--cards goes with --sheet", out)
            check_own_name(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"handout e2e: {checked} checks, {len(failures)} failed{qps_note}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
