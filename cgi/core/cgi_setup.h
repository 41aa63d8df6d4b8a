/* cgi_setup.h: ClearSilver's cgi_init without its cost — the same CGI.*, HTTP.*, Cookie.* and Query.* values */
#ifndef MALL_CGI_SETUP_H
#define MALL_CGI_SETUP_H
#include <ClearSilver.h>

/* What cgi_init (ClearSilver 0.10.5) does for a request, read from the bound request's environment (fcgi_io.h,
 * io_env_index first): a CGI struct over hdf (not owned: set cgi->hdf to NULL before cgi_destroy), the request's
 * variables under CGI.* and HTTP.* by ClearSilver's own names, the Cookie header under Cookie.*, the query string
 * under Query.*. cgi_parse and cgi_destroy take it as they take cgi_init's. */
NEOERR *cgi_setup(CGI **cgi, HDF *hdf);

#endif
