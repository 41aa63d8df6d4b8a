/* cgi_setup.c: ClearSilver's cgi_init (0.10.5) for our requests, without its 152 snprintf calls a request */
/* cgi_init builds "CGI.<name>" with snprintf for each of the 152 variables it knows, present or not: counted with
 * callgrind, 16 % of this program's instructions for an uncached /points view. Here the names are written out once
 * and only the request's own variables (a score) are looked up in them; cookies and the query string are parsed as
 * ClearSilver parses them (cgi.c _parse_cookie, _parse_query, ported line for line: dotted names, repeats as .0 .1,
 * empty names as _0). tests/unit/test_cgi_setup.c compares the whole HDF with the real cgi_init's, request by request.
 */
#include "cgi_setup.h"
#include "fcgi_io.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cgi.c's CGIVars then HTTPVars, in its order (a later variable of the same name wins, as there). */
static const struct {
  const char *env, *hdf;
} VARS[] = {
    {"AUTH_TYPE", "CGI.AuthType"},
    {"CONTENT_TYPE", "CGI.ContentType"},
    {"CONTENT_LENGTH", "CGI.ContentLength"},
    {"DOCUMENT_ROOT", "CGI.DocumentRoot"},
    {"GATEWAY_INTERFACE", "CGI.GatewayInterface"},
    {"PATH_INFO", "CGI.PathInfo"},
    {"PATH_TRANSLATED", "CGI.PathTranslated"},
    {"QUERY_STRING", "CGI.QueryString"},
    {"REDIRECT_REQUEST", "CGI.RedirectRequest"},
    {"REDIRECT_QUERY_STRING", "CGI.RedirectQueryString"},
    {"REDIRECT_STATUS", "CGI.RedirectStatus"},
    {"REDIRECT_URL", "CGI.RedirectURL"},
    {"REMOTE_ADDR", "CGI.RemoteAddress"},
    {"REMOTE_HOST", "CGI.RemoteHost"},
    {"REMOTE_IDENT", "CGI.RemoteIdent"},
    {"REMOTE_PORT", "CGI.RemotePort"},
    {"REMOTE_USER", "CGI.RemoteUser"},
    {"REMOTE_GROUP", "CGI.RemoteGroup"},
    {"REQUEST_METHOD", "CGI.RequestMethod"},
    {"REQUEST_URI", "CGI.RequestURI"},
    {"SCRIPT_FILENAME", "CGI.ScriptFilename"},
    {"SCRIPT_NAME", "CGI.ScriptName"},
    {"SERVER_ADDR", "CGI.ServerAddress"},
    {"SERVER_ADMIN", "CGI.ServerAdmin"},
    {"SERVER_NAME", "CGI.ServerName"},
    {"SERVER_PORT", "CGI.ServerPort"},
    {"SERVER_ROOT", "CGI.ServerRoot"},
    {"SERVER_PROTOCOL", "CGI.ServerProtocol"},
    {"SERVER_SOFTWARE", "CGI.ServerSoftware"},
    {"HTTPS", "CGI.HTTPS"},
    {"SSL_PROTOCOL", "CGI.SSL.Protocol"},
    {"SSL_SESSION_ID", "CGI.SSL.SessionID"},
    {"SSL_CIPHER", "CGI.SSL.Cipher"},
    {"SSL_CIPHER_EXPORT", "CGI.SSL.Cipher.Export"},
    {"SSL_CIPHER_USEKEYSIZE", "CGI.SSL.Cipher.UseKeySize"},
    {"SSL_CIPHER_ALGKEYSIZE", "CGI.SSL.Cipher.AlgKeySize"},
    {"SSL_VERSION_INTERFACE", "CGI.SSL.Version.Interface"},
    {"SSL_VERSION_LIBRARY", "CGI.SSL.Version.Library"},
    {"SSL_CLIENT_M_VERSION", "CGI.SSL.Client.M.Version"},
    {"SSL_CLIENT_M_SERIAL", "CGI.SSL.Client.M.Serial"},
    {"SSL_CLIENT_S_DN", "CGI.SSL.Client.S.DN"},
    {"SSL_CLIENT_S_DN_x509", "CGI.SSL.Client.S.DN.x509"},
    {"SSL_CLIENT_I_DN", "CGI.SSL.Client.I.DN"},
    {"SSL_CLIENT_I_DN_x509", "CGI.SSL.Client.I.DN.x509"},
    {"SSL_CLIENT_V_START", "CGI.SSL.Client.V.Start"},
    {"SSL_CLIENT_V_END", "CGI.SSL.Client.V.End"},
    {"SSL_CLIENT_A_SIG", "CGI.SSL.Client.A.SIG"},
    {"SSL_CLIENT_A_KEY", "CGI.SSL.Client.A.KEY"},
    {"SSL_CLIENT_CERT", "CGI.SSL.Client.CERT"},
    {"SSL_CLIENT_CERT_CHAINn", "CGI.SSL.Client.CERT.CHAINn"},
    {"SSL_CLIENT_VERIFY", "CGI.SSL.Client.Verify"},
    {"SSL_SERVER_M_VERSION", "CGI.SSL.Server.M.Version"},
    {"SSL_SERVER_M_SERIAL", "CGI.SSL.Server.M.Serial"},
    {"SSL_SERVER_S_DN", "CGI.SSL.Server.S.DN"},
    {"SSL_SERVER_S_DN_x509", "CGI.SSL.Server.S.DN.x509"},
    {"SSL_SERVER_S_DN_CN", "CGI.SSL.Server.S.DN.CN"},
    {"SSL_SERVER_S_DN_EMAIL", "CGI.SSL.Server.S.DN.Email"},
    {"SSL_SERVER_S_DN_O", "CGI.SSL.Server.S.DN.O"},
    {"SSL_SERVER_S_DN_OU", "CGI.SSL.Server.S.DN.OU"},
    {"SSL_SERVER_S_DN_C", "CGI.SSL.Server.S.DN.C"},
    {"SSL_SERVER_S_DN_SP", "CGI.SSL.Server.S.DN.SP"},
    {"SSL_SERVER_S_DN_L", "CGI.SSL.Server.S.DN.L"},
    {"SSL_SERVER_I_DN", "CGI.SSL.Server.I.DN"},
    {"SSL_SERVER_I_DN_x509", "CGI.SSL.Server.I.DN.x509"},
    {"SSL_SERVER_I_DN_CN", "CGI.SSL.Server.I.DN.CN"},
    {"SSL_SERVER_I_DN_EMAIL", "CGI.SSL.Server.I.DN.Email"},
    {"SSL_SERVER_I_DN_O", "CGI.SSL.Server.I.DN.O"},
    {"SSL_SERVER_I_DN_OU", "CGI.SSL.Server.I.DN.OU"},
    {"SSL_SERVER_I_DN_C", "CGI.SSL.Server.I.DN.C"},
    {"SSL_SERVER_I_DN_SP", "CGI.SSL.Server.I.DN.SP"},
    {"SSL_SERVER_I_DN_L", "CGI.SSL.Server.I.DN.L"},
    {"SSL_SERVER_V_START", "CGI.SSL.Server.V.Start"},
    {"SSL_SERVER_V_END", "CGI.SSL.Server.V.End"},
    {"SSL_SERVER_A_SIG", "CGI.SSL.Server.A.SIG"},
    {"SSL_SERVER_A_KEY", "CGI.SSL.Server.A.KEY"},
    {"SSL_SERVER_CERT", "CGI.SSL.Server.CERT"},
    {"SSL_PROTOCOL_VERSION", "CGI.SSL.Protocol"},
    {"SSLEAY_VERSION", "CGI.SSL.Version.Library"},
    {"HTTPS_CIPHER", "CGI.SSL.Cipher"},
    {"HTTPS_EXPORT", "CGI.SSL.Cipher.Export"},
    {"HTTPS_SECRETKEYSIZE", "CGI.SSL.Cipher.UseKeySize"},
    {"HTTPS_KEYSIZE", "CGI.SSL.Cipher.AlgKeySize"},
    {"SSL_SERVER_KEY_SIZE", "CGI.SSL.Cipher.AlgKeySize"},
    {"SSL_SERVER_CERTIFICATE", "CGI.SSL.Server.CERT"},
    {"SSL_SERVER_CERT_START", "CGI.SSL.Server.V.Start"},
    {"SSL_SERVER_CERT_END", "CGI.SSL.Server.V.End"},
    {"SSL_SERVER_CERT_SERIAL", "CGI.SSL.Server.M.Serial"},
    {"SSL_SERVER_SIGNATURE_ALGORITHM", "CGI.SSL.Server.A.SIG"},
    {"SSL_SERVER_DN", "CGI.SSL.Server.S.DN"},
    {"SSL_SERVER_CN", "CGI.SSL.Server.S.DN.CN"},
    {"SSL_SERVER_EMAIL", "CGI.SSL.Server.S.DN.Email"},
    {"SSL_SERVER_O", "CGI.SSL.Server.S.DN.O"},
    {"SSL_SERVER_OU", "CGI.SSL.Server.S.DN.OU"},
    {"SSL_SERVER_C", "CGI.SSL.Server.S.DN.C"},
    {"SSL_SERVER_SP", "CGI.SSL.Server.S.DN.SP"},
    {"SSL_SERVER_L", "CGI.SSL.Server.S.DN.L"},
    {"SSL_SERVER_IDN", "CGI.SSL.Server.I.DN"},
    {"SSL_SERVER_ICN", "CGI.SSL.Server.I.DN.CN"},
    {"SSL_SERVER_IEMAIL", "CGI.SSL.Server.I.DN.Email"},
    {"SSL_SERVER_IO", "CGI.SSL.Server.I.DN.O"},
    {"SSL_SERVER_IOU", "CGI.SSL.Server.I.DN.OU"},
    {"SSL_SERVER_IC", "CGI.SSL.Server.I.DN.C"},
    {"SSL_SERVER_ISP", "CGI.SSL.Server.I.DN.SP"},
    {"SSL_SERVER_IL", "CGI.SSL.Server.I.DN.L"},
    {"SSL_CLIENT_CERTIFICATE", "CGI.SSL.Client.CERT"},
    {"SSL_CLIENT_CERT_START", "CGI.SSL.Client.V.Start"},
    {"SSL_CLIENT_CERT_END", "CGI.SSL.Client.V.End"},
    {"SSL_CLIENT_CERT_SERIAL", "CGI.SSL.Client.M.Serial"},
    {"SSL_CLIENT_SIGNATURE_ALGORITHM", "CGI.SSL.Client.A.SIG"},
    {"SSL_CLIENT_DN", "CGI.SSL.Client.S.DN"},
    {"SSL_CLIENT_CN", "CGI.SSL.Client.S.DN.CN"},
    {"SSL_CLIENT_EMAIL", "CGI.SSL.Client.S.DN.Email"},
    {"SSL_CLIENT_O", "CGI.SSL.Client.S.DN.O"},
    {"SSL_CLIENT_OU", "CGI.SSL.Client.S.DN.OU"},
    {"SSL_CLIENT_C", "CGI.SSL.Client.S.DN.C"},
    {"SSL_CLIENT_SP", "CGI.SSL.Client.S.DN.SP"},
    {"SSL_CLIENT_L", "CGI.SSL.Client.S.DN.L"},
    {"SSL_CLIENT_IDN", "CGI.SSL.Client.I.DN"},
    {"SSL_CLIENT_ICN", "CGI.SSL.Client.I.DN.CN"},
    {"SSL_CLIENT_IEMAIL", "CGI.SSL.Client.I.DN.Email"},
    {"SSL_CLIENT_IO", "CGI.SSL.Client.I.DN.O"},
    {"SSL_CLIENT_IOU", "CGI.SSL.Client.I.DN.OU"},
    {"SSL_CLIENT_IC", "CGI.SSL.Client.I.DN.C"},
    {"SSL_CLIENT_ISP", "CGI.SSL.Client.I.DN.SP"},
    {"SSL_CLIENT_IL", "CGI.SSL.Client.I.DN.L"},
    {"SSL_EXPORT", "CGI.SSL.Cipher.Export"},
    {"SSL_KEYSIZE", "CGI.SSL.Cipher.AlgKeySize"},
    {"SSL_SECKEYSIZE", "CGI.SSL.Cipher.UseKeySize"},
    {"SSL_SSLEAY_VERSION", "CGI.SSL.Version.Library"},
    {"SSL_STRONG_CRYPTO", "CGI.SSL.Strong.Crypto"},
    {"SSL_SERVER_KEY_EXP", "CGI.SSL.Server.Key.Exp"},
    {"SSL_SERVER_KEY_ALGORITHM", "CGI.SSL.Server.Key.Algorithm"},
    {"SSL_SERVER_KEY_SIZE", "CGI.SSL.Server.Key.Size"},
    {"SSL_SERVER_SESSIONDIR", "CGI.SSL.Server.SessionDir"},
    {"SSL_SERVER_CERTIFICATELOGDIR", "CGI.SSL.Server.CertificateLogDir"},
    {"SSL_SERVER_CERTFILE", "CGI.SSL.Server.CertFile"},
    {"SSL_SERVER_KEYFILE", "CGI.SSL.Server.KeyFile"},
    {"SSL_SERVER_KEYFILETYPE", "CGI.SSL.Server.KeyFileType"},
    {"SSL_CLIENT_KEY_EXP", "CGI.SSL.Client.Key.Exp"},
    {"SSL_CLIENT_KEY_ALGORITHM", "CGI.SSL.Client.Key.Algorithm"},
    {"SSL_CLIENT_KEY_SIZE", "CGI.SSL.Client.Key.Size"},
    {"HTTP_ACCEPT", "HTTP.Accept"},
    {"HTTP_ACCEPT_CHARSET", "HTTP.AcceptCharset"},
    {"HTTP_ACCEPT_ENCODING", "HTTP.AcceptEncoding"},
    {"HTTP_ACCEPT_LANGUAGE", "HTTP.AcceptLanguage"},
    {"HTTP_COOKIE", "HTTP.Cookie"},
    {"HTTP_HOST", "HTTP.Host"},
    {"HTTP_USER_AGENT", "HTTP.UserAgent"},
    {"HTTP_IF_MODIFIED_SINCE", "HTTP.IfModifiedSince"},
    {"HTTP_REFERER", "HTTP.Referer"},
    {"HTTP_VIA", "HTTP.Via"},
    {"HTTP_SOAPACTION", "HTTP.Soap.Action"},
};

