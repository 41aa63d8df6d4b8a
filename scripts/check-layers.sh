#!/usr/bin/env bash
# check-layers.sh: domain code knows nothing about HTTP — no file under cgi/domain/ may reach the request
# core (app.h, request.h, input.h, web_session.h, render.h, fcgi_io.h, multipart.h), ClearSilver's CGI kit
# or a program's page code, directly or through another header. Exits 1 and names the path when one does.
set -uo pipefail
cd "$(dirname "$0")/.."
FLAGS=(-std=c11 -D_GNU_SOURCE -I/usr/include/ClearSilver -I/usr/include/mariadb -Icgi/core -Icgi/domain)
FORBIDDEN='(cgi/core/(app|request|input|web_session|render|fcgi_io|multipart)\.h|ClearSilver/ClearSilver\.h|ClearSilver/cgi/|cgi/(mall|admin|merchant|api|tools|bench)/)'
bad=0 n=0
for f in cgi/domain/*/*.c cgi/domain/*/*.h; do
  n=$((n + 1))
  deps=$(gcc "${FLAGS[@]}" -MM -MT x "$f" 2>&1) || { echo "check-layers: cannot scan $f: $deps"; bad=1; continue; }
  hits=$(tr ' \\' '\n\n' <<<"$deps" | grep -E "$FORBIDDEN" | sort -u)
  if [ -n "$hits" ]; then
    echo "check-layers: $f reaches $(tr '\n' ' ' <<<"$hits")"
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "check-layers: $n domain files reach no request-core header"
exit "$bad"
