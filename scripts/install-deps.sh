#!/usr/bin/env bash
# install-deps.sh: installs whatever is missing — Debian packages with apt-get, npm test tools — and nothing else.
# install-deps.sh --demo: only what scripts/gen-demo.py needs to draw the demo pictures (a developer's job:
# the pictures are committed, so make run and make test never need these).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES=(
  build-essential pkg-config curl ca-certificates
  libfcgi-dev clearsilver-dev libmariadb-dev libscrypt-dev libqrencode-dev libpng-dev
  libjansson-dev libcurl4-openssl-dev libssl-dev zlib1g-dev libcmocka-dev libzip-dev libgoogle-perftools-dev
  mariadb-server mariadb-client mariadb-plugin-mroonga lighttpd
  galera-4 mariadb-backup socat
  valgrind wrk zbar-tools p7zip-full chromium fonts-noto-cjk
)
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
DEMO=0
if [ "${1:-}" = --demo ]; then
  DEMO=1
  PACKAGES=(librsvg2-bin webp fonts-noto-color-emoji fonts-noto-cjk fonts-dejavu-core fonts-dejavu-extra imagemagick)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  # The system MariaDB service is never used: the mall runs its own private instance under var/.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$DEMO" = 0 ] && { [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -d "$ROOT/node_modules/axe-core" ]; } && [ -f "$ROOT/package.json" ]; then
  echo "install-deps: installing npm test tools"
  (cd "$ROOT" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi)
fi
