#!/usr/bin/env bash
# Makes the pgvector extension available to the machine's PostgreSQL 15.
# Debian bookworm ships no binary pgvector; trixie's source package builds against
# bookworm's server headers in under a minute. Skips everything when `vector` is present.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
available() {
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -tAc \
    "SELECT 1 FROM pg_available_extensions WHERE name='vector'" 2>/dev/null | grep -q 1
}

if available; then
  echo "pgvector: already available"
  exit 0
fi

# Reuse the mirror the machine is already configured with.
mirror=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
src_list=/etc/apt/sources.list.d/ballast-trixie-src.sources
if [ ! -f "$src_list" ]; then
  cat >"$src_list" <<SRC
Types: deb-src
URIs: ${mirror%/}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql-server-dev-15 build-essential dpkg-dev >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -qq pgvector >/dev/null
cd pgvector-*/
make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config install >/dev/null

if available; then
  echo "pgvector: installed $(cat vector.control | grep default_version)"
else
  echo "pgvector: install finished but the extension is not visible" >&2
  exit 1
fi
