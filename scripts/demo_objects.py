"""demo_objects.py: the things in the demo product pictures, drawn as SVG.

Every drawer takes the canvas and the product's art parameters (a dict: body and accent colours, brand,
label texts, emoji, variant) and returns SVG in local coordinates: the object centred on (0, 0), about
280 wide and 250 tall, standing on y = 120. Packaging carries the brand's wordmark and the product's
own label, so two products of one kind still differ. Emoji (Noto Color Emoji) stand in where a drawing
would add nothing: fruit in a snack bag's window, a car on a car-wash voucher, a shoe or a backpack.
"""
import math

from demo_brands import wordmark
from demo_svg import circle, dark, ellipse, f, fit_size, group, ink_on, light, line, mix, path, rect, text


def shine(c, x, y, w, h, rx, alpha=0.35):
    """A soft highlight down the left of a shape."""
    g = c.lin([(0, "#ffffff", alpha), (0.35, "#ffffff", 0), (1, "#ffffff", 0)], 0, 0, 1, 0)
    return rect(x, y, w, h, rx, fill=g)


def shade(c, col, x1=0, y1=0, x2=1, y2=0, t=0.18):
    return c.lin([(0, light(col, t)), (1, dark(col, t))], x1, y1, x2, y2)


def label_text(s, x, y, max_w, size, face="sans-bold", fill="#222", anchor="middle"):
    return text(x, y, s, face, fit_size(s, face, max_w, size, 7), fill, anchor)


def wm(a, x, y, h, max_w, anchor="middle", on=None):
    return wordmark(a["brand"], x, y, h, max_w, anchor, on)[0] if a.get("brand") else ""


# ---------------------------------------------------------------- digital

CAMERAS = ["ring", "square", "strip", "corner", "pill"]


def phone_back(c, a, w=120, h=244):
    body = a["body"]
    parts = [rect(-w / 2, -h / 2, w, h, 22, fill=shade(c, body, t=0.14)),
             rect(-w / 2 + 2, -h / 2 + 2, w - 4, h - 4, 20, fill="none", stroke=light(body, 0.35), sw=1.5)]
    cam = a.get("camera", "ring")
    lens_col, rim = "#15171c", dark(body, 0.35)

    def lens(x, y, r):
        return (circle(x, y, r + 3, fill=rim) + circle(x, y, r, fill=lens_col) +
                circle(x, y, r * 0.55, fill="#2b3446") + circle(x - r * 0.3, y - r * 0.3, r * 0.18, fill="#8fa3c7"))
    top = -h / 2
    if cam == "ring":
        parts += [circle(0, top + 62, 40, fill=dark(body, 0.25)), circle(0, top + 62, 36, fill=light(body, 0.1)),
                  lens(-14, top + 48, 9), lens(14, top + 48, 9), lens(-14, top + 76, 9), lens(14, top + 76, 7)]
    elif cam == "square":
        parts += [rect(-w / 2 + 10, top + 10, 58, 58, 16, fill=light(body, 0.12), stroke=dark(body, 0.15), sw=1),
                  lens(-w / 2 + 26, top + 26, 9), lens(-w / 2 + 26, top + 52, 9), lens(-w / 2 + 52, top + 39, 9)]
    elif cam == "strip":
        parts += [rect(-w / 2 + 12, top + 12, 30, 86, 15, fill=dark(body, 0.2)),
                  lens(-w / 2 + 27, top + 28, 9), lens(-w / 2 + 27, top + 55, 9), lens(-w / 2 + 27, top + 82, 7)]
    elif cam == "corner":
        parts += [rect(-w / 2 + 10, top + 10, 74, 50, 14, fill=dark(body, 0.18)),
                  lens(-w / 2 + 28, top + 35, 11), lens(-w / 2 + 60, top + 35, 11)]
    else:
        parts += [rect(-w / 2 + 10, top + 12, w - 20, 40, 20, fill=dark(body, 0.2)),
                  lens(-w / 2 + 30, top + 32, 10), lens(0, top + 32, 10), lens(w / 2 - 30, top + 32, 7)]
    parts.append(wm(a, 0, h / 2 - 40, 11, w - 40, on=body))
    parts.append(shine(c, -w / 2, -h / 2, w, h, 22, 0.25))
    return parts


def screen(c, a, x, y, w, h, rx, clock=True):
    scr = a.get("screen", a["body"])
    g = c.lin([(0, light(scr, 0.05)), (0.55, mix(scr, "#5b3cc4", 0.35)), (1, dark(scr, 0.45))], 0, 0, 0.6, 1)
    parts = [rect(x, y, w, h, rx, fill=g),
             path("M%s %s C %s %s, %s %s, %s %s L %s %s L %s %s Z" % (
                 f(x), f(y + h * 0.62), f(x + w * 0.4), f(y + h * 0.48), f(x + w * 0.6), f(y + h * 0.8),
                 f(x + w), f(y + h * 0.6), f(x + w), f(y + h - rx), f(x), f(y + h - rx)), fill="#ffffff", opacity=0.14)]
    if clock:
        parts.append(text(x + w / 2, y + h * 0.3, "10:08", "dv", w * 0.26, "#ffffff", "middle"))
        parts.append(text(x + w / 2, y + h * 0.3 + w * 0.13, "周三 6月18日", "sans", w * 0.075, "#ffffff", "middle",
                          opacity=0.85))
    return parts


def phone(c, a):
    w, h = 120, 244
    front = [rect(-w / 2, -h / 2, w, h, 22, fill="#101114"),
             rect(-w / 2 + 1, -h / 2 + 1, w - 2, h - 2, 21, fill="none", stroke=light(a["body"], 0.2), sw=2)]
    front += screen(c, a, -w / 2 + 5, -h / 2 + 5, w - 10, h - 10, 18)
    front.append(circle(0, -h / 2 + 16, 4, fill="#050505") if a["variant"] % 2 else
                 rect(-16, -h / 2 + 11, 32, 10, 5, fill="#050505"))
    flip = -1 if a["variant"] % 3 == 2 else 1
    return [group(phone_back(c, a, w, h), -44 * flip, -4, rotate=-7 * flip),
            group(front, 46 * flip, 8, rotate=5 * flip)]


def tablet(c, a):
    w, h = 290, 196
    parts = [rect(-w / 2, -h / 2, w, h, 18, fill=dark(a["body"], 0.55)),
             rect(-w / 2 + 1, -h / 2 + 1, w - 2, h - 2, 17, fill="none", stroke=light(a["body"], 0.3), sw=2),
             rect(-w / 2 + 9, -h / 2 + 9, w - 18, h - 18, 10, fill="#000")]
    parts += screen(c, a, -w / 2 + 10, -h / 2 + 10, w - 20, h - 20, 9, clock=False)
    parts.append(text(-w / 2 + 26, -h / 2 + 48, "10:08", "dv", 30, "#ffffff"))
    for i in range(4):
        parts.append(rect(-w / 2 + 26 + i * 44, h / 2 - 62, 32, 32, 9, fill="#ffffff", opacity=0.78 - i * 0.1))
    parts.append(circle(w / 2 - 4.5, 0, 2.5, fill="#222"))
    out = [group(parts, 0, -10, rotate=-4 if a["variant"] % 2 else 3)]
    if a["variant"] % 2 == 0:  # with its pen
        out.append(group([rect(-5, -110, 10, 200, 5, fill="#f4f4f4", stroke="#d0d0d0", sw=1),
                          path("M-5 90 L0 108 L5 90 Z", fill="#cfcfcf"),
                          rect(-5, -110, 10, 14, 5, fill=a["accent"])], 150, 10, rotate=18))
    out.append(wm(a, 0, 100, 13, 140, on="#ffffff"))
    return out


def earbuds(c, a):
    body = a["body"]
    stroke = dark(body, 0.18)
    case = [rect(-78, -56, 156, 112, 48, fill=shade(c, body, 0, 0, 0, 1, 0.1), stroke=stroke, sw=1.5),
            line(-76, -14, 76, -14, stroke=stroke, sw=1.5), circle(0, 14, 4, fill="#4cd964"),
            shine(c, -78, -56, 156, 112, 48, 0.4), wm(a, 0, 26, 10, 90, on=body)]
    out = [group(case, -40, 30)]
    if a["variant"] % 2:  # stem buds
        bud = [ellipse(0, 0, 24, 20, fill=body, stroke=stroke, sw=1.5), ellipse(-6, -4, 10, 8, fill="#3a3a3a"),
               rect(6, 4, 14, 64, 7, fill=body, stroke=stroke, sw=1.5)]
        out += [group(bud, 80, -70, rotate=-18), group(bud, 118, -30, rotate=8)]
    else:  # round buds
        bud = [circle(0, 0, 26, fill=body, stroke=stroke, sw=1.5), circle(0, 0, 14, fill=dark(body, 0.1)),
               ellipse(-14, -12, 12, 9, fill="#555")]
        out += [group(bud, 82, -62), group(bud, 122, -10)]
    return out


