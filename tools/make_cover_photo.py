#!/usr/bin/env python3
"""Draws layouts/stad-omslag.png, the cover picture of the `stad` layout: an
illustrated skyline at dusk (the shipped layouts carry no photographs of real
places). Standard library only; deterministic.

    python3 tools/make_cover_photo.py layouts/stad-omslag.png
"""
import random
import struct
import sys
import zlib

W, H = 1600, 1000
rnd = random.Random(1999)


def lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


sky_top, sky_low = (36, 48, 94), (246, 185, 0)
px = [[lerp(sky_top, sky_low, (y / (H * 0.78)) ** 1.6) if y < H * 0.78 else sky_low for x in range(W)] for y in range(H)]

# The sun, low over the town.
cx, cy, r = 1150, 560, 120
for y in range(cy - r, cy + r):
    for x in range(cx - r, cx + r):
        if (x - cx) ** 2 + (y - cy) ** 2 < r * r:
            px[y][x] = (255, 214, 92)

# Three rows of buildings, far to near, each darker.
rows = [(620, (72, 84, 130), 60, 180), (700, (48, 58, 104), 80, 240), (780, (27, 35, 70), 110, 300)]
for base, colour, wmin, hmax in rows:
    x = -rnd.randint(0, 60)
    while x < W:
        w = rnd.randint(wmin, wmin * 2)
        h = rnd.randint(hmax // 3, hmax)
        top = base - h
        for y in range(max(top, 0), H):
            for xx in range(max(x, 0), min(x + w, W)):
                px[y][xx] = colour
        # Lit windows in the nearest row.
        if base == 780:
            for wy in range(top + 16, base - 10, 26):
                for wx in range(x + 12, x + w - 12, 22):
                    if rnd.random() < 0.45 and 0 <= wx < W - 8:
                        for yy in range(wy, wy + 12):
                            for xx in range(wx, wx + 8):
                                px[yy][xx] = (255, 205, 90)
        x += w + rnd.randint(0, 20)

# The street and a park of round trees.
for y in range(780, H):
    for x in range(W):
        px[y][x] = (22, 28, 56)
for _ in range(26):
    tx, ty, tr = rnd.randint(0, W), rnd.randint(800, 900), rnd.randint(26, 52)
    for y in range(ty - tr, min(ty + tr, H)):
        for x in range(max(tx - tr, 0), min(tx + tr, W)):
            if (x - tx) ** 2 + (y - ty) ** 2 < tr * tr:
                px[y][x] = (0, 102, 79) if (x + y) % 7 else (0, 90, 70)


def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
