"""demo_svg.py: a small SVG canvas for the demo pictures (shapes, gradients, fitted text, emoji images).

The drawings are plain SVG strings; rsvg-convert turns them into pixels. Emoji come from Debian's
Noto Color Emoji font (demo_fonts.emoji_png), embedded as PNG data so the SVG is self-contained.
"""
import base64

from demo_fonts import FACES, emoji_png, text_width


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def f(v):
    """Numbers without noise, so the SVG (and so the picture) depends only on the drawing."""
    return ("%.2f" % v).rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


# ---- colours ----

def rgb(c):
    c = c.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def hexc(t):
    return "#%02x%02x%02x" % tuple(max(0, min(255, int(round(v)))) for v in t)


def mix(a, b, t):
    """a blended towards b by t (0 = a, 1 = b)."""
    ra, rb = rgb(a), rgb(b)
    return hexc([ra[i] + (rb[i] - ra[i]) * t for i in range(3)])


def light(c, t):
    return mix(c, "#ffffff", t)


def dark(c, t):
    return mix(c, "#000000", t)


def luma(c):
    r, g, b = rgb(c)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255.0


def ink_on(c):
    """Text colour that reads on background c."""
    return "#ffffff" if luma(c) < 0.62 else "#1d1d1f"


# ---- canvas ----

class Canvas:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.defs, self.parts = [], []
        self.n = 0
        self._emoji = {}

    def uid(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def add(self, *s):
        self.parts.extend(s)

    def lin(self, stops, x1=0, y1=0, x2=0, y2=1):
        """Linear gradient; stops is [(offset, colour[, opacity])]. Returns 'url(#id)'."""
        i = self.uid("g")
        st = "".join('<stop offset="%s" stop-color="%s"%s/>' % (f(s[0]), s[1], ' stop-opacity="%s"' % f(s[2])
                                                                 if len(s) > 2 else "") for s in stops)
        self.defs.append('<linearGradient id="%s" x1="%s" y1="%s" x2="%s" y2="%s">%s</linearGradient>'
                         % (i, f(x1), f(y1), f(x2), f(y2), st))
        return "url(#%s)" % i

    def rad(self, stops, cx=0.5, cy=0.5, r=0.5):
        i = self.uid("r")
        st = "".join('<stop offset="%s" stop-color="%s"%s/>' % (f(s[0]), s[1], ' stop-opacity="%s"' % f(s[2])
                                                                 if len(s) > 2 else "") for s in stops)
        self.defs.append('<radialGradient id="%s" cx="%s" cy="%s" r="%s">%s</radialGradient>'
                         % (i, f(cx), f(cy), f(r), st))
        return "url(#%s)" % i

    def blur(self, sd):
        i = self.uid("b")
        self.defs.append('<filter id="%s" x="-50%%" y="-50%%" width="200%%" height="200%%">'
                         '<feGaussianBlur stdDeviation="%s"/></filter>' % (i, f(sd)))
        return "url(#%s)" % i

    def hue(self, degrees, sat=1.0):
        i = self.uid("h")
        m = '<feColorMatrix type="hueRotate" values="%s"/>' % f(degrees)
        if sat != 1.0:
            m += '<feColorMatrix type="saturate" values="%s"/>' % f(sat)
        self.defs.append('<filter id="%s" color-interpolation-filters="sRGB">%s</filter>' % (i, m))
        return "url(#%s)" % i

    def clip(self, shape):
        i = self.uid("c")
        self.defs.append('<clipPath id="%s">%s</clipPath>' % (i, shape))
        return "url(#%s)" % i

    def emoji(self, ch, cx, cy, size, hue=0, opacity=1.0, rotate=0):
        """SVG for an emoji centred on (cx, cy), size pixels wide (the font's bitmap is 136x128)."""
        if ch not in self._emoji:
            self._emoji[ch] = base64.b64encode(emoji_png(ch)).decode("ascii")
        w, h = size, size * 128 / 136.0
        extra = ""
        if hue:
            extra += ' filter="%s"' % self.hue(hue)
        if opacity != 1.0:
            extra += ' opacity="%s"' % f(opacity)
        tr = ' transform="rotate(%s %s %s)"' % (f(rotate), f(cx), f(cy)) if rotate else ""
        return ('<image x="%s" y="%s" width="%s" height="%s"%s%s xlink:href="data:image/png;base64,%s"/>'
                % (f(cx - w / 2.0), f(cy - h / 2.0), f(w), f(h), extra, tr, self._emoji[ch]))

    def svg(self):
        return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                'width="%d" height="%d" viewBox="0 0 %d %d"><defs>%s</defs>%s</svg>'
                % (self.w, self.h, self.w, self.h, "".join(self.defs), "".join(self.parts)))


