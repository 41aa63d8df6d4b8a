"""demo_brands.py: how each demo brand's wordmark looks (made-up lettering in a brand-like colour, not real logos)."""
from demo_svg import Canvas, circle, dark, fit_size, luma, rect, text, text_width

# brand (zh) -> wordmark text, colour, face, letter spacing (em), decoration
# decorations: None, "dot" (a dot after the word), "ring" (a ring before it), "bar" (underlined),
# "box" (white letters on a colour box)
STYLES = {
    "华为": ("HUAWEI", "#c8102e", "dv-bold", 0.12, None),
    "小米": ("Xiaomi", "#ff6900", "dv-bold", 0, "dot"),
    "苹果": ("Apple", "#1d1d1f", "dv", 0, None),
    "OPPO": ("OPPO", "#1f8a4c", "dv-bold", 0.16, None),
    "vivo": ("vivo", "#415fff", "dv-bold", 0.04, None),
    "荣耀": ("HONOR", "#0094d6", "dv", 0.22, None),
    "索尼": ("SONY", "#111111", "dv-serif-bold", 0.16, None),
    "漫步者": ("EDIFIER", "#1a1a1a", "dv-cond", 0.1, "bar"),
    "联想": ("Lenovo", "#e2231a", "dv-bold", 0, "box"),
    "途虎养车": ("Tuhu", "#e60012", "dv-oblique", 0.02, "ring"),
    "车享家": ("Chexiang", "#0b5cad", "dv-bold", 0, "ring"),
    "万达影城": ("WANDA", "#b3122e", "dv-cond", 0.12, "bar"),
    "CGV影城": ("CGV", "#e71a0f", "dv-oblique", 0.06, None),
    "超级猩猩": ("SUPERMONKEY", "#ff5a1f", "dv-cond", 0.04, "dot"),
    "一兆韦德": ("WILL'S", "#d4001a", "dv-oblique", 0.06, None),
    "中国移动": ("China Mobile", "#0085d0", "dv-bold", 0, "ring"),
    "中国联通": ("China Unicom", "#e60027", "dv-bold", 0, "ring"),
    "中国电信": ("China Telecom", "#005bac", "dv-bold", 0, "ring"),
    "星巴克": ("STARBUCKS", "#00704a", "dv-bold", 0.1, "ring"),
    "瑞幸咖啡": ("luckin coffee", "#1a3c8f", "dv-bold", 0, None),
    "三顿半": ("Saturnbird", "#d9352b", "dv-serif-bold", 0, None),
    "八马茶业": ("BAMA TEA", "#7a1f1f", "dv-serif-bold", 0.12, None),
    "三只松鼠": ("Three Squirrels", "#8b5a2b", "dv-oblique", 0, None),
    "良品铺子": ("BESTORE", "#c8102e", "dv-bold", 0.12, None),
    "百草味": ("Be&Cheery", "#e4007f", "dv-bold", 0, None),
    "稻香村": ("稻香村", "#8a1c1c", "serif-bold", 0.2, None),
    "金龙鱼": ("Arawana", "#d71920", "dv-bold", 0, None),
    "福临门": ("Fortune", "#c8102e", "dv-serif-bold", 0, None),
    "鲁花": ("LUHUA", "#d2001a", "dv-bold", 0.12, None),
    "海天": ("HADAY", "#b8141b", "dv-bold", 0.12, "box"),
    "苏泊尔": ("SUPOR", "#d7000f", "dv-bold", 0.14, None),
    "美的": ("Midea", "#0092d8", "dv-bold", 0, None),
    "九阳": ("Joyoung", "#e60012", "dv-oblique", 0, None),
    "罗莱家纺": ("LUOLAI", "#6b4c9a", "dv-serif", 0.24, None),
    "水星家纺": ("MERCURY", "#1f5aa6", "dv-serif", 0.18, None),
    "网易严选": ("网易严选", "#9c8559", "serif-bold", 0.14, None),
    "蓝月亮": ("Bluemoon", "#1b4fa0", "dv-bold", 0, "dot"),
    "维达": ("Vinda", "#00843d", "dv-bold", 0, None),
    "百雀羚": ("PECHOIN", "#2e7d32", "dv-serif", 0.18, None),
    "珀莱雅": ("PROYA", "#1c1c1c", "dv-serif", 0.3, None),
    "薇诺娜": ("WINONA", "#1e6fb8", "dv", 0.22, None),
    "兰蔻": ("LANCÔME", "#1a1a1a", "dv-serif", 0.2, None),
    "飞利浦": ("PHILIPS", "#0b5ed7", "dv-bold", 0.12, None),
    "戴森": ("dyson", "#4a4a4a", "dv-bold", 0, None),
    "云南白药": ("云南白药", "#006b3f", "sans-bold", 0.1, "bar"),
    "完美日记": ("PERFECT DIARY", "#1a1a1a", "dv-serif", 0.08, None),
    "花西子": ("花西子", "#8a5a44", "serif-bold", 0.3, None),
    "李宁": ("LI-NING", "#d0021b", "dv-oblique", 0.06, None),
    "安踏": ("ANTA", "#d7000f", "dv-oblique", 0.12, None),
    "迪卡侬": ("DECATHLON", "#0082c3", "dv-bold", 0.04, "box"),
    "凯乐石": ("KAILAS", "#e4002b", "dv-bold", 0.14, None),
    "牧高笛": ("MOBI GARDEN", "#3b7a3b", "dv-cond", 0.06, None),
    "捷安特": ("GIANT", "#003a8c", "dv-oblique", 0.12, None),
    "飞鹤": ("FEIHE", "#0d47a1", "dv-bold", 0.14, None),
    "伊利": ("yili", "#0a4ea2", "dv-oblique", 0.02, None),
    "乐高": ("LEGO", "#d01012", "dv-bold", 0, "box"),
    "好孩子": ("goodbaby", "#f08300", "dv-bold", 0, "dot"),
    "帮宝适": ("Pampers", "#00a19b", "dv-oblique", 0, None),
    "中信出版": ("CITIC PRESS", "#b3001b", "dv-serif-bold", 0.06, None),
    "得力": ("deli", "#e60012", "dv-bold", 0, None),
    "晨光": ("M&G", "#1a1a1a", "dv-bold", 0.06, "ring"),
}