def headphones(c, a):
    body = a["body"]
    band = path("M-92 30 C -100 -120, 100 -120, 92 30", fill="none", stroke=body, sw=18,
                extra='stroke-linecap="round"')
    pad = path("M-80 -40 C -80 -110, 80 -110, 80 -40", fill="none", stroke=dark(body, 0.25), sw=8,
               extra='stroke-linecap="round"')
    cup = [rect(-34, -58, 68, 116, 32, fill=shade(c, body, 0, 0, 1, 0, 0.15)),
           rect(-24, -48, 48, 96, 24, fill=dark(body, 0.3))]
    return [band, pad, group(cup, -96, 50, rotate=6), group(cup, 96, 50, rotate=-6),
            wm(a, 96, 38, 9, 40, on=body)]


def speaker(c, a):
    body, v = a["body"], a.get("shape", "cylinder")
    if v == "pair":
        box = [rect(-56, -90, 112, 180, 10, fill=shade(c, body, t=0.1)), circle(0, -42, 22, fill="#222"),
               circle(0, 28, 38, fill="#1a1a1a"), circle(0, 28, 16, fill="#3a3a3a"), circle(-4, 24, 5, fill="#666")]
        return [group(box, -70, 10), group(box, 70, 10), wm(a, 0, 104, 11, 120)]
    if v == "smart":
        parts = [rect(-72, -100, 144, 210, 60, fill=shade(c, body, t=0.12))]
        for i in range(9):
            for j in range(6):
                parts.append(circle(-50 + j * 20 + (i % 2) * 10, -50 + i * 18, 3, fill=dark(body, 0.25)))
        parts += [ellipse(0, -92, 56, 10, fill=light(body, 0.3)), ellipse(0, -92, 30, 5, fill=a["accent"])]
        return parts + [wm(a, 0, 86, 10, 80, on=body)]
    parts = [rect(-128, -54, 256, 108, 54, fill=shade(c, body, 0, 0, 0, 1, 0.14))]
    for i in range(5):
        for j in range(16):
            parts.append(circle(-90 + j * 12 + (i % 2) * 6, -28 + i * 14, 2.6, fill=dark(body, 0.3)))
    parts += [rect(-132, -10, 14, 20, 5, fill=dark(body, 0.3)), rect(118, -10, 14, 20, 5, fill=dark(body, 0.3)),
              path("M-60 -54 C -60 -110, 60 -110, 60 -54", fill="none", stroke=a["accent"], sw=8),
              wm(a, 0, 34, 10, 90, on=body)]
    return [group(parts, rotate=-6 if a["variant"] % 2 else 0)]


def watch(c, a):
    body, strap = a["body"], a.get("strap", dark(a["body"], 0.3))
    round_face = a.get("round", True)
    parts = [rect(-40, -130, 80, 100, 16, fill=strap), rect(-40, 30, 80, 100, 16, fill=strap)]
    for i in range(4):
        parts.append(circle(0, 60 + i * 16, 3.5, fill=dark(strap, 0.4)))
    if round_face:
        parts += [circle(0, 0, 82, fill=shade(c, body, 0, 0, 1, 1, 0.2)), circle(0, 0, 70, fill="#0b0c10")]
        for i in range(12):
            ang = math.radians(i * 30)
            parts.append(line(58 * math.sin(ang), -58 * math.cos(ang), 64 * math.sin(ang), -64 * math.cos(ang),
                              stroke="#ffffff", sw=3 if i % 3 == 0 else 1.5))
        parts += [line(0, 0, 0, -44, stroke="#ffffff", sw=4), line(0, 0, 34, 10, stroke="#ffffff", sw=4),
                  line(0, 0, -22, 38, stroke=a["accent"], sw=2), circle(0, 0, 5, fill=a["accent"]),
                  text(0, 34, "♥ 72", "dv-bold", 11, "#ff5a6a", "middle")]
        parts.append(rect(80, -14, 12, 28, 5, fill=dark(body, 0.2)))
    else:
        parts += [rect(-70, -86, 140, 172, 40, fill=shade(c, body, 0, 0, 1, 1, 0.2)),
                  rect(-60, -76, 120, 152, 32, fill="#0b0c10"),
                  text(0, -10, "10:08", "dv-bold", 38, "#ffffff", "middle"),
                  text(0, 14, "6月18日 周三", "sans", 12, "#bbbbbb", "middle"),
                  circle(-26, 44, 14, fill="none", stroke="#ff3b5c", sw=4),
                  circle(0, 44, 14, fill="none", stroke="#8cff3b", sw=4),
                  circle(26, 44, 14, fill="none", stroke="#3bd6ff", sw=4),
                  rect(68, -30, 10, 24, 4, fill=dark(body, 0.2))]
    return [group(parts, rotate=-10 if a["variant"] % 2 else 8)]


def band(c, a):
    strap = a["body"]
    parts = [rect(-26, -140, 52, 280, 24, fill=shade(c, strap, t=0.15)),
             rect(-34, -64, 68, 128, 30, fill="#17181c", stroke=light("#17181c", 0.3), sw=2),
             rect(-26, -56, 52, 112, 22, fill="#000"),
             text(0, -14, "10", "dv-bold", 26, "#ffffff", "middle"), text(0, 14, "08", "dv-bold", 26, a["accent"],
                                                                               "middle"),
             text(0, 36, "8,512 步", "sans", 9, "#bbbbbb", "middle")]
    for i in range(5):
        parts.append(circle(0, 84 + i * 11, 2.5, fill=dark(strap, 0.35)))
    return [group(parts, rotate=-28)]


# ---------------------------------------------------------------- cards, tickets

def card(c, a, w=290, h=184, emoji_size=96):
    """A voucher, gift or top-up card: brand, a big line, a small line and an emoji."""
    col = a["card"]
    ink = ink_on(col)
    parts = [rect(-w / 2, -h / 2, w, h, 18, fill=c.lin([(0, light(col, 0.12)), (1, dark(col, 0.18))], 0, 0, 1, 1)),
             circle(w / 2 - 30, -h / 2 + 20, 90, fill="#ffffff", opacity=0.1),
             circle(-w / 2 + 10, h / 2, 60, fill="#ffffff", opacity=0.08)]
    parts.append(wordmark(a["brand"], -w / 2 + 18, -h / 2 + 16, 16, w * 0.55, "start", on=col)[0]
                 if a.get("brand") else "")
    big = a.get("big", "")
    size = fit_size(big, "sans-bold", w - emoji_size - 40, 46)
    parts.append(text(-w / 2 + 18, 12, big, "sans-bold", size, ink))
    small = a.get("small", "")
    parts.append(text(-w / 2 + 18, 42, small, "sans", fit_size(small, "sans", w - 36, 15), ink, opacity=0.85))
    parts.append(line(-w / 2 + 18, h / 2 - 36, w / 2 - 18, h / 2 - 36, stroke=ink, sw=1.2, cap="butt",
                      extra='stroke-dasharray="5 5" opacity="0.5"'))
    parts.append(text(-w / 2 + 18, h / 2 - 14, a.get("foot", ""), "sans", 11, ink, opacity=0.8))
    parts.append(text(w / 2 - 18, h / 2 - 14, a.get("code", "NO. 2026 0618"), "dv", 10, ink, "end", opacity=0.7))
    if a.get("emoji"):
        ex, ey = w / 2 - emoji_size / 2 - 14, -8
        parts.append(circle(ex, ey, emoji_size * 0.56, fill="#ffffff", opacity=0.18))
        parts.append(c.emoji(a["emoji"][0], ex, ey, emoji_size))
        if len(a["emoji"]) > 1:
            parts.append(c.emoji(a["emoji"][1], ex + emoji_size * 0.36, ey - emoji_size * 0.42, emoji_size * 0.5))
    return parts


def voucher(c, a):
    out = []
    if a["variant"] % 3 == 0:  # a second card peeking out behind
        back = dict(a, big="", small="", foot="", code="", emoji=[])
        out.append(group(card(c, back), 18, -26, rotate=8, extra='opacity="0.55"'))
    out.append(group(card(c, a), 0, 0, rotate=-4 if a["variant"] % 2 else 3))
    return out


