#!/usr/bin/env bash
# Installs Debian's chromium for the browser e2e tests (playwright-core drives /usr/bin/chromium;
# Playwright's own browser download does not work here). Skips everything when it is present.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: not installed, and installing it needs root (apt-get install -y chromium)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: installed $(/usr/bin/chromium --version)"
