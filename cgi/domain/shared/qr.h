/* qr.h: QR codes with libqrencode — an SVG path for inline printing, a PNG (libpng) for downloads */
#ifndef MALL_QR_H
#define MALL_QR_H
#include "neo.h"
#include <stddef.h>

#define QR_MARGIN 4 /* quiet zone in modules, as the standard asks */

/* Encodes text (8-bit, level M) and sets prefix.size (modules incl. margin) and prefix.path: an SVG path
 * "M x yhNv1h-Nz…" of the dark runs, in module units — only digits, letters, spaces and '-', so it is
 * safe under html escaping. Returns NERR_ASSERT when text cannot be encoded. */
NEOERR *qr_to_hdf(const char *text, HDF *out, const char *prefix);

/* Encodes text into an 8-bit greyscale PNG, scale pixels per module, QR_MARGIN modules of quiet zone.
 * *png is malloc'd (free it). 0 on success. */
int qr_png(const char *text, int scale, unsigned char **png, size_t *len);

#endif
