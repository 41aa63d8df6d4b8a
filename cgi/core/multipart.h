/* multipart.h: multipart/form-data request bodies, parsed here instead of by ClearSilver's cgi_parse */
#ifndef MALL_MULTIPART_H
#define MALL_MULTIPART_H
#include <ClearSilver.h>

/* Reads length bytes of body through cgiwrap_read and fills cgi->hdf the way ClearSilver does: Query.<name> for
 * fields (trailing white space dropped; a repeated name becomes a list .0, .1 …); for a file, Query.<name> = the
 * client's file name, .Type, .FileHandle (an unlinked temp file in Config.Upload.TmpDir, for cgi_filehandle).
 * A body that is not well-formed multipart is an NERR_PARSE error. */
NEOERR *multipart_parse(CGI *cgi, const char *content_type, long long length);

#endif