#define NVARS (sizeof VARS / sizeof VARS[0])
/* VARS by name, hashed once: g_first[slot] is 1 + the first entry of a name, g_next[i] 1 + its next entry of the same
 * name (SSL_SERVER_KEY_SIZE has two). */
#define NAME_SLOTS 512
static short g_first[NAME_SLOTS], g_next[NVARS];

static unsigned name_hash(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h % NAME_SLOTS;
}

static void index_vars(void) {
  static int indexed;
  if (indexed) return;
  indexed = 1;
  for (size_t i = 0; i < NVARS; i++) { /* a chain in any order: find_vars sorts what it finds */
    size_t n = strlen(VARS[i].env);
    unsigned h = name_hash(VARS[i].env, n);
    while (g_first[h] && strcmp(VARS[g_first[h] - 1].env, VARS[i].env) != 0) h = (h + 1) % NAME_SLOTS;
    g_next[i] = g_first[h];
    g_first[h] = (short)(i + 1);
  }
}

/* Entry i of VARS gets value v (the request's first variable of that name, as io_env answers). */
struct found {
  int i;
  const char *v;
};

/* The request's variables cgi.c knows, in cgi.c's order (a later one of the same HDF name wins there too). */
static int find_vars(struct found *out, int max) {
  int n = 0;
  for (char **e = io_env_list(); e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    size_t len = (size_t)(eq - *e);
    unsigned h = name_hash(*e, len);
    while (g_first[h] && !(strncmp(VARS[g_first[h] - 1].env, *e, len) == 0 && !VARS[g_first[h] - 1].env[len]))
      h = (h + 1) % NAME_SLOTS;
    for (int i = g_first[h] - 1; i >= 0; i = g_next[i] - 1) {
      int k = n, dup = 0;
      for (int j = 0; j < n; j++) dup |= out[j].i == i;
      if (dup || n == max) break;         /* a repeated variable: the first one counts */
      while (k > 0 && out[k - 1].i > i) { /* insertion in table order */
        out[k] = out[k - 1];
        k--;
      }
      out[k] = (struct found){i, eq + 1};
      n++;
    }
  }
  return n;
}

