#!/usr/bin/env bash
# Prints the bin folder of a Node.js of the given major line (default 24), installed from the
# npm registry's node-linux-<arch> package (its bin/node is the official build) and kept under
# .ci-node/<version>/ (gitignored). Reuses the newest cached copy when the registry cannot be
# reached.
#   PATH="$(bash scripts/ci-node.sh 24):$PATH" node -v
set -euo pipefail
cd "$(dirname "$0")/.."

major=${1:-24}
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ci-node: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
package=node-linux-$arch
cache=.ci-node
mkdir -p "$cache"

# `npm view pkg@24 version` prints every matching version (`pkg@24.1.0 '24.1.0'` lines when
# there are several).
version=$(npm view "$package@$major" version --silent 2>/dev/null |
  grep -oE "[0-9]+\.[0-9]+\.[0-9]+'?$" | tr -d "'" | sort -V | tail -n1 || true)
if [ -n "$version" ] && [ ! -x "$cache/$version/bin/node" ]; then
  file=$(npm pack "$package@$version" --pack-destination "$cache" --silent | tail -n1)
  rm -rf "$cache/$version.partial" && mkdir -p "$cache/$version.partial"
  tar -xzf "$cache/$file" -C "$cache/$version.partial" --strip-components=1 package/bin/node
  rm -f "$cache/$file"
  mv "$cache/$version.partial" "$cache/$version"
fi
if [ -z "$version" ]; then
  version=$(ls "$cache" | grep -E "^$major\.[0-9]+\.[0-9]+$" | sort -V | tail -n1 || true)
  [ -n "$version" ] || { echo "ci-node: cannot reach $package@$major and none is cached" >&2; exit 1; }
  echo "ci-node: registry unreachable, using the cached Node $version" >&2
fi

"$cache/$version/bin/node" -v >/dev/null
echo "$PWD/$cache/$version/bin"