# ---- shapes (strings, so drawers can wrap them in groups) ----

def attrs(fill=None, stroke=None, sw=None, opacity=None, extra=""):
    a = ""
    if fill is not None:
        a += ' fill="%s"' % fill
    if stroke is not None:
        a += ' stroke="%s"' % stroke
    if sw is not None:
        a += ' stroke-width="%s"' % f(sw)
    if opacity is not None:
        a += ' opacity="%s"' % f(opacity)
    return a + (" " + extra if extra else "")


def rect(x, y, w, h, rx=0, fill="#000", **kw):
    return '<rect x="%s" y="%s" width="%s" height="%s"%s%s/>' % (
        f(x), f(y), f(w), f(h), ' rx="%s"' % f(rx) if rx else "", attrs(fill, **kw))


def circle(cx, cy, r, fill="#000", **kw):
    return '<circle cx="%s" cy="%s" r="%s"%s/>' % (f(cx), f(cy), f(r), attrs(fill, **kw))


def ellipse(cx, cy, rx, ry, fill="#000", **kw):
    return '<ellipse cx="%s" cy="%s" rx="%s" ry="%s"%s/>' % (f(cx), f(cy), f(rx), f(ry), attrs(fill, **kw))


def path(d, fill="#000", **kw):
    return '<path d="%s"%s/>' % (d, attrs(fill, **kw))


def line(x1, y1, x2, y2, stroke="#000", sw=2, cap="round", **kw):
    return '<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-linecap="%s"%s/>' % (
        f(x1), f(y1), f(x2), f(y2), cap, attrs(None, stroke, sw, **kw))


def group(parts, tx=0, ty=0, scale=1.0, rotate=0, extra=""):
    tr = []
    if tx or ty:
        tr.append("translate(%s %s)" % (f(tx), f(ty)))
    if rotate:
        tr.append("rotate(%s)" % f(rotate))
    if scale != 1.0:
        tr.append("scale(%s)" % f(scale))
    body = "".join(parts) if isinstance(parts, (list, tuple)) else parts
    return "<g%s%s>%s</g>" % (' transform="%s"' % " ".join(tr) if tr else "", " " + extra if extra else "", body)


def text(x, y, s, face="sans", size=20, fill="#000", anchor="start", spacing=0, opacity=None, extra=""):
    _file, family, weight, style, stretch = FACES[face]
    a = ' font-family="%s, Noto Sans CJK SC" font-size="%s"' % (family, f(size))
    if weight != "normal":
        a += ' font-weight="%s"' % weight
    if style != "normal":
        a += ' font-style="%s"' % style
    if stretch != "normal":
        a += ' font-stretch="%s"' % stretch
    if anchor != "start":
        a += ' text-anchor="%s"' % anchor
    if spacing:
        a += ' letter-spacing="%s"' % f(spacing)
    return '<text x="%s" y="%s"%s%s>%s</text>' % (f(x), f(y), a, attrs(fill, opacity=opacity, extra=extra), esc(s))


def fit_size(s, face, max_w, size, min_size=8, spacing=0):
    """The largest font size <= size at which s fits in max_w pixels."""
    w = text_width(s, face, size, spacing)
    if w <= max_w:
        return size
    return max(min_size, size * max_w / w)


def ellipsize(s, face, size, max_w):
    if text_width(s, face, size) <= max_w:
        return s
    while s and text_width(s + "…", face, size) > max_w:
        s = s[:-1]
    return s.rstrip() + "…"


def wrap(s, face, size, max_w, lines=2):
    """Greedy wrap on spaces (and between CJK characters); the last line is ellipsized."""
    out, cur = [], ""
    tokens = []
    for word in s.split(" "):
        if text_width(word, face, size) > max_w:  # long CJK runs break anywhere
            tokens.extend(list(word))
            tokens.append(None)
        else:
            tokens.append(word)
            tokens.append(" ")
    for tok in tokens:
        if tok is None:
            continue
        trial = cur + tok
        if text_width(trial.strip(), face, size) <= max_w or not cur.strip():
            cur = trial
        else:
            out.append(cur.strip())
            cur = tok if tok != " " else ""
    if cur.strip():
        out.append(cur.strip())
    if len(out) > lines:
        out = out[:lines - 1] + [ellipsize(" ".join(out[lines - 1:]), face, size, max_w)]
    return out
