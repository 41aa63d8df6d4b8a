"""demo_art.py: the demo product pictures: what each product shows, and the three layouts of its gallery.

  hero(p)   the main picture: the object on a studio background, the brand's wordmark, the name on a label
  scene(p)  the second: the object larger on the product's colour, with its selling points and a few emoji
  facts(p)  the third: a card of selling points, with the object small and where / how it is delivered

p is a product dict from gen-demo.py (sub, name_zh, brand, type, id, summary_zh ...). Everything here is
a pure function of the product, so the pictures come out the same on every run.
"""
import re

from demo_brands import colour as brand_colour
from demo_brands import wordmark
from demo_objects import draw
from demo_svg import (Canvas, circle, dark, ellipse, fit_size, group, ink_on, light, line, mix, rect, text, text_width,
                      wrap)

SIZE = 480

# colour words in product names -> the product's body colour
COLOUR_WORDS = [
    ("雅川青", "#5d8c7b"), ("樱语白", "#f4e8ea"), ("羽砂黑", "#2b2b2e"), ("翡冷翠", "#3f8f76"), ("墨羽", "#23262c"),
    ("子夜黑", "#1f2230"), ("原色钛金属", "#bcb2a3"), ("钛金属", "#a9a49b"), ("海阔天空", "#4a86c5"),
    ("萤石青", "#5fb3a6"), ("星迹蓝", "#3d5fa8"), ("青松", "#4f7f5a"), ("绒黑色", "#26262a"), ("燃橙色", "#f07a2a"),
    ("远山蓝", "#7fa3c8"), ("幻夜黑", "#202024"), ("蓝色", "#9fbfe0"), ("白色", "#f2f2f2"), ("黑", "#26262a"),
]

# studio backgrounds, one after another through a category, so neighbours never share one
TINTS = ["#7fb3e8", "#f2a58e", "#8fd1b8", "#c7a6e8", "#f3c96b", "#8ecbe0", "#f29ab5", "#a9c77d", "#b9b0a4",
         "#e8b38a", "#94a7e0", "#e89090"]
# the scene pictures' backgrounds: deeper colours, so the gallery's second picture stands apart
SCENES = ["#2d6cdf", "#e8603c", "#11998e", "#8e44ad", "#d9822b", "#16a085", "#c0392b", "#34495e", "#7b5cd6",
          "#0f8fb3", "#b8336a", "#3d7a3d"]
BODIES = ["#f4f4f6", "#2b2d33", "#c9d6e3", "#e8c8b0", "#9fb8a8", "#d9d2e9", "#f0e0c0", "#b33a3a", "#3a5a8c"]

SCENE_EMOJI = {
    "phone": "📶✨", "tablet": "✏🎬", "audio": "🎵🎶", "wear": "💓🏃", "carwash": "🫧💦", "movie": "🍿🎬",
    "gym": "💪🔥", "topup": "📶⚡", "coffee": "☕✨", "snack": "😋🎁", "pantry": "🍚🥢", "kitchen": "🍲✨",
    "bedding": "🌙💤", "clean": "✨🫧", "skin": "💧🌿", "care": "✨💧", "makeup": "💋🌸", "sport": "🏃💨",
    "camp": "🌲⛰", "bike": "🌄💨", "milk": "🍼⭐", "toy": "⭐🎈", "baby": "👶💕", "book": "📖☕", "pen": "📝✨",
}

SPEC_UNITS = r"(\d+(\.\d+)?\s*(GB|TB|mm|cm|ml|L|kg|g|W|寸|英寸|毫米|片|袋|支|本|包|卷|条|盒|颗|件|次|人|段|色|册|节|周|分钟|天)|[×x]\d|" \
             r"^\(|（|\d+[+]\d+)"


def has(p, *words):
    return any(w in p["name_zh"] for w in words)


