#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""handout-imgdiff.py - mean absolute pixel difference of two PNGs.

Usage: handout-imgdiff.py A.png B.png MAX
Prints the difference (0..255, averaged over every channel of every pixel)
and exits 1 when the images differ in size or the difference exceeds MAX.
Python standard library only: decodes the 8-bit gray/RGB/RGBA PNGs that
pdftoppm writes (no interlace).
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    if depth != 8 or interlace or ctype not in (0, 2, 4, 6):
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, type {ctype})")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    out = bytearray(h * stride)
    prev = bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    # Compare as gray so a gray and an RGB rendering of one page agree.
    if ctype in (0, 4):
        gray = out[::bpp]
    else:
        gray = bytes((out[i] * 299 + out[i + 1] * 587 + out[i + 2] * 114) // 1000
                     for i in range(0, len(out), bpp))
    return w, h, gray


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    wa, ha, a = read_png(sys.argv[1])
    wb, hb, b = read_png(sys.argv[2])
    if (wa, ha) != (wb, hb):
        print(f"size differs: {wa}x{ha} vs {wb}x{hb}")
        sys.exit(1)
    diff = sum(abs(x - y) for x, y in zip(a, b)) / len(a)
    print(f"{diff:.3f}")
    sys.exit(0 if diff <= float(sys.argv[3]) else 1)


if __name__ == "__main__":
    main()
