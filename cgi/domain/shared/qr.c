/* qr.c: QR codes with libqrencode — SVG path runs for templates, in-memory PNG with libpng */
#include "shared/qr.h"
#include <png.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static QRcode *encode(const char *text) {
  if (!text || !*text || strlen(text) > 1000) return NULL;
  return QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
}

NEOERR *qr_to_hdf(const char *text, HDF *out, const char *prefix) {
  QRcode *q = encode(text);
  if (!q) return nerr_raise(NERR_ASSERT, "cannot encode a QR code");
  STRING path;
  string_init(&path);
  NEOERR *err = STATUS_OK;
  int w = q->width;
  for (int y = 0; !err && y < w; y++) {
    for (int x = 0; !err && x < w;) {
      if (!(q->data[y * w + x] & 1)) {
        x++;
        continue;
      }
      int run = 1;
      while (x + run < w && (q->data[y * w + x + run] & 1)) run++;
      err = string_appendf(&path, "M%d %dh%dv1h-%dz", x + QR_MARGIN, y + QR_MARGIN, run, run);
      x += run;
    }
  }
  if (!err) err = hdf_set_valuef(out, "%s.size=%d", prefix, w + 2 * QR_MARGIN);
  char key[128];
  snprintf(key, sizeof key, "%s.path", prefix);
  if (!err) err = hdf_set_value(out, key, path.buf ? path.buf : "");
  string_clear(&path);
  QRcode_free(q);
  return nerr_pass(err);
}

struct membuf {
  unsigned char *buf;
  size_t len, cap;
  int failed;
};

static void mem_write(png_structp png, png_bytep data, png_size_t n) {
  struct membuf *m = png_get_io_ptr(png);
  if (m->failed) return;
  if (m->len + n > m->cap) {
    size_t cap = (m->cap ? m->cap * 2 : 4096);
    while (cap < m->len + n) cap *= 2;
    unsigned char *b = realloc(m->buf, cap);
    if (!b) {
      m->failed = 1;
      return;
    }
    m->buf = b;
    m->cap = cap;
  }
  memcpy(m->buf + m->len, data, n);
  m->len += n;
}

static void mem_flush(png_structp png) { (void)png; }

int qr_png(const char *text, int scale, unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  if (scale < 1 || scale > 32) return -1;
  QRcode *q = encode(text);
  if (!q) return -1;
  int modules = q->width + 2 * QR_MARGIN, side = modules * scale;
  struct membuf m = {0};
  png_bytep row = malloc((size_t)side);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  volatile int ok = 0;
  if (row && png && info && !setjmp(png_jmpbuf(png))) {
    png_set_write_fn(png, &m, mem_write, mem_flush);
    png_set_IHDR(png, info, (png_uint_32)side, (png_uint_32)side, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < side; y++) {
      int my = y / scale - QR_MARGIN;
      for (int x = 0; x < side; x++) {
        int mx = x / scale - QR_MARGIN;
        int dark = my >= 0 && my < q->width && mx >= 0 && mx < q->width && (q->data[my * q->width + mx] & 1);
        row[x] = dark ? 0 : 255;
      }
      png_write_row(png, row);
    }
    png_write_end(png, NULL);
    ok = !m.failed;
  }
  png_destroy_write_struct(png ? &png : NULL, info ? &info : NULL);
  free(row);
  QRcode_free(q);
  if (!ok) {
    free(m.buf);
    return -1;
  }
  *out = m.buf;
  *len = m.len;
  return 0;
}