def short_name(p):
    """The product name without its brand in front."""
    n = p["name_zh"]
    b = p.get("brand") or ""
    first, _sp, rest = n.partition(" ")
    if b and rest and (b.startswith(first) or first.startswith(b)) and not re.match(r"\d+( |$)", rest):
        return rest.strip()  # "途虎 标准洗车券" -> "标准洗车券"; "小米 14 手机" keeps its brand
    return n


def split_title(p, max_w=430, size=30):
    """(headline, rest): the model or item name, then the specs (sizes, colours, counts)."""
    toks = short_name(p).split(" ")
    head = [toks[0]]
    for t in toks[1:]:
        if re.search(SPEC_UNITS, t) or any(w in t for w, _c in COLOUR_WORDS):
            break
        if text_width(" ".join(head + [t]), "sans-bold", size) > max_w:
            break
        head.append(t)
    return " ".join(head), " ".join(toks[len(head):])


def body_colour(p, i):
    for w, c in COLOUR_WORDS:
        if w in p["name_zh"]:
            return c
    return BODIES[(i * 4 + p["sub"]["id"]) % len(BODIES)]


# ---------------------------------------------------------------- what each product shows

def art(p, i):
    """The art parameters of product p, the i-th of its category."""
    key = p["sub"]["key"]
    brand = p.get("brand")
    acc = brand_colour(brand) if brand else "#8a5a44"
    a = dict(brand=brand, accent=acc, variant=i, body=body_colour(p, i), emoji=[], label=split_title(p)[0],
             tint=TINTS[(i + p["sub"]["id"]) % len(TINTS)])
    head, rest = split_title(p)
    if key == "phone":
        a.update(kind="phone", camera="square" if brand == "苹果" else ["ring", "corner", "strip", "pill"][i % 4],
                 screen=mix(a["body"], ["#3a7bd5", "#e8603c", "#8e2de2", "#11998e"][i % 4], 0.6))
    elif key == "tablet":
        a.update(kind="tablet", screen=["#3a7bd5", "#11998e", "#e8603c", "#8e2de2"][i % 4],
                 body=a["body"] if has(p, "蓝") else ["#8a8d93", "#c9ccd1", "#3a3c42", "#d8c8b0"][i % 4])
    elif key == "audio":
        if has(p, "头戴"):
            a.update(kind="headphones", body="#d9d4cc")
        elif has(p, "音箱"):
            shape = "pair" if has(p, "桌面") else "smart" if has(p, "智能音箱", "小爱") else "cylinder"
            a.update(kind="speaker", shape=shape, body=["#2b2d33", "#3a5a8c", "#b33a3a", "#e8e4dc"][i % 4])
        else:
            a.update(kind="earbuds", body=["#f7f7f8", "#2b2d33", "#dfe6ee", "#f6d8dc", "#d7ecf7"][i % 5])
    elif key == "wear":
        if has(p, "手环"):
            a.update(kind="band", body=["#1d1d1f", "#3a7bd5", "#e8603c"][i % 3])
        else:
            a.update(kind="watch", round=not has(p, "Apple Watch", "荣耀手表", "OPPO Watch"),
                     body=a["body"] if has(p, "钛") else ["#9aa0a8", "#2b2d33", "#c9a27a", "#dfe3e8"][i % 4],
                     strap=["#2b2d33", "#6b4c3a", "#3a5a8c", "#e8603c", "#4f7f5a"][i % 5])
    elif key == "carwash":
        extra = ("✨" if has(p, "打蜡") else "💎" if has(p, "镀晶") else "🌙" if has(p, "夜间") else
                 "❄" if has(p, "空调") else "🔧" if has(p, "发动机") else "🧽" if has(p, "内饰") else
                 "🛞" if has(p, "轮毂") else "🫧")
        big = re.sub(r"^(途虎|车享家)\s*", "", p["name_zh"])
        big = re.sub(r"[(（].*", "", big).replace("洗车券", "洗车").replace("+洗车套餐", "").replace("+洗车", "")
        base = "#e8491d" if brand == "途虎养车" else "#1565c0"
        a.update(kind="voucher", card=[base, dark(base, 0.2), mix(base, "#f5a623", 0.45), mix(base, "#6a1b9a", 0.3)][i % 4],
                 big=big.split(" ")[0], small=rest or "到店即洗 · 无需预约", foot="电子券 · 到店扫码核销",
                 emoji=["🚙" if has(p, "SUV") else "🚗", extra], code="NO. %04d" % (p["id"] * 37 % 10000))
    elif key == "movie":
        fmt = next((x for x in ("IMAX", "4DX", "ScreenX", "3D") if x in p["name_zh"]), "2D")
        two = has(p, "双人", "情侣", "亲子")
        em = ["🍿"] if has(p, "爆米花") else ["🥤"] if has(p, "饮品") else ["🌙"] if has(p, "午夜") else ["🎬"]
        if has(p, "亲子"):
            em = ["🧸"]
        base = "#b3122e" if brand == "万达影城" else "#1d1d1f"
        a.update(kind="movie", card=[base, mix(base, "#d4a017", 0.5), mix(base, "#6a1b9a", 0.4), dark(base, 0.3)][i % 4],
                 card2=mix(base, "#d4a017", 0.3), two=two, big=fmt,
                 small=("双人套餐" if has(p, "双人") else "情侣套餐" if has(p, "情侣") else "1大1小" if has(p, "亲子")
                        else "午夜场" if has(p, "午夜") else "单人通兑"),
                 seat="%d排%d座" % (3 + i % 9, 5 + (i * 3) % 12), emoji=em + ["🎬" if em[0] != "🎬" else "🎟"])
    elif key == "gym":
        big = ("10次卡" if has(p, "10次") else "月卡" if has(p, "月卡") else "季卡" if has(p, "季卡") else
               "周卡" if has(p, "周卡") else "私教3节" if has(p, "3节") else "私教体验" if has(p, "私教") else
               "训练营" if has(p, "训练营") else "瑜伽体验" if has(p, "瑜伽") else "单次券")
        em = ("🧘" if has(p, "瑜伽") else "🏊" if has(p, "游泳") else "🔥" if has(p, "燃脂") else
              "💪" if has(p, "私教") else "🤸" if has(p, "团课") else "🏋")
        base = "#ff5a1f" if brand == "超级猩猩" else "#1d1d1f"
        a.update(kind="voucher", card=[base, mix(base, "#8e2de2", 0.35), dark(base, 0.15), mix(base, "#0f9b8e", 0.4),
                                       mix(base, "#c8102e", 0.5)][i % 5],
                 big=big, small=re.sub(r"^(超级猩猩|一兆韦德)\s*", "", p["name_zh"]), foot="会员卡 · 到店扫码核销",
                 emoji=[em], code="CARD %04d" % (p["id"] * 53 % 10000))
    elif key == "topup":
        m = re.search(r"(\d+)元", p["name_zh"])
        g = re.search(r"(\d+GB)", p["name_zh"])
        big = "¥%s" % m.group(1) if m else g.group(1)
        value_cols = {"10": "#11998e", "30": "#2d7dd2", "50": "#6a4fc4", "100": "#d4a017", "200": "#e0567a",
                      "300": "#2b2d33"}
        card = value_cols.get(m.group(1), "#2d7dd2") if m else "#0f6fc6" if "5GB" in big else "#e8603c"
        card = mix(card, acc, 0.3)
        a.update(kind="voucher", card=card, big=big,
                 small="话费充值 · 全国通用" if m else re.sub(r"^中国..\s*", "", p["name_zh"]),
                 foot="自动充值 · 10分钟到账", emoji=["📱" if m else "📶"], code="")
    elif key == "coffee":
        if has(p, "星礼卡"):
            a.update(kind="voucher", card="#00704a", big="¥100", small="星礼卡 · 全国门店通用", foot="电子卡",
                     emoji=["☕"], code="")
        elif has(p, "生椰"):
            a.update(kind="cup", iced=True)
        elif has(p, "拿铁"):
            a.update(kind="cup")
        elif has(p, "咖啡豆"):
            a.update(kind="pouch", body="#1a3c8f", emoji=["🫘"], big="精选咖啡豆 250g")
        elif has(p, "速溶"):
            a.update(kind="cups")
        elif has(p, "挂耳"):
            a.update(kind="box", body="#f1e3cf", emoji=["☕"], big="冷萃挂耳", label="20袋")
        elif has(p, "普洱"):
            a.update(kind="teacake")
        else:
            a.update(kind="giftbox", body="#2f5d3a" if has(p, "铁观音") else "#7a1f1f", ribbon="#d4a017",
                     emoji=["🍵", "🍃"], big="铁观音" if has(p, "铁观音") else "大红袍", label="礼盒装")
    elif key == "snack":
        bodies = ["#c97b2e", "#e8603c", "#8b5a2b", "#c8102e", "#f5a623", "#6a4fc4", "#2e7d32", "#e4007f"]
        if has(p, "礼盒", "礼包"):
            em = (["🥮", "🥮"] if has(p, "月饼") else ["🥮", "🍡"] if has(p, "京八件") else ["🍪", "🥜", "🍫"])
            a.update(kind="giftbox", body="#b3261e" if brand == "稻香村" else bodies[i % 8], ribbon="#f5c400",
                     emoji=em, big=head if len(head) <= 8 else head[:8], label=rest)
        else:
            em = (["🥭"] if has(p, "芒果") else ["🥓"] if has(p, "猪肉") else ["🌰"] if has(p, "碧根果") else
                  ["🍑", "🍇", "🍒"] if has(p, "果干") else ["🌰", "🥜"] if has(p, "夏威夷") else ["🥜", "🌰", "🍇"])
            a.update(kind="pouch", body=bodies[i % 8], emoji=em, big=head)
    elif key == "pantry":
        if has(p, "油") and not has(p, "酱油", "生抽", "蚝油"):
            a.update(kind="bottle", shape="jug", liquid="#f2b817" if has(p, "调和") else "#e6a012", cap=a["accent"],
                     big="5L", label=head)
        elif has(p, "米", "粉"):
            a.update(kind="sack", body="#fbf5e6" if has(p, "米") else "#f6ecd0", emoji=["🌾" if has(p, "米") else "🌾"],
                     big="5kg", label=head)
        else:
            a.update(kind="bottle", shape="tall", count=3 if has(p, "组合") else 2, liquid="#3b1f12", cap=a["accent"],
                     big="生抽" if has(p, "生抽") else "酱油" if has(p, "酱油") else "调味", tilt=0)
    elif key == "kitchen":
        shape = next(s for w, s in [("电饭煲", "ricecooker"), ("炒锅", "wok"), ("压力锅", "pressure"),
                                    ("空气炸锅", "airfryer"), ("热水壶", "kettle"), ("微波炉", "microwave"),
                                    ("电磁炉", "induction"), ("料理机", "blender"), ("豆浆机", "soymilk"),
                                    ("蒸锅", "steamer"), ("", "ricecooker")] if w in p["name_zh"])
        a.update(kind="appliance", shape=shape, body=["#f4f4f6", "#c8102e", "#d9c7a8", "#9aa0a8", "#2b2d33"][i % 5],
                 emoji=["🥟"])
    elif key == "bedding":
        shape = "pillows" if has(p, "枕") else "roll" if has(p, "凉席") else "stack"
        cols = (["#f2f2f2", "#e0f0ff", "#ffe0ea", "#fff1c4"] if has(p, "毛巾 4", "毛巾 4条", "4条") else None)
        a.update(kind="fabric", shape=shape, wave=has(p, "乳胶"), colours=cols,
                 body=["#8fb3d9", "#e8b0a0", "#b8d8c0", "#d8c8e8", "#f0d9a8", "#a8c8d8", "#e8d0b8", "#c0c8e0"][i % 8])
    elif key == "clean":
        if has(p, "机器人"):
            a.update(kind="robot", body="#f4f4f6")
        elif has(p, "吸尘器"):
            a.update(kind="stickvac", body="#6a4fc4")
        elif has(p, "抽纸"):
            a.update(kind="tissues", body="#7cc08a")
        elif has(p, "卷纸"):
            a.update(kind="rolls")
        elif has(p, "洗衣液"):
            a.update(kind="bottle", shape="jug", liquid="#3d8fe0", cap="#1b4fa0", big="3kg×2", label="深层洁净")
        elif has(p, "洗手液"):
            a.update(kind="bottle", shape="pump", liquid="#9fd8f0", cap="#1b4fa0", big="洗手液", label="500g×3")
        elif has(p, "收纳箱"):
            a.update(kind="boxes", body="#b9b0a4")
        elif has(p, "压缩"):
            a.update(kind="vacbag", body="#3d8fe0")
        else:
            a.update(kind="umbrella", body="#2b2d33")
    elif key == "skin":
        liquid = ["#f5e6d3", "#e8b0a0", "#c8102e", "#d8e8f0", "#f0f0f0", "#1d1d1f"][i % 6]
        if has(p, "套装"):
            a.update(kind="box", body=["#2e7d32", "#86c5da"][i % 2], emoji=["🧴", "💧"], big=head, label="护肤套装")
        elif has(p, "面霜", "特护霜"):
            a.update(kind="jar", body="#c8102e" if has(p, "红宝石") else "#f4f4f6" if brand != "兰蔻" else "#e8c8b0",
                     cap="#d4af37" if brand == "兰蔻" else "#c0c4cc", big=head)
        elif has(p, "防晒"):
            a.update(kind="tube", body="#f5f0e6", cap="#1e6fb8", big="SPF50+")
        else:
            a.update(kind="bottle", shape="dropper", liquid="#1d1d1f" if brand == "兰蔻" else "#b3261e",
                     cap="#1d1d1f" if brand == "兰蔻" else "#d4af37", big=head)
        a.setdefault("liquid", liquid)
    elif key == "care":
        if has(p, "电动牙刷"):
            a.update(kind="toothbrush", body=["#f4f4f6", "#2b2d33"][i % 2])
        elif has(p, "剃须"):
            a.update(kind="shaver", body="#2b2d33")
        elif has(p, "Airwrap"):
            a.update(kind="dryer", shape="wand", body="#b0306a")
        elif has(p, "Supersonic"):
            a.update(kind="dryer", shape="ring", body="#b0306a")
        elif has(p, "吹风机"):
            a.update(kind="dryer", shape="dryer", body="#f4f4f6")
        elif has(p, "牙膏"):
            a.update(kind="tubes", body="#2e7d32", cap="#ffffff", big="210g")
        else:
            a.update(kind="bottle", shape="pump", liquid="#2e7d32", cap="#1d1d1f", big="养元青", label="400ml")
    elif key == "makeup":
        shape = ("lipbox" if has(p, "礼盒") else "lipstick" if has(p, "口红", "唇膏") else "palette" if has(p, "眼影") else
                 "powder" if has(p, "蜜粉") else "foundation" if has(p, "粉底") else "blush" if has(p, "腮红") else
                 "perfume")
        a.update(kind="makeup", shape=shape, body=["#c2185b", "#b3261e", "#8a5a44", "#e07a8a", "#d4a017"][i % 5],
                 liquid="#f3c6d0" if shape == "perfume" else "#e9c3a4", cap="#1d1d1f", big="50ml" if has(p, "50ml") else "")
    elif key == "sport":
        hue = [0, 140, 220, 300, 60][i % 5]
        if has(p, "鞋"):
            a.update(kind="emoji", emoji=["👟"], hue=hue)
        elif has(p, "T恤"):
            a.update(kind="emoji", emoji=["👕"], hue=hue)
        elif has(p, "哑铃"):
            a.update(kind="dumbbell", body="#2b2d33")
        elif has(p, "套装"):
            a.update(kind="emoji", emoji=["🧥", "👖"], hue=hue)
        elif has(p, "瑜伽垫"):
            a.update(kind="fabric", shape="roll", body="#8e78c8")
        elif has(p, "篮球"):
            a.update(kind="emoji", emoji=["🏀"])
        else:
            a.update(kind="jumprope", body="#0082c3")
    elif key == "camp":
        hue = [0, 160, 250, 40][i % 4]
        if has(p, "冲锋衣"):
            a.update(kind="emoji", emoji=["🧥"], hue=hue)
        elif has(p, "登山鞋"):
            a.update(kind="emoji", emoji=["🥾"])
        elif has(p, "帐篷"):
            a.update(kind="tent", body="#3b7a3b")
        elif has(p, "睡袋"):
            a.update(kind="sleepbag", body="#e8603c")
        elif has(p, "蛋卷桌"):
            a.update(kind="campset", table=True, body="#3b7a3b")
        elif has(p, "椅"):
            a.update(kind="campset", body="#0082c3")
        else:
            a.update(kind="emoji", emoji=["🎒"], hue=hue)
    elif key == "bike":
        if has(p, "头盔"):
            a.update(kind="helmet", body="#f4f4f6")
        elif has(p, "尾灯"):
            a.update(kind="taillight")
        elif has(p, "自行车"):
            a.update(kind="bicycle", body="#003a8c" if has(p, "山地") else "#c8102e", flat=has(p, "城市"))
        elif has(p, "手套"):
            a.update(kind="emoji", emoji=["🧤"], hue=180)
        else:
            a.update(kind="emoji", emoji=["👕", "🩳"], hue=200)
    elif key == "milk":
        if has(p, "奶粉"):
            stage = re.search(r"(\d)段", p["name_zh"])
            a.update(kind="tin", body=["#1565c0", "#d4a017", "#2e7d32", "#6a4fc4"][i % 4],
                     lid="#f2f2f2" if i % 2 else "#d4af37", big="%s段" % stage.group(1) if stage else "",
                     emoji=["🍼"], label=head)
        else:
            a.update(kind="carton", body="#ffffff", emoji=["🥛"], big="12盒",
                     accent="#2e7d32" if has(p, "QQ星") else "#1565c0")
    elif key == "toy":
        if has(p, "乐高"):
            em = ("🚒" if has(p, "消防") else "🏎" if has(p, "赛车") else "🛒" if has(p, "超市") else
                  "🐙" if has(p, "海洋") else "🧱")
            a.update(kind="legobox", body="#f5c400" if i % 2 else "#006cb7", accent="#d01012", emoji=[em], label=head)
        elif has(p, "平衡车"):
            a.update(kind="kidsbike", body="#e8603c")
        elif has(p, "滑板车"):
            a.update(kind="emoji", emoji=["🛴"])
        else:
            a.update(kind="kidsbike", body="#8e78c8")
    elif key == "baby":
        if has(p, "推车"):
            a.update(kind="stroller", body="#8e78c8")
        elif has(p, "座椅"):
            a.update(kind="carseat", body="#2b2d33")
        elif has(p, "纸尿裤", "拉拉裤"):
            a.update(kind="diaper", body="#00a19b" if has(p, "一级帮") else "#6ac46a", size="XL" if has(p, "XL") else "L",
                     big="52片" if has(p, "52") else "拉拉裤")
        elif has(p, "浴盆"):
            a.update(kind="emoji", emoji=["🛁"])
        else:
            a.update(kind="emoji", emoji=["🍼"])
    elif key == "book":
        title = re.search(r"《(.+?)》", p["name_zh"]).group(1)
        author = p["name_zh"].split("》", 1)[1].strip()
        em = {"三体": "🌌", "人类简史": "🦴", "原则": "📈", "活着": "🌾", "长安的荔枝": "🐎", "明朝那些事儿": "🏯",
              "百年孤独": "🦋", "小王子": "🌹"}.get(title, "📖")
        a.update(kind="book", body=["#1d3557", "#e63946", "#2a9d8f", "#f4a261", "#6a4c93", "#264653", "#b5838d", "#f1c453"][i % 8],
                 accent="#d4af37", big=title, small=author, emoji=[em], stack=has(p, "全集", "全9册"),
                 label=title)
    elif key == "pen":
        if has(p, "卷笔刀"):
            a.update(kind="sharpener", body="#3d8fe0")
        elif has(p, "复印纸"):
            a.update(kind="ream", big="A4", label="70g · 500张/包")
        elif has(p, "礼包"):
            a.update(kind="stationery", body="#f5a623", label="开学大礼包")
        elif has(p, "笔记本"):
            a.update(kind="notebooks")
        elif has(p, "马克笔"):
            a.update(kind="markers")
        else:
            a.update(kind="pens", clear=has(p, "按动"))
    else:
        a.update(kind="box", emoji=["🎁"], big=head)
    return a