def ticket(c, a, w=300, h=150):
    col = a["card"]
    ink = ink_on(col)
    d = ("M{l} {t} H{r} V{m1} A14 14 0 0 0 {r} {m2} V{b} H{l} V{m2} A14 14 0 0 0 {l} {m1} Z"
         .format(l=f(-w / 2), r=f(w / 2), t=f(-h / 2), b=f(h / 2), m1=f(-14), m2=f(14)))
    parts = [path(d, fill=c.lin([(0, light(col, 0.1)), (1, dark(col, 0.2))], 0, 0, 1, 0)),
             line(w / 2 - 78, -h / 2 + 8, w / 2 - 78, h / 2 - 8, stroke=ink, sw=2, cap="butt",
                  extra='stroke-dasharray="4 6" opacity="0.5"'),
             wordmark(a["brand"], -w / 2 + 20, -h / 2 + 16, 14, 150, "start", on=col)[0],
             text(-w / 2 + 20, 20, a.get("big", ""), "dv-bold", fit_size(a.get("big", ""), "dv-bold", 170, 44), ink),
             text(-w / 2 + 20, 50, a.get("small", ""), "sans", fit_size(a.get("small", ""), "sans", 160, 14), ink,
                  opacity=0.85),
             text(w / 2 - 39, -20, "ADMIT", "dv-bold", 12, ink, "middle", opacity=0.8),
             text(w / 2 - 39, -4, "ONE", "dv-bold", 12, ink, "middle", opacity=0.8),
             text(w / 2 - 39, 30, a.get("seat", "8排12座"), "sans-bold", 13, ink, "middle")]
    return parts


def movie(c, a):
    out = []
    if a.get("two"):
        out.append(group(ticket(c, dict(a, card=a.get("card2", dark(a["card"], 0.25)))), 14, -46, rotate=9))
    out.append(group(ticket(c, a), -6, 20, rotate=-6))
    for i, e in enumerate(a.get("emoji", [])[:2]):
        out.append(c.emoji(e, [104, -112][i], [80, -92][i], [96, 64][i], rotate=[8, -12][i]))
    return out


# ---------------------------------------------------------------- containers

def box(c, a, w=200, h=150, d=54, front=None, col=None):
    """A carton in three-quarter view; front() draws on the front face (origin at its centre)."""
    col = col or a["body"]
    x0, y0 = -w / 2 - d * 0.35, -h / 2 + d * 0.3
    top = "M%s %s l%s %s h%s l%s %s Z" % (f(x0), f(y0), f(d), f(-d * 0.6), f(w), f(-d), f(d * 0.6))
    side = "M%s %s l%s %s v%s l%s %s Z" % (f(x0 + w), f(y0), f(d), f(-d * 0.6), f(h), f(-d), f(d * 0.6))
    parts = [path(top, fill=light(col, 0.25)), path(side, fill=dark(col, 0.22)),
             rect(x0, y0, w, h, 0, fill=c.lin([(0, light(col, 0.06)), (1, dark(col, 0.06))], 0, 0, 0, 1))]
    if front:
        parts.append(group(front(w, h), x0 + w / 2, y0 + h / 2))
    return parts


def front_label(c, a, emoji_size=70, big=None):
    """The usual front of a box or bag: wordmark, emoji, name."""
    def draw(w, h):
        ink = ink_on(a["body"])
        out = [wm(a, 0, -h / 2 + 12, max(10, h * 0.1), w * 0.8, on=a["body"])]
        if a.get("emoji"):
            es = min(emoji_size, h * 0.45)
            n = len(a["emoji"][:3])
            for i, e in enumerate(a["emoji"][:3]):
                out.append(c.emoji(e, (i - (n - 1) / 2.0) * es * 0.8, -h * 0.02, es))
        b = big if big is not None else a.get("big", "")
        if b:
            out.append(label_text(b, 0, h / 2 - 30, w * 0.85, h * 0.13, "sans-bold", ink))
        out.append(label_text(a.get("label", ""), 0, h / 2 - 10, w * 0.85, h * 0.085, "sans", ink))
        return out
    return draw


def giftbox(c, a):
    ribbon = a.get("ribbon", "#d4a017")

    def front(w, h):
        return [rect(-w / 2, -h / 2, w, h, 0, fill="none", stroke=ribbon, sw=5, opacity=0.7)] + front_label(c, a)(w, h)
    parts = box(c, a, 230, 160, 60, front)
    parts += [path("M-28 -112 C -70 -150, -80 -100, -30 -104 Z", fill=ribbon),
              path("M-8 -112 C 30 -150, 44 -100, -6 -104 Z", fill=ribbon), circle(-18, -106, 8, fill=dark(ribbon, 0.2))]
    return [group(parts, 0, 20)]


def pouch(c, a):
    col = a["body"]
    d = "M-95 -110 H95 L102 100 C 60 118, -60 118, -102 100 Z"
    parts = [path(d, fill=c.lin([(0, light(col, 0.15)), (0.5, col), (1, dark(col, 0.2))], 0, 0, 1, 0)),
             rect(-95, -110, 190, 14, 0, fill=dark(col, 0.2)),
             line(-90, -86, 90, -86, stroke=dark(col, 0.25), sw=2, extra='stroke-dasharray="3 3"'),
             wm(a, 0, -70, 16, 160, on=col),
             rect(-62, -40, 124, 92, 40, fill="#fff8ee", opacity=0.92)]
    n = len(a.get("emoji", [])[:3]) or 1
    for i, e in enumerate(a.get("emoji", [])[:3]):
        parts.append(c.emoji(e, (i - (n - 1) / 2.0) * 40, 6, 58 if n > 1 else 76))
    ink = ink_on(col)
    parts.append(label_text(a.get("big", ""), 0, 80, 170, 22, "sans-bold", ink))
    return [group(parts, rotate=-3 if a["variant"] % 2 else 2)]


def tin(c, a):
    col, lid = a["body"], a.get("lid", "#f2f2f2")
    parts = [rect(-88, -90, 176, 200, 10, fill=c.lin([(0, dark(col, 0.12)), (0.3, light(col, 0.2)), (1, dark(col, 0.2))],
                                                    0, 0, 1, 0)),
             ellipse(0, 110, 88, 14, fill=dark(col, 0.25)),
             rect(-92, -110, 184, 30, 8, fill=c.lin([(0, dark(lid, 0.1)), (0.3, "#ffffff"), (1, dark(lid, 0.15))], 0, 0, 1, 0)),
             ellipse(0, -110, 92, 14, fill=light(lid, 0.3)),
             rect(-72, -62, 144, 150, 12, fill="#ffffff", opacity=0.94),
             wm(a, 0, -52, 15, 120)]
    if a.get("emoji"):
        parts.append(c.emoji(a["emoji"][0], -34, 8, 58))
    parts += [circle(36, 8, 27, fill=a["accent"]),
              text(36, 17, a.get("big", ""), "sans-bold", fit_size(a.get("big", ""), "sans-bold", 44, 24), "#ffffff",
                   "middle"),
              label_text(a.get("label", ""), 0, 66, 130, 14, "sans-bold", "#333")]
    return [group(parts, 0, -4)]


def bottle(c, a):
    """Bottles by shape: jug (5 L oil), tall (soy sauce), pump, dropper, round (lotion), perfume."""
    shape, col = a.get("shape", "tall"), a["body"]
    liquid = a.get("liquid", col)
    cap = a.get("cap", "#c8102e")
    g = c.lin([(0, dark(liquid, 0.15)), (0.25, light(liquid, 0.25)), (1, dark(liquid, 0.25))], 0, 0, 1, 0)
    parts = []
    if shape == "jug":
        parts += [path("M-80 -60 C -80 -90, -50 -96, -20 -98 L 40 -98 C 70 -96, 84 -86, 84 -60 L 84 110 C 84 118, 78 122,"
                       " 70 122 L -66 122 C -74 122, -80 118, -80 110 Z", fill=g),
                  path("M40 -90 C 70 -90, 74 -60, 60 -40", fill="none", stroke=light(liquid, 0.35), sw=14),
                  rect(-44, -124, 46, 30, 6, fill=cap), rect(-66, -20, 130, 96, 10, fill="#ffffff", opacity=0.93),
                  wm(a, -1, -10, 14, 110), label_text(a.get("big", ""), -1, 40, 110, 26, "sans-bold", "#c8102e"),
                  label_text(a.get("label", ""), -1, 64, 116, 12, "sans", "#333")]
    elif shape == "tall":
        n = a.get("count", 1)
        for i in range(n):
            x = (i - (n - 1) / 2.0) * 76
            b = [path("M-30 -40 C -30 -70, -12 -80, -12 -100 L 12 -100 C 12 -80, 30 -70, 30 -40 L 30 110 L -30 110 Z",
                      fill=g), rect(-13, -126, 26, 28, 4, fill=cap),
                 rect(-30, -20, 60, 90, 4, fill=a.get("label_col", "#ffffff")),
                 wm(a, 0, -10, 8, 52), label_text(a.get("big", ""), 0, 40, 52, 16, "sans-bold", "#c8102e")]
            parts.append(group(b, x, 0))
    elif shape in ("pump", "round"):
        parts += [rect(-62, -70, 124, 190, 30 if shape == "round" else 18, fill=g)]
        if shape == "pump":
            parts += [rect(-14, -98, 28, 30, 4, fill=cap), rect(-10, -120, 60, 14, 5, fill=cap),
                      rect(-6, -116, 12, 24, 2, fill=dark(cap, 0.2))]
        else:
            parts += [rect(-30, -108, 60, 40, 8, fill=cap)]
        parts += [rect(-50, -30, 100, 110, 10, fill="#ffffff", opacity=0.9), wm(a, 0, -20, 12, 86),
                  label_text(a.get("big", ""), 0, 30, 86, 20, "sans-bold", a["accent"]),
                  label_text(a.get("label", ""), 0, 56, 88, 11, "sans", "#444")]
    elif shape == "dropper":
        parts += [rect(-54, -40, 108, 160, 20, fill=g), rect(-26, -70, 52, 34, 6, fill=cap),
                  path("M-18 -70 C -18 -130, 18 -130, 18 -70 Z", fill=dark(cap, 0.3)),
                  wm(a, 0, 6, 12, 90, on=liquid),
                  label_text(a.get("big", ""), 0, 60, 90, 16, "sans-bold", ink_on(liquid))]
    elif shape == "perfume":
        parts += [rect(-78, -50, 156, 160, 26, fill=c.lin([(0, light(liquid, 0.5), 0.9), (1, liquid, 0.95)], 0, 0, 1, 1)),
                  rect(-62, -36, 124, 132, 20, fill=light(liquid, 0.35), opacity=0.5),
                  rect(-14, -70, 28, 22, 3, fill="#d4af37"), rect(-36, -122, 72, 54, 10, fill=cap),
                  wm(a, 0, 20, 14, 120, on=liquid), label_text(a.get("big", ""), 0, 66, 120, 12, "dv", ink_on(liquid))]
    parts.append(shine(c, -60, -60, 40, 160, 16, 0.25))
    return [group(parts, rotate=a.get("tilt", 0))]


