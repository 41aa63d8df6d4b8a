/* trivial.c: the benchmark baseline — FastCGI + one tiny ClearSilver template, no database */
#include <ClearSilver.h>
#include <fcgiapp.h>
#include <string.h>

static NEOERR *append_cb(void *ctx, char *s) { return nerr_pass(string_append((STRING *)ctx, s)); }

static const char TEMPLATE[] = "<!doctype html><title><?cs var:Title ?></title><p><?cs var:Text ?></p>\n";

int main(void) {
  FCGX_Request fr;
  FCGX_Init();
  FCGX_InitRequest(&fr, 0, 0);
  while (FCGX_Accept_r(&fr) >= 0) {
    HDF *hdf = NULL;
    CSPARSE *cs = NULL;
    STRING out;
    string_init(&out);
    NEOERR *err = hdf_init(&hdf);
    if (!err) err = hdf_set_value(hdf, "Config.VarEscapeMode", "html");
    if (!err) err = hdf_set_value(hdf, "Title", "baseline");
    if (!err) err = hdf_set_value(hdf, "Text", "hello <mall>");
    if (!err) err = cs_init(&cs, hdf);
    char *copy = strdup(TEMPLATE);
    if (!err) {
      err = cs_parse_string(cs, copy, strlen(copy));
      copy = NULL;
    }
    free(copy);
    if (!err) err = cs_render(cs, &out, append_cb);
    if (err) {
      nerr_ignore(&err);
      string_clear(&out);
      string_append(&out, "error\n");
    }
    FCGX_FPrintF(fr.out, "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n",
                 out.len);
    FCGX_PutStr(out.buf, out.len, fr.out);
    string_clear(&out);
    cs_destroy(&cs);
    hdf_destroy(&hdf);
    /* Closed as the mall's pages close (app.c finish): the baseline pays the same transport, no more. */
    if (FCGX_GetChar(fr.in) == EOF && !FCGX_GetError(fr.in)) FCGX_Detach(&fr);
    FCGX_Finish_r(&fr);
  }
  return 0;
}