# ---------------------------------------------------------------- layouts

def _object(c, a, x, y, scale, rotate=0):
    return group(draw(c, a), x, y, scale=scale, rotate=rotate)


def hero(p, i):
    a = art(p, i)
    c = Canvas(SIZE, SIZE)
    tint = a["tint"]
    top, bottom = light(tint, 0.45), light(tint, 0.86)
    c.add(rect(0, 0, SIZE, SIZE, fill=c.lin([(0, top), (1, bottom)])),
          circle(240, 200, 200, fill=c.rad([(0, "#ffffff", 0.75), (1, "#ffffff", 0)])),
          ellipse(240, 332, 150, 16, fill="#000000", opacity=0.16, extra='filter="%s"' % c.blur(7)))
    c.add(_object(c, a, 240, 210, 1.1))
    # brand wordmark, top left; what kind of product, top right
    if p.get("brand"):
        s, w = wordmark(p["brand"], 22, 20, 22, 190, "start", on=top)
        c.add(rect(12, 12, w + 20, 38, 19, fill="#ffffff", opacity=0.85), s)
    chip = {"voucher": "到店核销", "virtual": "自动充值"}.get(p["type"])
    if chip:
        cw = text_width(chip, "sans-bold", 15) + 24
        c.add(rect(SIZE - 14 - cw, 14, cw, 32, 16, fill=a["accent"]),
              text(SIZE - 14 - cw / 2, 36, chip, "sans-bold", 15, ink_on(a["accent"]), "middle"))
    # the label: headline and specs
    head, rest = split_title(p, 420, 30)
    c.add(rect(14, 364, SIZE - 28, 102, 16, fill="#ffffff", opacity=0.94),
          rect(14, 380, 6, 70, 3, fill=a["accent"]))
    hs = fit_size(head, "sans-bold", 420, 30, 18)
    if rest:
        c.add(text(34, 408, head, "sans-bold", hs, "#1d1d1f"),
              text(34, 442, wrap(rest, "sans", 19, 420, 1)[0], "sans", 19, "#6b6b70"))
    else:
        c.add(text(34, 425, head, "sans-bold", hs, "#1d1d1f"))
    return c.svg()


