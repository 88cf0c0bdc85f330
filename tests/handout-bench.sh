#!/bin/sh
# handout-bench.sh - how fast and how small handouts are, as whole
# processes (start-up, fonts, content, layout, PDF, write: what a nurse
# waits for). Prints the figures; fails only when the command fails.
#
#   1. one typical one-page handout (a fixed sample, English and Spanish),
#      made RUNS times: ms per handout, bytes per page;
#      and the same made 200 times in one process (no start-up cost);
#   2. the full set (handout --all): ms per PDF, KB per page.
# Aim (DESIGN.md): <= 5 ms and <= 30 KB for a one-page handout.
set -eu
BIN=${PE_BUILD:-build}/bin/handout
RUNS=${RUNS:-50}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

now_ns() { date +%s%N; }

# The one-page handout is a fixed sample (tests/fixtures/handout/bench),
# added to a copy of the data directory, so the figure does not move when
# the real topics grow.
DATA="$TMP/data"
cp -R "${PE_DATADIR:?}" "$DATA"
for lang in en es; do
	[ -d "$DATA/content/$lang" ] && cp "tests/fixtures/handout/bench/$lang/one-page.xml" "$DATA/content/$lang/"
done
topic=one-page

for lang in en es; do
	grep -qx "$lang" "${PE_DATADIR}/LINGUAS" 2>/dev/null || continue
	PE_DATADIR=$DATA "$BIN" --topic "$topic" --lang "$lang" -o "$TMP/one.pdf"   # warm the page cache
	: >"$TMP/times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(now_ns)
		PE_DATADIR=$DATA "$BIN" --topic "$topic" --lang "$lang" -o "$TMP/one.pdf"
		t1=$(now_ns)
		echo $((t1 - t0)) >>"$TMP/times"
		i=$((i + 1))
	done
	pages=$(pdfinfo "$TMP/one.pdf" | awk '/^Pages:/ {print $2}')
	bytes=$(stat -c %s "$TMP/one.pdf")
	# Median and best: the machine is shared, a mean would measure the
	# neighbours.
	sort -n "$TMP/times" | awk -v b="$bytes" -v p="$pages" -v t="$topic" -v l="$lang" '
		{ v[NR] = $1 }
		END {
			printf "bench-handout: one-page handout (%s, %s, Letter, %d page%s) as a whole process: median %.1f ms, best %.1f ms (%d runs), %d bytes per page (%.1f KB)\n",
			       t, l, p, p == 1 ? "" : "s", v[int((NR + 1) / 2)] / 1e6, v[1] / 1e6, NR, b / p, b / p / 1024 }'
	# The same handout made repeatedly in one process: the cost of one
	# handout without program start-up (fontconfig/Pango set-up).
	PE_DATADIR=$DATA "$BIN" --topic "$topic" --lang "$lang" -o "$TMP/one.pdf" --repeat 200 |
		sed "s|^handout: 200 x .*: |bench-handout: one-page handout ($topic, $lang) in one process: |"
done

t0=$(now_ns)
"$BIN" --all --out-dir "$TMP/all" >"$TMP/all.txt"
t1=$(now_ns)
files=0; pages=0; bytes=0
for f in "$TMP"/all/*.pdf; do
	files=$((files + 1))
	pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
	bytes=$((bytes + $(stat -c %s "$f")))
done
awk -v ns=$((t1 - t0)) -v f="$files" -v p="$pages" -v b="$bytes" 'BEGIN {
	printf "bench-handout: full set (handout --all): %d PDFs, %d pages in %.0f ms: %.2f ms per PDF, %.1f KB per page\n",
	       f, p, ns / 1e6, ns / f / 1e6, b / p / 1024 }'