def style(brand):
    return STYLES.get(brand) or (brand or "", "#444444", "sans-bold", 0, None)


def colour(brand):
    return style(brand)[1]


def wordmark(brand, x, y, height, max_w, anchor="start", on=None):
    """SVG for the brand's wordmark with its left edge (or centre, or right edge) at x and its cap line
    at y; at most height tall and max_w wide. on = a background colour it is drawn on (for contrast).
    Returns (svg, width)."""
    word, col, face, sp, deco = style(brand)
    if on is not None and deco != "box":
        if abs(luma(on) - luma(col)) < 0.3:
            col = "#ffffff" if luma(on) < 0.55 else dark(col, 0.5)
    size = height * (1.0 if face.startswith("dv") else 0.9)
    pre = post = 0
    if deco == "ring":
        pre = size * 0.95
    if deco == "dot":
        post = size * 0.4
    if deco == "box":
        pre = post = size * 0.35
    avail = max_w - pre - post
    size = fit_size(word, face, avail, size, 6, sp * size)
    if deco == "ring":
        pre = size * 0.95
    if deco == "dot":
        post = size * 0.4
    if deco == "box":
        pre = post = size * 0.35
    tw = text_width(word, face, size, sp * size)
    total = pre + tw + post
    x0 = x if anchor == "start" else x - total / 2.0 if anchor == "middle" else x - total
    base = y + size * 0.74  # baseline below the cap line
    parts = []
    if deco == "box":
        parts.append(rect(x0, y - size * 0.18, total, size * 1.18, size * 0.16, fill=col))
        parts.append(text(x0 + pre, base, word, face, size, "#ffffff", spacing=sp * size))
    else:
        if deco == "ring":
            parts.append(circle(x0 + size * 0.36, y + size * 0.37, size * 0.3, fill="none", stroke=col, sw=size * 0.13))
        parts.append(text(x0 + pre, base, word, face, size, col, spacing=sp * size))
        if deco == "dot":
            parts.append(circle(x0 + pre + tw + size * 0.22, base - size * 0.08, size * 0.12, fill=col))
        if deco == "bar":
            parts.append(rect(x0 + pre, base + size * 0.14, tw, max(1.5, size * 0.08), fill=col))
    return "".join(parts), total


def logo_svg(brand):
    """The brand table's logo: the wordmark on a transparent 240x80 canvas (the home page's brand wall
    shows it 32 pixels high)."""
    c = Canvas(240, 80)
    word, col, face, sp, deco = style(brand)
    h = 44 if len(word) <= 5 else 38
    s, _w = wordmark(brand, 120, 40 - h * 0.45, h, 228, anchor="middle")
    c.add(s)
    return c.svg()