def jar(c, a):
    col, lid = a["body"], a.get("cap", "#d4af37")
    parts = [rect(-96, -30, 192, 120, 26, fill=c.lin([(0, dark(col, 0.1)), (0.3, light(col, 0.3)), (1, dark(col, 0.2))],
                                                    0, 0, 1, 0)),
             rect(-100, -74, 200, 52, 14, fill=c.lin([(0, dark(lid, 0.15)), (0.35, light(lid, 0.35)), (1, dark(lid, 0.25))],
                                                     0, 0, 1, 0)),
             wm(a, 0, -4, 15, 150, on=col), label_text(a.get("big", ""), 0, 54, 150, 16, "sans-bold", ink_on(col))]
    return [group(parts, 0, 20)]


def tube(c, a, n=1):
    col, cap = a["body"], a.get("cap", "#ffffff")
    out = []
    for i in range(n):
        parts = [path("M-44 -100 L44 -100 L36 80 L-36 80 Z", fill=c.lin([(0, dark(col, 0.08)), (0.35, light(col, 0.3)),
                                                                      (1, dark(col, 0.2))], 0, 0, 1, 0)),
                 rect(-48, -112, 96, 14, 3, fill=light(col, 0.2)), rect(-22, 80, 44, 34, 6, fill=cap),
                 group([wm(a, 0, 0, 12, 140, on=col)], -6, -10, rotate=-90),
                 label_text(a.get("big", ""), 0, 60, 60, 13, "sans-bold", ink_on(col))]
        out.append(group(parts, (i - (n - 1) / 2.0) * 70, 0, rotate=(i - (n - 1) / 2.0) * 8))
    return out


def book(c, a):
    col = a["body"]
    w, h, d = 170, 236, 26
    ink = ink_on(col)
    cover = [rect(-w / 2, -h / 2, w, h, 3, fill=c.lin([(0, light(col, 0.08)), (1, dark(col, 0.15))], 0, 0, 1, 1)),
             rect(-w / 2, -h / 2, 10, h, 0, fill=dark(col, 0.25))]
    title = a.get("big", "")
    lines = [title[i:i + 5] for i in range(0, len(title), 5)][:3] if len(title) > 6 else [title]
    for i, ln in enumerate(lines):
        cover.append(text(6, -h / 2 + 70 + i * 40, ln, "serif-bold", fit_size(ln, "serif-bold", w - 40, 34), ink,
                          "middle"))
    cover.append(line(-40, 30, 52, 30, stroke=a["accent"], sw=3))
    cover.append(text(6, 58, a.get("small", ""), "serif", fit_size(a.get("small", ""), "serif", w - 40, 15), ink,
                      "middle", opacity=0.85))
    if a.get("emoji"):
        cover.append(c.emoji(a["emoji"][0], 6, 96, 44))
    pages = path("M%s %s l%s %s v%s l%s %s Z" % (f(w / 2), f(-h / 2), f(d), f(-d * 0.5), f(h), f(-d), f(d * 0.5)),
                 fill="#f3efe6", stroke="#d9d2c0", sw=1)
    top = path("M%s %s l%s %s h%s l%s %s Z" % (f(-w / 2), f(-h / 2), f(d), f(-d * 0.5), f(w), f(-d), f(d * 0.5)),
               fill=dark(col, 0.3))
    out = [group([pages, top] + cover, -10, 6)]
    if a.get("stack"):
        out = [group([rect(-90 + i * 2, 86 - i * 26, 200, 24, 2, fill=mix(col, a["accent"], i / 5.0),
                           stroke=dark(col, 0.3), sw=1) for i in range(4)], 30, 30, rotate=0)] + \
              [group(out, -10, -34, scale=0.8)]
    return out


# ---------------------------------------------------------------- appliances and things

def appliance(c, a):
    kind, col = a.get("shape"), a["body"]
    acc = a["accent"]
    g = c.lin([(0, light(col, 0.2)), (1, dark(col, 0.18))], 0, 0, 1, 1)
    p = []
    if kind == "ricecooker":
        p += [path("M-120 -10 C -120 -70, 120 -70, 120 -10 Z", fill=light(col, 0.15)),
              rect(-124, -16, 248, 120, 50, fill=g), ellipse(0, -56, 30, 8, fill=dark(col, 0.2)),
              rect(-52, 24, 104, 50, 12, fill="#202328"), text(0, 57, "8:00", "dv-bold", 24, "#6fe3ff", "middle")]
    elif kind == "pressure":
        p += [rect(-110, -40, 220, 150, 40, fill=g), path("M-116 -40 C -116 -110, 116 -110, 116 -40 Z", fill=light(col, 0.25)),
              rect(-10, -112, 20, 20, 5, fill="#333"), rect(-44, 10, 88, 44, 10, fill="#1f2226"),
              text(0, 40, "压力煲", "sans-bold", 16, "#ffcf5a", "middle")]
    elif kind == "wok":
        p += [path("M-130 -20 Q 0 140 130 -20 Z", fill=c.lin([(0, "#3a3d44"), (1, "#111216")], 0, 0, 0, 1)),
              ellipse(0, -20, 130, 26, fill="#2a2c31"), ellipse(0, -20, 118, 20, fill="#15161a"),
              rect(126, -34, 110, 22, 10, fill=acc, extra='transform="rotate(-12 126 -24)"')]
        p = [group(p, -40, 10)]
    elif kind == "airfryer":
        p += [rect(-100, -120, 200, 236, 50, fill=g), rect(-76, -10, 152, 96, 16, fill=dark(col, 0.35)),
              rect(-64, 2, 128, 70, 10, fill="#3a2a1e", opacity=0.9), rect(-30, 88, 60, 14, 7, fill=dark(col, 0.4)),
              circle(0, -70, 26, fill="#1f2226"), text(0, -63, "200°", "dv-bold", 14, "#ffb35a", "middle")]
    elif kind == "kettle":
        p += [path("M-70 -80 L70 -80 L96 110 L-96 110 Z", fill=g),
              path("M70 -60 C 140 -60, 140 80, 84 90", fill="none", stroke=dark(col, 0.3), sw=18),
              path("M-72 -70 L-120 -100 L-112 -84 L-78 -50 Z", fill=dark(col, 0.1)),
              ellipse(0, -82, 72, 12, fill=dark(col, 0.25)), rect(-110, 108, 220, 18, 8, fill="#222")]
    elif kind == "microwave":
        p += [rect(-140, -90, 280, 190, 14, fill=g), rect(-124, -74, 186, 158, 8, fill="#1b1d22"),
              rect(-112, -62, 162, 134, 6, fill=c.lin([(0, "#3b4250"), (1, "#14161b")], 0, 0, 1, 1)),
              rect(76, -70, 50, 28, 4, fill="#0f1114"), text(101, -50, "1:30", "dv-bold", 14, "#6fe3ff", "middle"),
              circle(101, 0, 16, fill=dark(col, 0.3)), circle(101, 44, 16, fill=dark(col, 0.3))]
    elif kind == "induction":
        p += [path("M-130 10 L-80 -60 L130 -60 L100 10 Z", fill="#17181c"), path("M-130 10 L100 10 L100 40 L-130 40 Z", fill=g),
              ellipse(-4, -26, 62, 20, fill="none", stroke="#ff6a3d", sw=3),
              ellipse(-4, -26, 40, 13, fill="none", stroke="#ff6a3d", sw=2, opacity=0.7),
              text(-10, 32, "2200W", "dv-bold", 13, "#ffffff", "middle")]
    elif kind in ("blender", "soymilk"):
        p += [rect(-80, 40, 160, 76, 20, fill=g), circle(0, 78, 16, fill=dark(col, 0.35)),
              path("M-62 40 L-78 -120 L78 -120 L62 40 Z", fill="#dff2ff", opacity=0.55, stroke="#b8d8ea", sw=2),
              rect(-82, -132, 164, 18, 6, fill=dark(col, 0.2))]
        if kind == "soymilk":
            p += [path("M-66 -10 L-72 -70 L72 -70 L66 -10 Z", fill="#f4ead2", opacity=0.95)]
        else:
            p += [path("M-64 0 L-70 -60 L70 -60 L64 0 Z", fill="#f07c8a", opacity=0.8)]
        p += [path("M78 -100 C 120 -100, 120 -10, 70 -10", fill="none", stroke="#b8d8ea", sw=10)]
    elif kind == "steamer":
        for i in range(3):
            y = 60 - i * 58
            p += [rect(-120, y - 50, 240, 56, 14, fill="#e9f5fb", opacity=0.7, stroke="#b9d4e2", sw=2)]
        p += [path("M-110 -118 C -110 -150, 110 -150, 110 -118 Z", fill="#e9f5fb", stroke="#b9d4e2", sw=2),
              rect(-130, 60, 260, 56, 20, fill=g)]
        if a.get("emoji"):
            p += [c.emoji(a["emoji"][0], -40, 30, 48), c.emoji(a["emoji"][0], 40, 30, 48)]
    out = [group(p, 0, 0)]
    out.append(wm(a, 0, 116 if kind not in ("wok", "induction") else 70, 12, 110, on="#ffffff"))
    return out