def selling_points(p):
    zh = p.get("summary_zh", "")
    return [s for s in zh.split("，") if s][:2]


def scene(p, i):
    a = art(p, i)
    c = Canvas(SIZE, SIZE)
    base = SCENES[(i * 5 + p["sub"]["id"]) % len(SCENES)]
    deep = dark(base, 0.4)
    c.add(rect(0, 0, SIZE, SIZE, fill=c.lin([(0, deep), (1, light(base, 0.15))], 0, 0, 1, 1)),
          circle(400, 90, 170, fill="#ffffff", opacity=0.07), circle(60, 470, 160, fill="#ffffff", opacity=0.06),
          circle(270, 300, 150, fill=c.rad([(0, "#ffffff", 0.5), (1, "#ffffff", 0)])))
    pts = selling_points(p)
    if pts:
        c.add(text(30, 62, pts[0], "sans-bold", fit_size(pts[0], "sans-bold", 420, 36, 20), "#ffffff"))
    if len(pts) > 1:
        c.add(text(30, 96, pts[1], "sans", fit_size(pts[1], "sans", 420, 20, 12), "#ffffff", opacity=0.88))
    c.add(line(30, 112, 90, 112, stroke="#ffffff", sw=3, opacity=0.8))
    c.add(ellipse(262, 430, 150, 16, fill="#000000", opacity=0.25, extra='filter="%s"' % c.blur(8)))
    c.add(_object(c, a, 262, 302, 1.08, rotate=-5 if i % 2 else 4))
    em = SCENE_EMOJI.get(p["sub"]["key"], "✨✨")
    c.add(c.emoji(em[0], 62, 210, 64, rotate=-10), c.emoji(em[-1], 430, 170, 52, rotate=12))
    if p.get("brand"):
        c.add(wordmark(p["brand"], SIZE - 24, SIZE - 44, 20, 200, "end", on=light(base, 0.1))[0])
    return c.svg()


