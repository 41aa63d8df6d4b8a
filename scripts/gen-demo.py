#!/usr/bin/env python3
"""gen-demo.py: writes the demo catalog (schema/demo/001_demo.sql) and its images (public/img/demo/).

Dev-time only; the output is committed so `make run` never needs python. Deterministic (fixed seed, and
pictures that depend only on the catalog): two runs give byte-identical files.
  scripts/gen-demo.py            SQL + missing images
  scripts/gen-demo.py --sql      SQL only
  scripts/gen-demo.py --force    SQL + regenerate every product picture and brand logo
                                 (banners, ads, activities and category icons only when missing)

Product pictures and brand logos are SVG drawings (scripts/demo_art.py, demo_objects.py, demo_brands.py)
with emoji from Debian's Noto Color Emoji, rendered by rsvg-convert and encoded by cwebp:
`scripts/install-deps.sh --demo` installs those tools and fonts. Banners, ads, activities and category
icons are ImageMagick drawings (apt-get install imagemagick).
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_catalog import (ACTIVITIES, ADS, BANNERS, BRANDS, CATEGORIES, CONSULT_POOL, MEMBERS,  # noqa: E402
                          MERCHANTS, NOTICES, PRODUCTS, REVIEW_POOL, SUBCATS, DEMO_LOTS)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SQL_OUT = os.path.join(ROOT, "schema", "demo", "001_demo.sql")
IMG_DIR = os.path.join(ROOT, "public", "img", "demo")
FONT_BOLD, FONT = "Noto-Sans-CJK-SC-Bold", "Noto-Sans-CJK-SC"
GALLERY = 3          # pictures per product: the main one, then a scene and a card of selling points
PRODUCT_PX = 400     # shown at most 440 CSS pixels wide on the product page, 220 in lists
WEBP_PRODUCT = ["-q", "60", "-m", "6", "-sharp_yuv"]
WEBP_LOGO = ["-q", "90", "-alpha_q", "100", "-m", "6", "-sharp_yuv"]

rng = random.Random(2026)


def q(s):
    """SQL string literal (the seed runs with default sql_mode, so backslash is an escape too)."""
    return "'" + str(s).replace("\\", "\\\\").replace("'", "''") + "'"


def ago(days, hours=0):
    e = "NOW() - INTERVAL %d DAY" % days
    return e + (" - INTERVAL %d HOUR" % hours if hours else "")


def insert(table, cols, rows):
    out = []
    for i in range(0, len(rows), 50):  # keep each statement modest
        vals = ",\n".join("(" + ", ".join(r) + ")" for r in rows[i:i + 50])
        out.append("INSERT INTO %s (%s) VALUES\n%s;" % (table, ", ".join(cols), vals))
    return "\n".join(out)


def build_products():
    """Expands the catalog lists into full product rows (dicts) with stable ids."""
    merchants = {m["id"]: m for m in MERCHANTS}
    brands = {b[1]: b[0] for b in BRANDS}
    out = []
    pid = 0
    for sub in SUBCATS:
        for item in PRODUCTS[sub["key"]]:
            pid += 1
            name_zh, name_en, brand, yuan = item[:4]
            merchant_id = item[4] if len(item) > 4 else None
            ptype = sub["type"]
            p = dict(id=pid, sub=sub, type=ptype, name_zh=name_zh, name_en=name_en,
                     brand_id=brands.get(brand), brand=brand, merchant_id=merchant_id)
            p["points"] = max(200, int(round(yuan * 20 / 10.0)) * 10)
            p["cash"] = 0
            if ptype == "physical" and yuan >= 300 and rng.random() < 0.22:
                # points + cash: roughly half the value in cash, the rest in points
                cash_yuan = int(yuan * rng.choice([0.3, 0.4, 0.5]))
                p["cash"] = cash_yuan * 100
                p["points"] = max(200, int(round((yuan - cash_yuan) * 20 / 10.0)) * 10)
            if ptype == "physical":
                initial = rng.choice([50, 80, 100, 200, 300, 500, 1000])
            elif ptype == "voucher":
                initial = rng.choice([300, 500, 1000, 2000])
            else:
                initial = rng.choice([5000, 10000, 20000])
            # only goods sell out: vouchers and top-ups stay available for the flows built on them
            r = rng.random() if ptype == "physical" else 1.0
            sales = int(rng.paretovariate(1.3) * 12) if ptype == "physical" else int(rng.paretovariate(1.1) * 40)
            sales = min(sales, initial - 1)
            stock = initial - sales
            if r < 0.06:
                stock = 0
                sales = initial
            elif r < 0.13:
                stock = rng.randint(1, 5)
                sales = initial - stock
            # initial_stock = stock: the seed has no order lines, so invariant I4
            # (initial - stock = quantity ordered) holds from the start; sales is only a display counter
            p.update(initial=stock, stock=stock, sales=sales,
                     views=sales * rng.randint(4, 15) + rng.randint(30, 900))
            p["limit"] = 0
            if ptype != "physical" or yuan < 100:
                p["limit"] = rng.choice([0, 0, 1, 2, 3, 5])
            elif yuan >= 3000:
                p["limit"] = rng.choice([0, 1, 1, 2])
            p["age_days"] = rng.randint(0, 89)
            p["age_hours"] = rng.randint(0, 23)
            p["on_shelf"] = 1
            sp = rng.sample(sub["points"], 2)
            p["summary_zh"] = "%s，%s" % (sp[0][0], sp[1][0])
            p["summary_en"] = "%s; %s" % (sp[0][1][0].upper() + sp[0][1][1:], sp[1][1])
            p["desc_zh"], p["desc_en"] = describe(p, sp, merchants.get(merchant_id))
            out.append(p)
    for p in rng.sample([p for p in out if p["type"] == "physical"], 4):  # a few taken off the shelf
        p["on_shelf"] = 0
    return out


def describe(p, sp, merchant):
    sub = p["sub"]
    zh = "%s。%s，%s。%s" % (p["name_zh"], sp[0][0], sp[1][0], sub["about_zh"])
    en = "%s. %s, %s. %s" % (p["name_en"], sp[0][1][0].upper() + sp[0][1][1:], sp[1][1], sub["about_en"])
    if p["type"] == "voucher":
        zh += ("\n\n兑换成功后系统生成电子券码，可在「我的券码」中查看。到店出示券码二维码，由门店工作人员扫码核销。"
               "适用门店：%s（%s，电话 %s）。券码自兑换之日起30天内有效，请在营业时间内使用，"
               "过期未使用的券码将自动退还积分。" % (merchant["name"], merchant["address"], merchant["phone"]))
        en += ("\n\nAfter redeeming you receive an electronic voucher code under \"My vouchers\". Show its QR code "
               "at the store and the staff will scan it. Valid at: %s (%s, tel. %s). The code is valid for 30 days; "
               "points for codes left unused are refunded automatically." %
               (merchant["name_en"], merchant["address_en"], merchant["phone"]))
    elif p["type"] == "virtual":
        zh += ("\n\n下单时填写需要充值的手机号码或接收券码的手机号码，支付成功后一般10分钟内到账，"
               "高峰期最迟24小时。虚拟商品一经充值成功不支持退换，请仔细核对号码。")
        en += ("\n\nEnter the mobile number to top up (or to receive the code) at checkout. It usually arrives "
               "within 10 minutes, at the latest within 24 hours. Virtual goods cannot be returned once delivered, "
               "so please check the number carefully.")
    else:
        zh += ("\n\n积分商城官方渠道正品保障，下单后48小时内发货，全国大部分地区包邮（新疆、西藏等偏远地区除外）。"
               "签收后如有质量问题，7天内可申请退换。")
        en += ("\n\nGenuine goods from official channels, shipped within 48 hours with free delivery to most of "
               "mainland China (except remote regions). Quality issues can be reported within 7 days of delivery.")
    return zh, en


def resolve(link, products):
    """"@<name_zh>" links point at a product by name, so ids can move when the catalog changes."""
    if not link.startswith("@"):
        return link
    return "/product/%d" % next(p["id"] for p in products if p["name_zh"] == link[1:])


def sql_text(products):
    parts = ["-- 001_demo.sql: demo catalog, accounts, content and points (generated by scripts/gen-demo.py; "
             "edit the generator, not this file)",
             "SET NAMES utf8mb4;"]
    parts.append(insert("categories", ["id", "parent_id", "name_zh", "name_en", "icon", "sort"],
                        [[str(c["id"]), str(c["parent"]) if c["parent"] else "NULL", q(c["zh"]), q(c["en"]),
                          q("/img/demo/cat%d.jpg" % c["id"]) if not c["parent"] else q(""), str(c["sort"])]
                         for c in CATEGORIES]))
    parts.append(insert("brands", ["id", "name_zh", "name_en", "logo", "sort"],
                        [[str(b[0]), q(b[1]), q(b[2]), q("/img/demo/brand%d.webp" % b[0]), str(b[0])] for b in BRANDS]))
    parts.append(insert("merchants", ["id", "name", "address", "phone", "status", "created_at"],
                        [[str(m["id"]), q(m["name"]), q(m["address"]), q(m["phone"]), q("active"), ago(m["age"])]
                         for m in MERCHANTS]))
    parts.append(insert("merchant_users", ["id", "merchant_id", "username", "password_hash", "role"],
                        [["1", "1", q("carwash"), q("demo:Merchant@2026"), q("owner")],
                         ["2", "1", q("carwash_staff"), q("demo:Merchant@2026"), q("staff")],
                         ["3", "2", q("cinema"), q("demo:Merchant@2026"), q("owner")],
                         ["4", "3", q("gym"), q("demo:Merchant@2026"), q("owner")]]))
    parts.append(insert("admins", ["id", "username", "password_hash", "role"],
                        [["1", q("admin"), q("demo:Admin@2026"), q("super")],
                         ["2", q("ops"), q("demo:Admin@2026"), q("ops")],
                         ["3", q("moderator"), q("demo:Admin@2026"), q("moderator")],
                         ["4", q("finance"), q("demo:Admin@2026"), q("finance")]]))
    cols = ["id", "type", "category_id", "brand_id", "merchant_id", "name_zh", "name_en", "summary_zh", "summary_en",
            "description_zh", "description_en", "points_price", "cash_price_fen", "stock", "initial_stock",
            "per_member_limit", "image", "on_shelf", "sales", "views", "created_at", "updated_at"]
    rows, images = [], []
    for p in products:
        created = ago(p["age_days"], p["age_hours"])
        rows.append([str(p["id"]), q(p["type"]), str(p["sub"]["id"]),
                     str(p["brand_id"]) if p["brand_id"] else "NULL",
                     str(p["merchant_id"]) if p["merchant_id"] else "NULL",
                     q(p["name_zh"]), q(p["name_en"]), q(p["summary_zh"]), q(p["summary_en"]),
                     q(p["desc_zh"]), q(p["desc_en"]), str(p["points"]), str(p["cash"]), str(p["stock"]),
                     str(p["initial"]), str(p["limit"]), q("/img/demo/p%d.webp" % p["id"]), str(p["on_shelf"]),
                     str(p["sales"]), str(p["views"]), created, created])
        # product_images holds the gallery's further pictures: the page shows products.image first
        for n in range(2, GALLERY + 1):
            images.append([str(p["id"]), q("/img/demo/p%d-%d.webp" % (p["id"], n)), str(n - 1)])
    parts.append(insert("products", cols, rows))
    parts.append(insert("product_images", ["product_id", "url", "sort"], images))

    parts.append(insert("notices", ["id", "title_zh", "title_en", "body_zh", "body_en", "pinned", "published_at"],
                        [[str(i + 1), q(n[0]), q(n[1]), q(n[2]), q(n[3]), str(n[4]), ago(n[5], 2)]
                         for i, n in enumerate(NOTICES)]))
    parts.append(insert("banners", ["id", "title_zh", "title_en", "image", "link", "sort", "starts_at", "ends_at"],
                        [[str(i + 1), q(b["zh"]), q(b["en"]), q("/img/demo/banner%d.jpg" % (i + 1)), q(resolve(b["link"], products)),
                          str(i + 1), ago(10), "NOW() + INTERVAL 60 DAY"] for i, b in enumerate(BANNERS)]))
    parts.append(insert("ads", ["id", "title_zh", "title_en", "image", "link", "position", "sort", "starts_at",
                                "ends_at"],
                        [[str(i + 1), q(a["zh"]), q(a["en"]), q("/img/demo/ad%d.jpg" % (i + 1)), q(resolve(a["link"], products)),
                          q("home"), str(i + 1), ago(7), "NOW() + INTERVAL 45 DAY"] for i, a in enumerate(ADS)]))
    acts, act_products = [], []
    by_sub = {}
    for p in products:
        by_sub.setdefault(p["sub"]["key"], []).append(p)
    for i, a in enumerate(ACTIVITIES):
        aid = i + 1
        start, end = a["window"]
        acts.append([str(aid), q(a["zh"]), q(a["en"]), q(a["sum_zh"]), q(a["sum_en"]), q(a["rules_zh"]),
                     q(a["rules_en"]), q("/img/demo/act%d.jpg" % aid), window(start), window(end)])
        pool = [p for k in a["subs"] for p in by_sub[k] if p["on_shelf"]]
        chosen = rng.sample(pool, min(len(pool), rng.randint(4, 8)))
        for s, p in enumerate(chosen):
            act_products.append([str(aid), str(p["id"]), str(s + 1)])
    parts.append(insert("activities", ["id", "title_zh", "title_en", "summary_zh", "summary_en", "rules_zh",
                                       "rules_en", "image", "starts_at", "ends_at"], acts))
    parts.append(insert("activity_products", ["activity_id", "product_id", "sort"], act_products))

    parts.append(points_sql())
    parts.append(reviews_sql(products))
    return "\n\n".join(parts) + "\n"


def window(days):
    return "NOW() + INTERVAL %d DAY" % days if days >= 0 else "NOW() - INTERVAL %d DAY" % -days


def points_sql():
    """Members with lots and one ledger entry per lot; balance = ledger sum = open remaining (invariant I1)."""
    members, lots, ledger = [], [], []
    lot_id = ledger_id = 0
    for mid, m in enumerate(MEMBERS, start=1):
        member_lots = DEMO_LOTS if mid == 1 else [
            (rng.choice(["earn", "grant"]), rng.choice(["月度消费积分", "企业员工福利积分", "新用户注册礼"]),
             rng.choice([800, 1500, 3000, 5200, 8000, 12000]), rng.randint(-5, 360), rng.randint(5, 80))
            for _ in range(rng.randint(1, 2))]
        # ledger in time order: oldest grant first
        balance = 0
        for source, note, amount, expires_in, created_ago in sorted(member_lots, key=lambda x: -x[4]):
            if expires_in < 1:
                expires_in = 20  # never seed an already-expired open lot
            lot_id += 1
            ledger_id += 1
            balance += amount
            created = ago(created_ago, 3)
            lots.append([str(lot_id), str(mid), q(source), q(note), str(amount), str(amount),
                         "CURDATE() + INTERVAL %d DAY" % expires_in, q("open"), created])
            ledger.append([str(ledger_id), str(mid), q(source), str(amount), str(balance), str(lot_id), q(note),
                           created])
        members.append([str(mid), q(m[0]), q(m[1]), q("demo:Demo@2026"), q("active"), str(balance), q(m[2]),
                        ago(m[3])])
    return "\n\n".join([
        insert("members", ["id", "mobile", "name", "password_hash", "status", "points_balance", "enterprise",
                           "created_at"], members),
        insert("points_lots", ["id", "member_id", "source", "note", "amount", "remaining", "expires_at", "status",
                               "created_at"], lots),
        insert("points_ledger", ["id", "member_id", "kind", "amount", "balance_after", "lot_id", "note",
                                 "created_at"], ledger)])


def reviews_sql(products):
    reviews, consults = [], []
    n_members = len(MEMBERS)
    for p in products:
        if rng.random() < 0.62:
            who = rng.sample(range(1, n_members + 1), rng.randint(1, 5))
            for mid in who:
                score = rng.choices([5, 4, 3, 2, 1], weights=[55, 28, 10, 4, 3])[0]
                text = rng.choice(REVIEW_POOL[p["type"]][min(score, 4) if score >= 3 else 2])
                status = "pending" if rng.random() < 0.07 else "approved"
                days = rng.randint(0, max(0, p["age_days"]))
                reviews.append([str(p["id"]), str(mid), str(score), q(text), q(status), ago(days, rng.randint(0, 23))])
        if rng.random() < 0.25:
            question, answer = rng.choice(CONSULT_POOL[p["type"]])
            mid = rng.randint(1, n_members)
            days = rng.randint(1, max(1, p["age_days"]))
            if rng.random() < 0.7:
                consults.append([str(p["id"]), str(mid), q(question), q(answer), ago(days - 1 if days > 1 else 0),
                                 ago(days, 5)])
            else:
                consults.append([str(p["id"]), str(mid), q(question), "NULL", "NULL", ago(days, 5)])
    return "\n\n".join([
        insert("reviews", ["product_id", "member_id", "score", "content", "status", "created_at"], reviews),
        insert("consultations", ["product_id", "member_id", "question", "answer", "answered_at", "created_at"],
               consults)])


# ---- images -----------------------------------------------------------------------------------------------

def jpeg_opts(path):
    return ["-strip", "-quality", "75", "-sampling-factor", "4:2:0", "-interlace", "Plane", path]


def text_len(text):
    return sum(0.55 if ord(ch) < 128 else 1.0 for ch in text)


def wide_cmd(w, h, colors, title, subtitle, glyph, path, button=None):
    """Banner-like image: title and subtitle on the left, pictogram in a circle on the right."""
    c1, c2 = colors
    r, m = h // 2, h // 8
    cx, cr = w - r, int(r * 0.62)
    text_w = cx - cr - m - m // 2
    ts = int(min(h / 5.0, text_w / max(text_len(title), 1)))
    ss = int(max(14, min(h / 11.0, text_w * 1.9 / max(text_len(subtitle), 1))))  # caption wraps to 2 lines
    y_sub = int(h * 0.16) + int(ts * 1.45) + h // 25
    cmd = ["convert", "-size", "%dx%d" % (w, h), "-define", "gradient:direction=East",
           "gradient:%s-%s" % (c1, c2),
           "-fill", "rgba(255,255,255,0.13)", "-draw", "circle %d,%d %d,%d" % (cx, r, cx, r // 6),
           "-draw", "circle %d,%d %d,%d" % (w - r // 3, h, w - r // 3, h - r // 2),
           "-fill", "rgba(255,255,255,0.94)", "-draw", "circle %d,%d %d,%d" % (cx, r, cx, r + cr),
           "-font", FONT_BOLD, "-pointsize", str(int(cr * 1.25)), "-fill", c1, "-gravity", "center",
           "-annotate", "%+d+0" % (cx - w // 2), glyph,
           "(", "-size", "%dx%d" % (text_w, int(ts * 1.45)), "-background", "none", "-fill", "white",
           "-font", FONT_BOLD, "-pointsize", str(ts), "-gravity", "west", "label:" + title, ")",
           "-gravity", "northwest", "-geometry", "+%d+%d" % (m, int(h * 0.16)), "-composite",
           "(", "-size", "%dx%d" % (text_w, int(ss * 2.9)), "-background", "none",
           "-fill", "rgba(255,255,255,0.92)", "-font", FONT, "-pointsize", str(ss),
           "-gravity", "northwest", "caption:" + subtitle, ")",
           "-gravity", "northwest", "-geometry", "+%d+%d" % (m, y_sub), "-composite"]
    if button:
        bh = h // 8
        bw = int(text_len(button) * bh * 0.5 + bh * 1.2)
        by = h - m - bh
        cmd += ["-fill", "white", "-draw", "roundrectangle %d,%d %d,%d %d,%d" % (m, by, m + bw, by + bh, bh // 2, bh // 2),
                "-font", FONT_BOLD, "-pointsize", str(int(bh * 0.5)), "-fill", c1, "-gravity", "northwest",
                "-annotate", "+%d+%d" % (m + int(bh * 0.6), by + int(bh * 0.18)), button]
    return cmd + jpeg_opts(path)


def image_jobs(products):
    """(file name, how to make it): drawings (an SVG string) or ImageMagick commands (a list)."""
    import demo_art
    import demo_brands
    merchants = {m["id"]: m["name"] for m in MERCHANTS}
    jobs, seen = [], {}
    for p in products:
        i = seen[p["sub"]["key"]] = seen.get(p["sub"]["key"], -1) + 1  # the i-th of its category
        m = merchants.get(p["merchant_id"])
        jobs.append(("p%d.webp" % p["id"], lambda p=p, i=i: demo_art.hero(p, i)))
        jobs.append(("p%d-2.webp" % p["id"], lambda p=p, i=i: demo_art.scene(p, i)))
        jobs.append(("p%d-3.webp" % p["id"], lambda p=p, i=i, m=m: demo_art.facts(p, i, m)))
    for b in BRANDS:
        jobs.append(("brand%d.webp" % b[0], lambda b=b: demo_brands.logo_svg(b[1])))
    for i, b in enumerate(BANNERS, start=1):
        name = "banner%d.jpg" % i
        jobs.append((name, wide_cmd(1200, 400, b["colors"], b["zh"], b["sub"], b["glyph"],
                                    os.path.join(IMG_DIR, name), "立即兑换 ›")))
    for i, a in enumerate(ADS, start=1):
        name = "ad%d.jpg" % i
        jobs.append((name, wide_cmd(600, 200, a["colors"], a["zh"], a["sub"], a["glyph"], os.path.join(IMG_DIR, name))))
    for i, a in enumerate(ACTIVITIES, start=1):
        name = "act%d.jpg" % i
        jobs.append((name, wide_cmd(800, 400, a["colors"], a["zh"], a["sum_zh"], a["glyph"],
                                    os.path.join(IMG_DIR, name), "查看活动 ›")))
    for c in CATEGORIES:
        if not c["parent"]:
            name = "cat%d.jpg" % c["id"]
            jobs.append((name, ["convert", "-size", "160x160", "-define", "gradient:direction=SouthEast",
                                "gradient:%s-%s" % c["colors"], "-font", FONT_BOLD, "-pointsize", "72",
                                "-fill", "white", "-gravity", "center", "-annotate", "+0+0", c["zh"][0]]
                         + jpeg_opts(os.path.join(IMG_DIR, name))))
    return jobs


def check_tools():
    import demo_fonts
    missing = [t for t in ("rsvg-convert", "cwebp") if not shutil.which(t)] + demo_fonts.available()
    if missing:
        sys.exit("gen-demo: missing %s (scripts/install-deps.sh --demo installs them)" % ", ".join(missing))


def make_images(products, force):
    os.makedirs(IMG_DIR, exist_ok=True)
    all_jobs = image_jobs(products)
    drawn = [j for j in all_jobs if callable(j[1])]
    jobs = [j for j in drawn if force or not os.path.exists(os.path.join(IMG_DIR, j[0]))]
    jobs += [j for j in all_jobs if not callable(j[1]) and not os.path.exists(os.path.join(IMG_DIR, j[0]))]
    if jobs:
        check_tools()
    tmp = tempfile.mkdtemp(prefix="gen-demo-")

    def run(job):
        name, how = job
        if callable(how):
            svg, png = os.path.join(tmp, name + ".svg"), os.path.join(tmp, name + ".png")
            with open(svg, "w", encoding="utf-8") as fh:
                fh.write(how())
            logo = name.startswith("brand")
            size = [] if logo else ["-w", str(PRODUCT_PX), "-h", str(PRODUCT_PX)]
            cmds = [["rsvg-convert"] + size + [svg, "-o", png],
                    ["cwebp", "-quiet"] + (WEBP_LOGO if logo else WEBP_PRODUCT) + [png, "-o", os.path.join(IMG_DIR, name)]]
        else:
            cmds = [how]
        for cmd in cmds:
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError("%s: %s" % (name, r.stderr.strip()))
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:  # 2 cores on the build machines
            list(pool.map(run, jobs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # pictures of products or brands that the catalog no longer has (or in an old format)
    wanted = {j[0] for j in all_jobs}
    stale = [n for n in os.listdir(IMG_DIR) if re.match(r"^(p\d+(-\d+)?|brand\d+)\.(jpg|png|webp)$", n)
             and n not in wanted]
    for n in stale:
        os.remove(os.path.join(IMG_DIR, n))
    print("images: %d written, %d stale removed in %s" % (len(jobs), len(stale), IMG_DIR))


def main():
    products = build_products()
    os.makedirs(os.path.dirname(SQL_OUT), exist_ok=True)
    with open(SQL_OUT, "w", encoding="utf-8") as f:
        f.write(sql_text(products))
    print("wrote %s (%d products)" % (SQL_OUT, len(products)))
    if "--sql" not in sys.argv:
        make_images(products, "--force" in sys.argv)


if __name__ == "__main__":
    main()
