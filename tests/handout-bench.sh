#!/bin/sh
# SPDX-License-Identifier: MIT
# handout-bench.sh - how fast and how small handouts are, as whole
# processes (start-up, fonts, content, layout, PDF, write: what a nurse
# waits for). Prints the figures; fails only when the command fails.
#
#   1. one typical one-page handout (a fixed sample, English and Spanish),
#      started RUNS times as a whole process: median and best ms, bytes
#      per page; the same made 200 times in one process (no start-up);
#   2. the handouts whose pages are balanced (laid out again to fill a
#      page under 75% full), in one process; the full set (handout --all):
#      ms per PDF, KB per page;
#   3. one list of 1,000, 4,000 and 16,000 items: the cost per item, which
#      must stay flat (it grew with the list: 16,000 items took 5.4 s).
# Aim (issue "bench"): <= 5 ms and <= 30 KB for a one-page handout.
#
# Wall times on a shared machine move with the neighbours; for before/after
# comparisons count instructions instead, which repeat exactly:
#   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
#       build/bin/handout --topic premedication --lang en -o /tmp/p.pdf
set -eu
BIN=${PE_BUILD:-build}/bin/handout
RUNS=${RUNS:-50}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

AIM_MS=5
AIM_KB=30

now_ns() { date +%s%N; }

# Time RUNS starts of a command; prints "median best" in ms. The clock is
# read in the same process that starts the command (python3, like the
# other test scripts), so the figure is fork + exec + run + wait and
# nothing of the timer's own start-up.
time_runs() {
	python3 -c '
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, check=True)          # warm the page cache
t = []
for _ in range(runs):
    t0 = time.perf_counter_ns()
    subprocess.run(cmd, check=True)
    t.append(time.perf_counter_ns() - t0)
t.sort()
print("%.2f %.2f" % (t[(len(t) - 1) // 2] / 1e6, t[0] / 1e6))
' "$RUNS" "$@"
}

# The one-page handout is a fixed sample (tests/fixtures/handout/bench),
# added to a copy of the data directory, so the figure does not move when
# the real topics grow.
DATA="$TMP/data"
cp -R "${PE_DATADIR:?}" "$DATA"
for lang in en es; do
	[ -d "$DATA/content/$lang" ] && cp "tests/fixtures/handout/bench/$lang/one-page.xml" "$DATA/content/$lang/"
done
topic=one-page

# What starting any process costs here (the floor under every figure).
floor=$(time_runs /bin/true)

for lang in en es; do
	grep -qx "$lang" "${PE_DATADIR}/LINGUAS" 2>/dev/null || continue
	times=$(PE_DATADIR=$DATA time_runs "$BIN" --topic "$topic" --lang "$lang" -o "$TMP/one.pdf")
	pages=$(pdfinfo "$TMP/one.pdf" | awk '/^Pages:/ {print $2}')
	bytes=$(stat -c %s "$TMP/one.pdf")
	# Median and best: the machine is shared, a mean would measure the
	# neighbours.
	echo "$times $floor" | awk -v b="$bytes" -v p="$pages" -v t="$topic" -v l="$lang" \
	                           -v r="$RUNS" -v am="$AIM_MS" -v ak="$AIM_KB" '{
		printf "bench-handout: one-page handout (%s, %s, Letter, %d page%s), whole process: median %.1f ms, best %.1f ms over %d runs (aim <= %d ms; starting /bin/true here: median %.1f ms)\n",
		       t, l, p, p == 1 ? "" : "s", $1, $2, r, am, $3
		printf "bench-handout: one-page handout (%s, %s): %d bytes per page = %.1f KB (aim <= %d KB)\n",
		       t, l, b / p, b / p / 1024, ak }'
	# The same handout made repeatedly in one process: the cost of one
	# handout without program start-up (fontconfig/Pango set-up).
	PE_DATADIR=$DATA "$BIN" --topic "$topic" --lang "$lang" -o "$TMP/one.pdf" --repeat 200 |
		sed "s|^handout: 200 x .*: \([0-9.]*\) ms per handout.*|bench-handout: one-page handout ($topic, $lang), in one process (no start-up), 200 made: \1 ms per handout|"
done

# Pages balanced: the handouts of the full set whose pages are laid out
# again (a page under 75% full filled from the one before), in one process:
# what balancing costs on top of one layout.
# (the last two: a page each still under 75%, no layout under the rules
# better; the last takes the most layouts of the set, 13)
for args in "ivig-aftercare --lang es --large-print" "immunotherapy --lang en --large-print" \
            "helpline --lang es --large-print --site examples/site.ini" \
            "infusion-reactions --lang es --large-print --site examples/site.ini"; do
	# shellcheck disable=SC2086
	PE_DATADIR=$DATA "$BIN" --topic $args -o "$TMP/bal.pdf" --repeat 50 |
		sed "s|^handout: 50 x [^:]*: \([0-9.]*\) ms per handout[^;]*; \(.*\)|bench-handout: balanced ($args), in one process, 50 made: \1 ms per handout; \2|"
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
	printf "bench-handout: full set (handout --all, one process): %d PDFs, %d pages in %.0f ms: %.2f ms per PDF, %.1f KB per page\n",
	       f, p, ns / 1e6, ns / f / 1e6, b / p / 1024 }'

# A long list: the cost per item at 1k, 4k and 16k items (best of 3 each).
# Linear means the same cost per item at every size.
for n in 1000 4000 16000; do
	python3 - "$n" > "$DATA/content/en/long-list.xml" <<'PY'
import sys
n = int(sys.argv[1])
print('<?xml version="1.0" encoding="UTF-8"?>')
print('<topic id="long-list" revised="2024-06-04" icon="info" order="99">')
print('  <title>A long list</title><summary>For the benchmark</summary>')
print('  <sources><source id="s" date="2024-06-04"><cite>Benchmark</cite>'
      '<publisher>patient-ed tests</publisher></source></sources>')
print('  <section id="list" icon="info"><heading>Items</heading><list src="s">')
for i in range(n):
    print(f'<item>Item {i + 1}: drink water and rest</item>')  # (topic files stop at 1 MB)
print('  </list></section></topic>')
PY
	best=$(python3 -c '
import subprocess, sys, time
best = None
for _ in range(3):
    t0 = time.perf_counter_ns()
    subprocess.run(sys.argv[1:], check=True)
    t = time.perf_counter_ns() - t0
    best = t if best is None or t < best else best
print("%.1f" % (best / 1e6))
' env PE_DATADIR="$DATA" "$BIN" --topic long-list --lang en -o "$TMP/list.pdf")
	pages=$(pdfinfo "$TMP/list.pdf" | awk '/^Pages:/ {print $2}')
	awk -v n="$n" -v ms="$best" -v p="$pages" 'BEGIN {
		printf "bench-handout: one list of %d items (%d pages), whole process: %.0f ms, %.1f us per item (aim: the same per item at 1k, 4k and 16k)\n",
		       n, p, ms, ms * 1000 / n }'
done
rm -f "$DATA/content/en/long-list.xml"