/* cgi.c _parse_cookie: Cookie = the header; Cookie.<name> = value for each name=value with both non-empty. */
static NEOERR *parse_cookie(HDF *hdf) {
  const char *header = hdf_get_value(hdf, "HTTP.Cookie", NULL);
  if (!header) return STATUS_OK;
  char *cookie = strdup(header);
  if (!cookie) return nerr_raise(NERR_NOMEM, "cookie");
  NEOERR *err = hdf_set_value(hdf, "Cookie", cookie);
  HDF *obj = err ? NULL : hdf_get_obj(hdf, "Cookie");
  char *k = cookie, *l = cookie, *v;
  while (*l && *l != '=' && *l != ';') l++;
  while (!err && *k) {
    if (*l == '=') {
      if (*l) *l++ = '\0';
      v = l;
      while (*l && *l != ';') l++;
      if (*l) *l++ = '\0';
    } else {
      v = "";
      if (*l) *l++ = '\0';
    }
    k = neos_strip(k);
    v = neos_strip(v);
    if (k[0] && v[0]) {
      err = hdf_set_value(obj, k, v);
      if (nerr_match(err, NERR_ASSERT)) nerr_ignore(&err); /* a name HDF cannot hold: skipped, as cgi.c warns */
    }
    k = l;
    while (*l && *l != '=' && *l != ';') l++;
  }
  free(cookie);
  return nerr_pass(err);
}

