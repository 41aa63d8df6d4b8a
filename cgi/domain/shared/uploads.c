/* uploads.c: uploaded images — recognised by their magic bytes, stored under var/uploads/ with random names */
#include "shared/uploads.h"
#include "config.h"
#include "crypto.h"
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *upload_detect(const unsigned char *b, size_t n) {
  if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff) return "jpg";
  if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) return "png";
  if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) return "webp";
  return NULL;
}

int upload_local_image(const char *s) {
  if (!s || (strncmp(s, "/uploads/", 9) != 0 && strncmp(s, "/img/", 5) != 0) || strstr(s, "..") || strlen(s) > 200)
    return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/_.-", *p)))
      return 0;
  return 1;
}

NEOERR *upload_store(FILE *fp, char *url, size_t url_len, upload_result *res) {
  *res = UPLOAD_EMPTY;
  url[0] = 0;
  if (!fp) return STATUS_OK;
  /* Read one byte past the limit: that is how a too-large file shows itself. */
  unsigned char *buf = malloc(UPLOAD_MAX_BYTES + 1);
  if (!buf) return nerr_raise(NERR_NOMEM, "upload buffer");
  rewind(fp);
  size_t n = fread(buf, 1, UPLOAD_MAX_BYTES + 1, fp);
  NEOERR *err = STATUS_OK;
  const char *ext = upload_detect(buf, n);
  if (n == 0) *res = UPLOAD_EMPTY;
  else if (n > UPLOAD_MAX_BYTES) *res = UPLOAD_TOO_BIG;
  else if (!ext) *res = UPLOAD_BAD_TYPE;
  else {
    char token[33], path[1200];
    if (crypto_token_hex(token, 16) != 0) {
      free(buf);
      return nerr_raise(NERR_SYSTEM, "no randomness for an upload name");
    }
    mkdir(g_cfg.uploads, 0755);
    snprintf(path, sizeof path, "%s/%s.%s", g_cfg.uploads, token, ext);
    /* O_EXCL + O_NOFOLLOW: never overwrite or follow anything already there. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      err = nerr_raise_errno(NERR_IO, "cannot create %s", path);
    } else {
      fchmod(fd, 0644); /* whatever the umask, lighttpd must be able to read it */
      size_t off = 0;
      while (off < n) {
        ssize_t w = write(fd, buf + off, n - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        off += (size_t)w;
      }
      if (close(fd) != 0 || off != n) {
        unlink(path);
        err = nerr_raise_errno(NERR_IO, "cannot write %s", path);
      } else {
        snprintf(url, url_len, "/uploads/%s.%s", token, ext);
        *res = UPLOAD_OK;
      }
    }
  }
  free(buf);
  return nerr_pass(err);
}

void upload_discard(const char *url) {
  if (!url || strncmp(url, "/uploads/", 9) != 0 || !upload_local_image(url) || strchr(url + 9, '/')) return;
  char path[1200];
  snprintf(path, sizeof path, "%s%s", g_cfg.var, url);
  unlink(path);
}