def fabric(c, a):
    """Folded bedding: a stack of folded pieces, a pair of pillows or a rolled mat."""
    col, kind = a["body"], a.get("shape", "stack")
    p = []
    if kind == "pillows":
        for i in range(2):
            x, y = -40 + i * 70, -30 + i * 60
            p.append(path("M%s %s q 100 -24 200 0 q 14 60 0 120 q -100 24 -200 0 q -14 -60 0 -120 Z"
                          % (f(x - 100), f(y - 60)), fill=c.lin([(0, "#ffffff"), (1, light(col, 0.55))], 0, 0, 1, 1),
                          stroke=light(col, 0.2), sw=2))
            if a.get("wave"):
                p.append(path("M%s %s q 25 -14 50 0 t 50 0 t 50 0 t 50 0" % (f(x - 100), f(y)), fill="none",
                              stroke=light(col, 0.2), sw=2))
    elif kind == "roll":
        p += [rect(-120, -60, 220, 120, 0, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.1))], 0, 0, 0, 1)),
              ellipse(100, 0, 30, 60, fill=light(col, 0.3), stroke=dark(col, 0.2), sw=2),
              ellipse(100, 0, 16, 34, fill="none", stroke=dark(col, 0.25), sw=2)]
        for i in range(6):
            p.append(line(-120 + i * 36, -60, -120 + i * 36, 60, stroke=dark(col, 0.1), sw=2, opacity=0.6))
    else:
        cols = a.get("colours") or [col, light(col, 0.35), dark(col, 0.15), light(col, 0.6)]
        for i, cc in enumerate(cols[:4]):
            y = 80 - i * 46
            p += [rect(-130 + i * 4, y - 42, 252 - i * 8, 44, 14, fill=c.lin([(0, light(cc, 0.12)), (1, dark(cc, 0.1))],
                                                                              0, 0, 0, 1)),
                  path("M%s %s q 8 22 0 44" % (f(-130 + i * 4 + 4), f(y - 42)), fill="none", stroke=dark(cc, 0.2),
                       sw=2, opacity=0.6)]
    out = [group(p)]
    out.append(group([rect(-46, -12, 92, 30, 6, fill="#ffffff", opacity=0.95), wm(a, 0, -6, 11, 80)], 60, 96))
    return out


def robot(c, a):
    col = a["body"]
    p = [ellipse(0, 20, 140, 70, fill=dark(col, 0.3)), ellipse(0, 8, 140, 70, fill=c.lin([(0, light(col, 0.3)), (1, col)],
                                                                                         0, 0, 1, 1)),
         ellipse(0, -10, 34, 14, fill=dark(col, 0.25)), ellipse(0, -14, 26, 10, fill="#3a3d44"),
         path("M-120 30 A 140 70 0 0 0 120 30", fill="none", stroke=a["accent"], sw=3),
         wm(a, 0, 26, 11, 90, on=col)]
    return p


def stickvac(c, a):
    col = a["body"]
    p = [rect(-6, -120, 12, 220, 6, fill="#b8bcc4"), rect(-40, 96, 80, 22, 8, fill="#2a2c31"),
         group([rect(-26, -50, 52, 90, 20, fill=col), rect(-18, -40, 36, 60, 14, fill="#cfe8ff", opacity=0.7),
                rect(20, -70, 18, 60, 8, fill=a["accent"])], 0, -80, rotate=-12)]
    return [group(p, 0, 0, rotate=14), wm(a, 60, 90, 12, 100, on="#ffffff")]


def umbrella(c, a):
    col = a["body"]
    p = [path("M-130 0 Q 0 -190 130 0 Q 108 -16 87 0 Q 65 -16 43 0 Q 22 -16 0 0 Q -22 -16 -43 0 Q -65 -16 -87 0 "
              "Q -108 -16 -130 0 Z", fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.15))], 0, 0, 1, 0)),
         line(0, -96, 0, 110, stroke="#444", sw=5), path("M0 110 q 0 20 -22 20 q -16 0 -16 -16", fill="none",
                                                          stroke="#444", sw=6)]
    return [group(p, 0, -10, rotate=-10), wm(a, 70, 84, 12, 100, on="#ffffff")]


def rolls(c, a):
    p = []
    for i, (x, y) in enumerate([(-70, 40), (0, 40), (70, 40), (-35, -40), (35, -40)]):
        p += [rect(x - 34, y - 40, 68, 80, 8, fill=c.lin([(0, "#ffffff"), (1, "#e4e8ee")], 0, 0, 1, 0)),
              ellipse(x, y - 40, 34, 10, fill="#f7f9fb", stroke="#d6dbe2", sw=1), ellipse(x, y - 40, 10, 4, fill="#c8b79c")]
    p.append(group([rect(-64, -14, 128, 34, 8, fill=a["accent"]), wm(a, 0, -8, 12, 110, on=a["accent"])], 0, 104))
    return p


def tissues(c, a):
    col = a["body"]
    p = []
    for i in range(3):
        y = 60 - i * 56
        p += [rect(-120 + i * 6, y - 28, 230, 56, 20, fill=c.lin([(0, light(col, 0.3)), (1, col)], 0, 0, 0, 1),
                   stroke=dark(col, 0.1), sw=1),
              ellipse(-5 + i * 3, y - 26, 40, 6, fill="#ffffff")]
    p.append(wm(a, 0, 46, 14, 120, on=col))
    return p


def boxes(c, a):
    col = a["body"]
    p = []
    for i in range(3):
        y = 70 - i * 66
        p += [rect(-110, y - 30, 220, 62, 8, fill=c.lin([(0, "#ffffff", 0.9), (1, light(col, 0.4), 0.9)], 0, 0, 0, 1),
                   stroke=dark(col, 0.1), sw=2), rect(-30, y - 10, 60, 12, 6, fill=dark(col, 0.2))]
    p.append(wm(a, 0, 108, 11, 100))
    return p


def vacbag(c, a):
    col = a["body"]
    p = [rect(-120, -90, 220, 170, 14, fill=light(col, 0.6), stroke=light(col, 0.2), sw=2, opacity=0.95),
         path("M-100 -60 q 60 40 180 10", fill="none", stroke="#ffffff", sw=6, opacity=0.6),
         circle(50, 20, 26, fill=col), circle(50, 20, 12, fill="#ffffff"),
         rect(-130, -80, 240, 170, 14, fill=light(col, 0.45), stroke=light(col, 0.1), sw=2, opacity=0.5,
              extra='transform="translate(20 40)"')]
    return [group(p, -10, -10), wm(a, 0, 104, 12, 120)]


def toothbrush(c, a):
    col = a["body"]
    p = [rect(-24, -40, 48, 170, 22, fill=c.lin([(0, light(col, 0.25)), (1, dark(col, 0.1))], 0, 0, 1, 0)),
         rect(-9, -140, 18, 104, 8, fill=light(col, 0.3)), rect(-12, -150, 24, 40, 8, fill="#ffffff"),
         rect(-10, -146, 20, 30, 5, fill="#8fd3ff"), circle(0, 10, 9, fill=a["accent"]),
         group([wm(a, 0, 0, 9, 60, on=col)], 0, 60, rotate=-90)]
    return [group(p, -30, 0, rotate=-8), group([rect(-50, 40, 100, 70, 16, fill="#f2f2f2", stroke="#ddd", sw=1)], 70, 10)]