/* cgi.c _parse_query: Query.<name> = value (names and values URL-decoded); a repeated name keeps the last value and
 * lists all under .0, .1 …; an empty name is _0, _1 …; a leading dot becomes an underscore. */
static NEOERR *parse_query(HDF *hdf, char *query, int ignore_empty) {
  NEOERR *err = STATUS_OK;
  char buf[256], unnamed[16], *l = NULL; /* buf: 256 as in cgi.c, which cuts longer names there */
  int unnamed_count = 0;
  for (char *k = strtok_r(query, "&", &l); !err && k && *k; k = strtok_r(NULL, "&", &l)) {
    char *v = strchr(k, '=');
    if (!v) v = "";
    else *v++ = '\0';
    if (*k == 0) {
      snprintf(unnamed, sizeof unnamed, "_%d", unnamed_count++);
      k = unnamed;
    } else if (*k == '.') {
      *k = '_';
    }
    snprintf(buf, sizeof buf, "Query.%s", cgi_url_unescape(k));
    if (ignore_empty && *v == '\0') continue;
    cgi_url_unescape(v);
    HDF *obj = hdf_get_obj(hdf, buf);
    if (obj) {
      int i = 0;
      char buf2[16];
      HDF *child = hdf_obj_child(obj);
      if (!child) {
        err = hdf_set_value(obj, "0", hdf_obj_value(obj));
        i = 1;
      } else {
        for (; child; child = hdf_obj_next(child)) i++;
      }
      if (err) break;
      snprintf(buf2, sizeof buf2, "%d", i);
      if ((err = hdf_set_value(obj, buf2, v))) break;
    }
    err = hdf_set_value(hdf, buf, v);
    if (nerr_match(err, NERR_ASSERT)) nerr_ignore(&err); /* as cgi.c: warned there, skipped */
  }
  return nerr_pass(err);
}

