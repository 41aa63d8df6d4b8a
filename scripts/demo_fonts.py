"""demo_fonts.py: what the demo image drawer needs from Debian's font files, read without any library.

- emoji_png(char): the PNG bitmap that Noto Color Emoji (fonts-noto-color-emoji) holds for one emoji,
  taken from the font's CBDT table as it is (136x128 pixels, the artwork's own strike)
- text_width(text, face, size): the advance width of a line of text, from the hmtx table of the font file
  that face names, so the drawer can wrap and fit names before rsvg-convert lays them out
"""
import os
import struct

EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
NOTO = "/usr/share/fonts/opentype/noto/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"

# face name -> (file, SVG font-family, font-weight, font-style, font-stretch)
FACES = {
    "sans": (NOTO + "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "normal", "normal", "normal"),
    "sans-bold": (NOTO + "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "bold", "normal", "normal"),
    "serif": (NOTO + "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "normal", "normal", "normal"),
    "serif-bold": (NOTO + "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "bold", "normal", "normal"),
    "dv": (DEJAVU + "DejaVuSans.ttf", "DejaVu Sans", "normal", "normal", "normal"),
    "dv-bold": (DEJAVU + "DejaVuSans-Bold.ttf", "DejaVu Sans", "bold", "normal", "normal"),
    "dv-cond": (DEJAVU + "DejaVuSansCondensed-Bold.ttf", "DejaVu Sans", "bold", "normal", "condensed"),
    "dv-oblique": (DEJAVU + "DejaVuSans-BoldOblique.ttf", "DejaVu Sans", "bold", "oblique", "normal"),
    "dv-serif": (DEJAVU + "DejaVuSerif.ttf", "DejaVu Serif", "normal", "normal", "normal"),
    "dv-serif-bold": (DEJAVU + "DejaVuSerif-Bold.ttf", "DejaVu Serif", "bold", "normal", "normal"),
}


def _tables(data, base=0):
    num = struct.unpack_from(">H", data, base + 4)[0]
    out = {}
    for i in range(num):
        tag, _sum, off, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        out[tag.decode("latin-1")] = (off, length)
    return out


def _cmap(data, tables):
    """codepoint -> glyph id, from the best Unicode subtable (format 12 if there is one, else 4)."""
    base = tables["cmap"][0]
    n = struct.unpack_from(">H", data, base + 2)[0]
    subs = []
    for i in range(n):
        pid, eid, off = struct.unpack_from(">HHI", data, base + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, base + off)[0]
        if pid in (0, 3) and fmt in (4, 12):
            subs.append((fmt, base + off))
    fmt, at = max(subs)
    out = {}
    if fmt == 12:
        ngroups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(ngroups):
            start, end, gid = struct.unpack_from(">III", data, at + 16 + 12 * g)
            for c in range(start, end + 1):
                out[c] = gid + c - start
        return out
    segx2 = struct.unpack_from(">H", data, at + 6)[0]
    ends = at + 14
    starts = ends + segx2 + 2
    deltas = starts + segx2
    ranges = deltas + segx2
    for s in range(segx2 // 2):
        end, start = struct.unpack_from(">H", data, ends + 2 * s)[0], struct.unpack_from(">H", data, starts + 2 * s)[0]
        delta = struct.unpack_from(">h", data, deltas + 2 * s)[0]
        roff = struct.unpack_from(">H", data, ranges + 2 * s)[0]
        for c in range(start, end + 1):
            if c == 0xFFFF:
                continue
            if roff == 0:
                out[c] = (c + delta) & 0xFFFF
            else:
                g = struct.unpack_from(">H", data, ranges + 2 * s + roff + 2 * (c - start))[0]
                out[c] = (g + delta) & 0xFFFF if g else 0
    return out


class _Emoji:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        t = _tables(self.data)
        self.cmap = _cmap(self.data, t)
        self.cblc, self.cbdt = t["CBLC"][0], t["CBDT"][0]
        self.cache = {}

    def png(self, gid):
        d, cblc = self.data, self.cblc
        nsizes = struct.unpack_from(">I", d, cblc + 4)[0]
        best = None
        for i in range(nsizes):  # the largest strike
            rec = cblc + 8 + 48 * i
            arr_off, _size, nsub = struct.unpack_from(">III", d, rec)
            ppem = d[rec + 44]
            if best is None or ppem > best[0]:
                best = (ppem, arr_off, nsub)
        _ppem, arr_off, nsub = best
        for s in range(nsub):
            first, last, add = struct.unpack_from(">HHI", d, cblc + arr_off + 8 * s)
            if not first <= gid <= last:
                continue
            sub = cblc + arr_off + add
            ifmt, imgfmt, img_off = struct.unpack_from(">HHI", d, sub)
            if ifmt == 1:
                a, b = struct.unpack_from(">II", d, sub + 8 + 4 * (gid - first))
            elif ifmt == 3:
                a, b = struct.unpack_from(">HH", d, sub + 8 + 2 * (gid - first))
            else:
                raise ValueError("CBLC index format %d" % ifmt)
            at = self.cbdt + img_off + a
            if imgfmt == 17:
                at += 5
            elif imgfmt == 18:
                at += 8
            elif imgfmt != 19:
                raise ValueError("CBDT image format %d" % imgfmt)
            n = struct.unpack_from(">I", d, at)[0]
            return d[at + 4:at + 4 + n]
        raise KeyError(gid)


_emoji = None


def emoji_png(char):
    """PNG bytes of one emoji (its first code point; a trailing U+FE0F is ignored)."""
    global _emoji
    if _emoji is None:
        _emoji = _Emoji(EMOJI_FONT)
    gid = _emoji.cmap.get(ord(char[0]))
    if not gid:
        raise KeyError("no emoji for %r" % char)
    if gid not in _emoji.cache:
        _emoji.cache[gid] = _emoji.png(gid)
    return _emoji.cache[gid]


class _Metrics:
    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        base = 0
        if data[:4] == b"ttcf":  # a collection: every face shares the Latin and CJK advances we need
            base = struct.unpack_from(">I", data, 12)[0]
        t = _tables(data, base)
        self.upm = struct.unpack_from(">H", data, t["head"][0] + 18)[0]
        nhm = struct.unpack_from(">H", data, t["hhea"][0] + 34)[0]
        hm = t["hmtx"][0]
        self.adv = [struct.unpack_from(">H", data, hm + 4 * i)[0] for i in range(nhm)]
        self.cmap = _cmap(data, t)

    def width(self, text, size):
        total = 0
        for ch in text:
            gid = self.cmap.get(ord(ch), 0)
            total += self.adv[min(gid, len(self.adv) - 1)]
        return total * size / self.upm


_metrics = {}


def text_width(text, face, size, spacing=0):
    path = FACES[face][0]
    if path not in _metrics:
        _metrics[path] = _Metrics(path)
    return _metrics[path].width(text, size) + spacing * max(0, len(text) - 1)


def available():
    return [p for p in [EMOJI_FONT] + [f[0] for f in FACES.values()] if not os.path.exists(p)]