def shaver(c, a):
    col = a["body"]
    p = [rect(-52, -40, 104, 170, 40, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 0))]
    for i in range(3):
        ang = (i - 1) * 36
        p.append(group([circle(0, 0, 30, fill="#a8adb5"), circle(0, 0, 22, fill="#d3d7dd"),
                        circle(0, 0, 6, fill="#888")], math.sin(math.radians(ang)) * 34, -70 - (8 if i != 1 else 0)))
    p += [circle(0, 40, 12, fill=a["accent"]), wm(a, 0, 80, 9, 70, on=col)]
    return [group(p, rotate=-6)]


def dryer(c, a):
    col, kind = a["body"], a.get("shape", "dryer")
    if kind == "wand":
        p = [rect(-18, -130, 36, 250, 18, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 0)),
             rect(-14, -130, 28, 70, 12, fill="#c9ccd2")]
        for i in range(5):
            p.append(line(-14, -120 + i * 12, 14, -116 + i * 12, stroke="#999", sw=2))
        return [group(p, -40, 0, rotate=-16), group([rect(-40, -30, 80, 60, 20, fill=dark(col, 0.2)),
                                                     circle(0, 0, 16, fill="#c9ccd2")], 80, 40),
                wm(a, 60, 96, 12, 90, on="#fff")]
    if kind == "ring":
        p = [circle(-30, -50, 70, fill=c.lin([(0, light(col, 0.25)), (1, dark(col, 0.2))], 0, 0, 1, 1)),
             circle(-30, -50, 38, fill="#f3f0f6"), rect(-56, 10, 52, 120, 20, fill=dark(col, 0.1)),
             rect(-52, 100, 44, 24, 8, fill="#c0c4cc")]
        return [group(p, 30, 0), wm(a, 70, 96, 12, 90, on="#fff")]
    p = [rect(-120, -90, 180, 90, 45, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 0, 1)),
         ellipse(-120, -45, 18, 44, fill=dark(col, 0.3)), rect(30, -70, 70, 50, 14, fill=dark(col, 0.1)),
         rect(-10, -10, 54, 140, 24, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 0),
              extra='transform="rotate(-14 17 -10)"'), circle(14, 30, 8, fill=a["accent"])]
    return [group(p, 20, 0), wm(a, -60, 70, 12, 100, on="#fff")]


def lipstick(c, a, x=0, y=0, rot=0, col=None):
    col = col or a["body"]
    p = [rect(-30, 0, 60, 110, 6, fill=c.lin([(0, "#222"), (0.4, "#555"), (1, "#111")], 0, 0, 1, 0)),
         rect(-32, -6, 64, 14, 3, fill="#d4af37"),
         rect(-22, -70, 44, 66, 4, fill=c.lin([(0, "#c8c8c8"), (0.4, "#ffffff"), (1, "#a0a0a0")], 0, 0, 1, 0)),
         path("M-18 -70 L-18 -120 L18 -140 L18 -70 Z", fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))],
                                                                   0, 0, 1, 0))]
    return group(p, x, y, rotate=rot)


def makeup(c, a):
    kind, col = a.get("shape"), a["body"]
    if kind == "lipstick":
        return [lipstick(c, a, -10, 0, -8), group([rect(-30, 0, 60, 120, 8, fill="#222")], 80, -10, rotate=12),
                wm(a, 0, 120, 12, 120, on="#fff")]
    if kind == "lipbox":
        shades = [col, mix(col, "#ff6f91", 0.5), dark(col, 0.25)]
        return [rect(-130, 10, 260, 100, 14, fill=c.lin([(0, "#f3e6d8"), (1, "#d9c2a8")], 0, 0, 0, 1)),
                lipstick(c, a, -70, -20, -6, shades[0]), lipstick(c, a, 0, -26, 0, shades[1]),
                lipstick(c, a, 70, -20, 6, shades[2]), wm(a, 0, 74, 14, 140)]
    if kind == "palette":
        p = [rect(-130, -90, 260, 190, 18, fill="#1d1d1f"), rect(-120, -80, 240, 170, 12, fill="#2a2a2e")]
        cols = ["#f3d5c0", "#e8a87c", "#c38d6b", "#8c5a3c", "#f2b5c4", "#d46a8a", "#9c3d5a", "#5a2a3a", "#f6e3a1",
                "#d9a441", "#8fa6c9", "#3d4f7a"]
        for i, cc in enumerate(cols):
            p.append(rect(-110 + (i % 4) * 56, -70 + (i // 4) * 52, 48, 44, 8, fill=mix(cc, col, 0.15)))
        return [group(p, rotate=-6), wm(a, 0, 104, 12, 110, on="#fff")]
    if kind in ("powder", "blush"):
        p = [ellipse(0, 40, 120, 40, fill=dark(col, 0.25)), rect(-120, -10, 240, 50, 0, fill=dark(col, 0.1)),
             ellipse(0, -10, 120, 40, fill=col), ellipse(0, -10, 96, 30,
                                                         fill=a.get("powder", "#f3d6c4" if kind == "powder" else "#f29bb0"))]
        if kind == "blush":
            p.append(c.emoji("🌸", 0, -12, 40))
        return [group(p, 0, 10), wm(a, 0, 70, 14, 140, on=dark(col, 0.1))]
    if kind == "foundation":
        a2 = dict(a, shape="pump", liquid=a.get("liquid", "#e9c3a4"), cap="#1d1d1f")
        return bottle(c, a2)
    return bottle(c, dict(a, shape="perfume"))


def dumbbell(c, a):
    col = a["body"]
    bar = [rect(-120, -8, 240, 16, 6, fill="#9aa0a8")]
    for x in (-100, -76, 76, 100):
        bar.append(rect(x - 10, -50 + abs(x) * 0.1, 20, 100 - abs(x) * 0.2, 5, fill=c.lin([(0, light(col, 0.2)),
                                                                                        (1, dark(col, 0.3))], 0, 0, 0, 1)))
    return [group(bar, 0, -30, rotate=-8), group(bar, 0, 60, scale=0.8, rotate=6), wm(a, 0, 108, 12, 120, on="#fff")]


def jumprope(c, a):
    col = a["body"]
    return [path("M-80 -60 C -120 120, 120 120, 80 -60", fill="none", stroke=a["accent"], sw=5),
            group([rect(-14, -60, 28, 100, 12, fill=col), rect(-8, -80, 16, 26, 6, fill="#333"),
                   rect(-10, -30, 20, 16, 4, fill="#1d1d1f"), text(0, -18, "128", "dv-bold", 9, "#6fe3ff", "middle")],
                  -80, -90, rotate=-10),
            group([rect(-14, -60, 28, 100, 12, fill=col), rect(-8, -80, 16, 26, 6, fill="#333")], 80, -90, rotate=10),
            wm(a, 0, 108, 12, 120, on="#fff")]


def bicycle(c, a, kids=False):
    col = a["body"]
    r = 62 if not kids else 48
    fx, rx = 92, -92
    p = []
    for x in (rx, fx):
        p += [circle(x, 40, r, fill="none", stroke="#222", sw=9), circle(x, 40, r - 10, fill="none", stroke="#999", sw=1.5),
              circle(x, 40, 7, fill="#555")]
        for i in range(8):
            ang = math.radians(i * 22.5)
            p.append(line(x + (r - 8) * math.cos(ang), 40 + (r - 8) * math.sin(ang), x - (r - 8) * math.cos(ang),
                          40 - (r - 8) * math.sin(ang), stroke="#bbb", sw=1))
    frame = col
    if kids:
        p += [path("M%s 40 L-10 -10 L60 -10 L%s 40" % (f(rx), f(fx)), fill="none", stroke=frame, sw=10,
                   extra='stroke-linejoin="round"'),
              line(60, -10, 70, -60, stroke=frame, sw=8), line(50, -62, 92, -62, stroke="#333", sw=8),
              rect(-40, -30, 50, 14, 7, fill="#333")]
    else:
        p += [path("M%s 40 L-20 40 L-40 -40 L60 -40 L%s 40 M-20 40 L60 -40" % (f(rx), f(fx)), fill="none",
                   stroke=frame, sw=9, extra='stroke-linejoin="round"'),
              line(-40, -40, -48, -64, stroke=frame, sw=8), rect(-74, -74, 52, 12, 6, fill="#222"),
              line(60, -40, 72, -80, stroke=frame, sw=8),
              path("M50 -86 L 96 -82" if a.get("flat") else "M52 -80 C 70 -96, 96 -70, 100 -90", fill="none",
                   stroke="#333", sw=7),
              circle(-20, 40, 16, fill="none", stroke="#444", sw=4)]
    return [group(p, 0, -10), wm(a, 0, 108, 12, 120, on="#fff")]


def helmet(c, a):
    col = a["body"]
    p = [path("M-130 40 C -130 -110, 130 -110, 130 40 Z", fill=c.lin([(0, light(col, 0.25)), (1, dark(col, 0.2))], 0, 0, 1, 1)),
         rect(-132, 32, 264, 18, 8, fill="#222")]
    for i in range(4):
        p.append(path("M%s -40 q 16 -30 34 0 q -16 12 -34 0 Z" % f(-84 + i * 44), fill="#1d1d1f"))
    return [group(p, 0, 10), wm(a, 0, 72, 14, 140, on="#fff")]


def taillight(c, a):
    p = [rect(-44, -100, 88, 200, 36, fill="#202226"), rect(-32, -86, 64, 172, 28,
                                                            fill=c.lin([(0, "#ff5a5a"), (1, "#b00012")], 0, 0, 0, 1)),
         ellipse(0, 0, 60, 110, fill="#ff3030", opacity=0.22), rect(-12, 90, 24, 24, 6, fill="#444")]
    for i in range(5):
        p.append(rect(-22, -70 + i * 30, 44, 12, 6, fill="#ffd3d3", opacity=0.8))
    return [group(p, rotate=-10), wm(a, 0, 116, 11, 110, on="#fff")]


def stroller(c, a):
    col = a["body"]
    p = [path("M-100 -20 C -110 -120, 40 -140, 60 -30 Z", fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 1)),
         rect(-104, -30, 170, 70, 24, fill=dark(col, 0.1)), line(60, -20, 100, -100, stroke="#333", sw=8),
         line(90, -104, 124, -104, stroke="#333", sw=10), line(-80, 40, -96, 96, stroke="#555", sw=6),
         line(40, 40, 60, 96, stroke="#555", sw=6)]
    for x in (-96, 60):
        p += [circle(x, 100, 20, fill="#222"), circle(x, 100, 8, fill="#999")]
    return [group(p, 0, -6), wm(a, -20, 0, 12, 110, on=dark(col, 0.1))]


def carseat(c, a):
    col = a["body"]
    p = [path("M-70 -120 C -20 -140, 40 -140, 70 -110 L 80 40 L -80 40 Z", fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))],
                                                                                     0, 0, 1, 1)),
         rect(-100, 30, 200, 80, 30, fill=dark(col, 0.15)), rect(-50, -90, 100, 120, 30, fill=light(col, 0.35)),
         line(-30, -70, -10, 40, stroke="#222", sw=6), line(30, -70, 10, 40, stroke="#222", sw=6),
         circle(0, 40, 12, fill="#c62828")]
    return [group(p, 0, 0), wm(a, 0, 72, 12, 120, on=dark(col, 0.15))]


