#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# gb2312-level1.py - print the 3,755 level-1 hanzi of GB 2312 (rows 16-55,
# the common characters every Simplified Chinese text uses) as a
# pyftsubset --unicodes list. `make fonts` subsets Noto Sans CJK SC to these
# plus CJK punctuation: the whole face is 16 MB, the subset about 1 MB.
codes = set()
for b1 in range(0xB0, 0xD8):
    for b2 in range(0xA1, 0xFF):
        try:
            codes.add(ord(bytes([b1, b2]).decode("gb2312")))
        except UnicodeDecodeError:
            pass  # row 55 ends at 0xD7F9
print(",".join("U+%04X" % c for c in sorted(codes)))