def facts(p, i, merchant=None):
    a = art(p, i)
    c = Canvas(SIZE, SIZE)
    tint = a["tint"]
    c.add(rect(0, 0, SIZE, SIZE, fill="#ffffff"),
          rect(0, 0, SIZE, 196, fill=c.lin([(0, light(tint, 0.55)), (1, light(tint, 0.8))], 0, 0, 1, 1)))
    c.add(ellipse(372, 180, 80, 10, fill="#000000", opacity=0.14, extra='filter="%s"' % c.blur(5)))
    c.add(_object(c, a, 372, 112, 0.52))
    if p.get("brand"):
        c.add(wordmark(p["brand"], 26, 26, 18, 190, "start", on=light(tint, 0.55))[0])
    head, rest = split_title(p, 230, 26)
    lines = wrap(head, "sans-bold", 26, 240, 2)
    for k, ln in enumerate(lines):
        c.add(text(26, 92 + k * 34, ln, "sans-bold", 26, "#1d1d1f"))
    if rest:
        c.add(text(26, 92 + len(lines) * 34, wrap(rest, "sans", 16, 240, 1)[0], "sans", 16, "#55555a"))
    c.add(text(26, 236, "商品亮点", "sans-bold", 20, "#1d1d1f"),
          rect(26, 244, 34, 4, 2, fill=a["accent"]))
    y = 284
    for k, (zh, en) in enumerate(p["sub"]["points"][:4]):
        c.add(circle(42, y - 7, 14, fill=a["accent"] if k % 2 == 0 else light(a["accent"], 0.3)),
              text(42, y - 1, str(k + 1), "dv-bold", 14, ink_on(a["accent"]), "middle"),
              text(68, y - 6, zh, "sans-bold", 17, "#1d1d1f"),
              text(68, y + 13, en, "dv", fit_size(en, "dv", 380, 11, 8), "#8a8a90"))
        y += 44
    info = {"voucher": "适用门店：%s" % merchant if merchant else "到店出示券码核销",
            "virtual": "下单填写手机号 · 一般10分钟内到账",
            "physical": "官方正品 · 48小时内发货 · 7天质量问题退换"}[p["type"]]
    c.add(rect(0, SIZE - 44, SIZE, 44, fill=light(tint, 0.8)),
          text(26, SIZE - 16, info, "sans", fit_size(info, "sans", 430, 15, 10), "#44444a"))
    return c.svg()