def bricks(c, a):
    cols = ["#d01012", "#f5c400", "#006cb7", "#00a650", "#ff7f00", "#ffffff"]
    p = []
    spots = [(-100, 60, 3), (-20, 60, 2), (40, 60, 3), (-70, 20, 2), (10, 20, 3), (-40, -20, 3), (40, -20, 1)]
    for i, (x, y, n) in enumerate(spots):
        cc = cols[(i + a["variant"]) % len(cols)]
        p.append(rect(x, y, 26 * n, 40, 2, fill=cc, stroke=dark(cc, 0.2), sw=1.5))
        for k in range(n):
            p.append(rect(x + 5 + 26 * k, y - 8, 16, 9, 2, fill=light(cc, 0.1), stroke=dark(cc, 0.2), sw=1))
    return p


def legobox(c, a):
    def front(w, h):
        out = [rect(-w / 2, -h / 2, w, 30, 0, fill=a["accent"]), wm(a, -w / 2 + 12, -h / 2 + 7, 16, 80, "start",
                                                                    on=a["accent"])]
        out.append(group(bricks(c, a), 10, 0, scale=0.62))
        if a.get("emoji"):
            out.append(c.emoji(a["emoji"][0], w / 2 - 40, -h / 2 + 62, 50))
        out.append(rect(-w / 2, h / 2 - 34, w, 34, 0, fill="#ffffff", opacity=0.9))
        out.append(label_text(a.get("label", ""), 0, h / 2 - 12, w - 20, 15, "sans-bold", "#222"))
        return out
    return [group(box(c, a, 250, 180, 50, front), 0, 16)]


def pens(c, a, n=5, markers=False):
    p = []
    palette = a.get("colours") or ["#1d1d1f", "#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f",
                                   "#ad1457"]
    for i in range(n):
        ang = (i - (n - 1) / 2.0) * (48.0 / max(1, n - 1))
        col = palette[i % len(palette)]
        if markers:
            pen = [rect(-11, -120, 22, 190, 8, fill="#f4f4f4", stroke="#ccc", sw=1), rect(-12, -150, 24, 40, 8, fill=col),
                   rect(-11, 40, 22, 30, 6, fill=col)]
        else:
            pen = [rect(-7, -130, 14, 200, 6, fill=light(col, 0.75) if a.get("clear") else col),
                   rect(-8, -140, 16, 40, 6, fill=col), path("M-7 70 L0 92 L7 70 Z", fill="#bbb"),
                   rect(4, -136, 4, 60, 2, fill=dark(col, 0.3))]
        p.append(group(pen, 0, 20, rotate=ang))
    return [group(p, 0, -10), wm(a, 0, 110, 12, 120, on="#fff")]


def sharpener(c, a):
    col = a["body"]
    p = [rect(-90, -60, 180, 160, 24, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 1)),
         rect(-70, 30, 140, 54, 10, fill="#ffffff", opacity=0.5), circle(0, -20, 18, fill="#222"),
         group([rect(-8, -150, 16, 110, 2, fill="#f5c400"), path("M-8 -40 L0 -20 L8 -40 Z", fill="#e8c9a0")], 0, 6)]
    return [group(p, 0, 0), wm(a, 0, 50, 12, 110, on=light(col, 0.5))]


def ream(c, a):
    def front(w, h):
        return [rect(-w / 2, -h / 2, w, h, 0, fill="#ffffff"), rect(-w / 2, -h / 2 + 10, w, 30, 0, fill=a["accent"]),
                wm(a, 0, -h / 2 + 17, 14, w * 0.6, on=a["accent"]),
                label_text(a.get("big", "A4"), 0, 24, w * 0.5, 40, "dv-bold", "#222"),
                label_text(a.get("label", ""), 0, h / 2 - 12, w * 0.9, 12, "sans", "#444")]
    out = []
    for i in range(3):
        out.append(group(box(c, a, 220, 60 if i < 2 else 130, 80, front if i == 2 else None, "#f7f7f7"), 0,
                         90 - i * 56 if i < 2 else -40))
    return out


def notebooks(c, a):
    cols = a.get("colours") or ["#1f4e79", "#c62828", "#2e7d32", "#f5a623"]
    out = []
    for i, col in enumerate(cols[:4]):
        p = [rect(-80, -110, 160, 220, 8, fill=col), rect(-80, -110, 14, 220, 0, fill=dark(col, 0.3))]
        for k in range(9):
            p.append(circle(-73, -96 + k * 24, 4, fill="#ddd"))
        p.append(rect(-40, -60, 100, 40, 4, fill="#ffffff", opacity=0.9))
        p.append(text(10, -34, "B5", "dv-bold", 20, col, "middle"))
        out.append(group(p, -54 + i * 36, 10 - i * 8, rotate=-10 + i * 6))
    return out + [wm(a, 0, 112, 12, 120, on="#fff")]


def emoji_subject(c, a):
    """An emoji as the object itself, on a round plinth (shoes, clothes, backpacks, tents ...)."""
    es = a.get("emoji", ["🎁"])
    out = [ellipse(0, 96, 120, 22, fill="#ffffff", opacity=0.6)]
    if len(es) == 1:
        out.append(c.emoji(es[0], 0, -6, 210, hue=a.get("hue", 0)))
    else:
        out.append(c.emoji(es[0], -50, -20, 170, hue=a.get("hue", 0)))
        out.append(c.emoji(es[1], 70, 40, 120, hue=a.get("hue2", 0)))
    return out