NEOERR *cgi_setup(CGI **out, HDF *hdf) {
  /* The real cgi_init once per process: it registers the CGI kit's error types that cgi_parse may raise. */
  static int registered;
  *out = NULL;
  if (!registered) {
    index_vars();
    HDF *scratch = NULL;
    CGI *once = NULL;
    NEOERR *err = hdf_init(&scratch);
    if (!err) err = cgi_init(&once, scratch);
    if (once) once->hdf = NULL;
    cgi_destroy(&once);
    hdf_destroy(&scratch);
    if (err) return nerr_pass(err);
    registered = 1;
  }
  CGI *cgi = calloc(1, sizeof *cgi);
  if (!cgi) return nerr_raise(NERR_NOMEM, "cgi_setup");
  cgi->time_start = ne_timef();
  cgi->ignore_empty_form_vars = IgnoreEmptyFormVars;
  cgi->hdf = hdf;
  NEOERR *err = STATUS_OK;
  struct found f[NVARS];
  int nf = find_vars(f, (int)NVARS);
  for (int k = 0; !err && k < nf; k++) err = hdf_set_value(hdf, VARS[f[k].i].hdf, f[k].v);
  if (!err) err = parse_cookie(hdf);
  const char *q = err ? NULL : hdf_get_value(hdf, "CGI.QueryString", NULL);
  if (q) {
    char *query = strdup(q);
    if (!query) err = nerr_raise(NERR_NOMEM, "query");
    else err = parse_query(hdf, query, cgi->ignore_empty_form_vars);
    free(query);
  }
  /* cgi.c then sleeps 20 s when Config.DebugEnabled and Query.debug_pause match Config.DebugPassword: never set
   * here. */
  if (err) {
    cgi->hdf = NULL;
    cgi_destroy(&cgi);
    return nerr_pass(err);
  }
  *out = cgi;
  return STATUS_OK;
}