def cups(c, a):
    """Saturnbird-style numbered mini cups."""
    cols = ["#d9352b", "#f5a623", "#2e7d32", "#1565c0", "#6a1b9a", "#1d1d1f"]
    out = []
    for i in range(6):
        x, y = -90 + (i % 3) * 90, -40 + (i // 3) * 90
        col = cols[(i + a["variant"]) % 6]
        out.append(group([path("M-34 -40 L34 -40 L26 40 L-26 40 Z", fill=col), ellipse(0, -40, 34, 8, fill=light(col, 0.3)),
                          text(0, 14, str(i + 1), "dv-bold", 30, "#ffffff", "middle")], x, y))
    return out + [wm(a, 0, 108, 13, 140, on="#fff")]


def cup(c, a):
    sleeve = a["accent"]
    iced = a.get("iced")
    body = "#ffffff" if not iced else "#eaf6ff"
    p = [path("M-70 -80 L70 -80 L54 120 L-54 120 Z", fill=body, stroke="#dddddd", sw=2, opacity=0.95)]
    if iced:
        p += [path("M-62 0 L62 0 L54 120 L-54 120 Z", fill="#c89f7a"), path("M-66 -50 L66 -50 L62 0 L-62 0 Z", fill="#f6f1e7")]
    p += [rect(-80, -104, 160, 28, 10, fill="#f2f2f2", stroke="#dddddd", sw=2), rect(-64, -116, 128, 16, 8, fill="#e6e6e6"),
          path("M-66 -20 L66 -20 L60 60 L-60 60 Z", fill=sleeve),
          wm(a, 0, 8, 14, 104, on=sleeve)]
    if iced:
        p.append(rect(20, -170, 10, 80, 4, fill="#1d1d1f", extra='transform="rotate(10 25 -130)"'))
    return [group(p, -30 if a.get("beans") else 0, 0)] + ([c.emoji("🫘", 90, 80, 70)] if a.get("beans") else [])


def teacake(c, a):
    p = [ellipse(0, 30, 140, 54, fill="#d8c9a8"), ellipse(0, 14, 140, 54, fill=c.rad([(0, "#fbf6ea"), (1, "#e3d6b8")])),
         path("M-60 -10 q 60 -30 120 0", fill="none", stroke="#c9b78f", sw=2),
         path("M-90 20 q 90 -40 180 0", fill="none", stroke="#c9b78f", sw=2),
         rect(-40, -6, 80, 40, 4, fill="#b3261e", opacity=0.9),
         text(0, 22, "普洱", "serif-bold", 22, "#fff", "middle"), wm(a, 0, 52, 10, 120)]
    return [group(p, 0, 10)] + [c.emoji("🍵", 100, -60, 70)]


def oilsack(c, a):
    """A 5 kg bag of rice or flour."""
    col = a["body"]
    p = [path("M-110 -110 L110 -110 L118 100 C 80 122, -80 122, -118 100 Z", fill=c.lin([(0, light(col, 0.1)), (1, dark(col, 0.1))],
                                                                                         0, 0, 1, 0)),
         path("M-110 -110 L-100 -124 L-90 -110 L-80 -124 L-70 -110 L-60 -124 L-50 -110 L-40 -124 L-30 -110 L-20 -124 L-10 -110"
              " L0 -124 L10 -110 L20 -124 L30 -110 L40 -124 L50 -110 L60 -124 L70 -110 L80 -124 L90 -110 L100 -124 L110 -110 Z",
              fill=dark(col, 0.1)),
         rect(-80, -90, 160, 34, 8, fill=a["accent"]), wm(a, 0, -82, 16, 140, on=a["accent"])]
    if a.get("emoji"):
        p.append(c.emoji(a["emoji"][0], 0, -10, 84))
    p += [label_text(a.get("big", "5kg"), 0, 74, 150, 34, "sans-bold", a["accent"]),
          label_text(a.get("label", ""), 0, 96, 170, 13, "sans", "#333")]
    return [group(p, rotate=-2)]


def carton(c, a, n=3):
    col = a["body"]
    out = []
    for i in range(n):
        def front(w, h, i=i):
            return [rect(-w / 2, -h / 2, w, h * 0.35, 0, fill=a["accent"]), wm(a, 0, -h / 2 + 8, 11, w * 0.8, on=a["accent"]),
                    c.emoji(a["emoji"][0], 0, 10, 40) if a.get("emoji") else "",
                    label_text(a.get("big", ""), 0, h / 2 - 12, w * 0.9, 12, "sans-bold", "#333")]
        out.append(group(box(c, dict(a, body=col), 90, 150, 40, front), -100 + i * 92, 20 - (i % 2) * 0))
    return out


def diaper(c, a):
    col = a["body"]

    def front(w, h):
        return [rect(-w / 2, -h / 2, w, h, 0, fill=c.lin([(0, light(col, 0.35)), (1, col)], 0, 0, 0, 1)),
                wm(a, 0, -h / 2 + 14, 18, w * 0.8, on=col), c.emoji("👶", -30, 6, 70),
                circle(50, 4, 28, fill="#ffffff"), text(50, 14, a.get("size", "L"), "dv-bold", 28, a["accent"], "middle"),
                label_text(a.get("big", ""), 0, h / 2 - 14, w * 0.9, 16, "sans-bold", "#ffffff")]
    return [group(box(c, a, 230, 190, 60, front), 0, 16)]


def tent(c, a):
    col = a["body"]
    p = [path("M-140 100 L0 -110 L140 100 Z", fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 1, 0)),
         path("M0 -110 L60 100 L140 100 Z", fill=dark(col, 0.25)), path("M-40 100 L0 10 L40 100 Z", fill="#2a2a2a"),
         line(-150, 100, 150, 100, stroke="#6b5a3a", sw=4)]
    return [group(p, 0, 0), wm(a, -60, 70, 12, 100, on=col)]


def sleepbag(c, a):
    col = a["body"]
    p = [rect(-140, -60, 280, 130, 40, fill=c.lin([(0, light(col, 0.2)), (1, dark(col, 0.2))], 0, 0, 0, 1)),
         rect(-140, -60, 90, 130, 40, fill=dark(col, 0.2))]
    for i in range(5):
        p.append(line(-40 + i * 36, -56, -40 + i * 36, 66, stroke=dark(col, 0.15), sw=3))
    return [group(p, 0, 10, rotate=-4), wm(a, 40, 40, 12, 110, on=col)]


def campset(c, a):
    col = a["body"]
    table = [rect(-130, -30, 260, 20, 6, fill="#c89f6a"), line(-100, -10, -60, 100, stroke="#555", sw=6),
             line(-60, -10, -100, 100, stroke="#555", sw=6), line(100, -10, 60, 100, stroke="#555", sw=6),
             line(60, -10, 100, 100, stroke="#555", sw=6)]
    for i in range(8):
        table.append(line(-130 + i * 33, -30, -130 + i * 33, -10, stroke="#a77f4c", sw=2))
    chair = [rect(-40, -60, 80, 70, 10, fill=col), rect(-44, 0, 88, 20, 8, fill=dark(col, 0.2)),
             line(-36, 20, 36, 90, stroke="#444", sw=5), line(36, 20, -36, 90, stroke="#444", sw=5)]
    out = [group(table, 0, -10)] if a.get("table") else []
    out += [group(chair, -150 if a.get("table") else 0, 20, scale=0.9 if a.get("table") else 1.5)]
    if a.get("table"):
        out.append(group(chair, 150, 20, scale=0.9))
    return out + [wm(a, 0, 108, 12, 120, on="#fff")]


def stationery_set(c, a):
    def front(w, h):
        return [rect(-w / 2, -h / 2, w, h, 0, fill=c.lin([(0, light(a["body"], 0.2)), (1, a["body"])], 0, 0, 0, 1)),
                wm(a, 0, -h / 2 + 10, 16, w * 0.6, on=a["body"]),
                c.emoji("✏", -60, 4, 56), c.emoji("📏", 0, 4, 56), c.emoji("🖍", 60, 4, 56),
                label_text(a.get("label", ""), 0, h / 2 - 14, w * 0.9, 15, "sans-bold", ink_on(a["body"]))]
    return [group(box(c, a, 250, 170, 50, front), 0, 16)]


DRAWERS = {
    "phone": phone, "tablet": tablet, "earbuds": earbuds, "headphones": headphones, "speaker": speaker,
    "watch": watch, "band": band, "voucher": voucher, "movie": movie, "giftbox": giftbox, "pouch": pouch,
    "tin": tin, "bottle": bottle, "jar": jar, "tube": tube, "book": book, "appliance": appliance,
    "fabric": fabric, "robot": robot, "stickvac": stickvac, "umbrella": umbrella, "rolls": rolls,
    "tissues": tissues, "boxes": boxes, "vacbag": vacbag, "toothbrush": toothbrush, "shaver": shaver,
    "dryer": dryer, "makeup": makeup, "dumbbell": dumbbell, "jumprope": jumprope, "bicycle": bicycle,
    "kidsbike": lambda c, a: bicycle(c, a, kids=True), "helmet": helmet, "taillight": taillight,
    "stroller": stroller, "carseat": carseat, "legobox": legobox, "pens": pens,
    "markers": lambda c, a: pens(c, a, 7, markers=True), "sharpener": sharpener, "ream": ream,
    "notebooks": notebooks, "emoji": emoji_subject, "cups": cups, "cup": cup, "teacake": teacake,
    "sack": oilsack, "carton": carton, "diaper": diaper, "tent": tent, "sleepbag": sleepbag, "campset": campset,
    "stationery": stationery_set, "tubes": lambda c, a: tube(c, a, 3),
    "box": lambda c, a: [group(box(c, a, 230, 170, 56, front_label(c, a)), 0, 16)],
}


def draw(c, a):
    return DRAWERS[a["kind"]](c, a)
