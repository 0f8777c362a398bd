#!/usr/bin/env bash
# Checks that the sources zip (for add-on review) rebuilds the Firefox extension by itself:
# unpack it in a temporary folder, `npm ci`, build, and compare with the build that was packaged.
set -euo pipefail
cd "$(dirname "$0")/.."
npx wxt zip -b firefox >/dev/null
sources=$(ls .output/*-sources.zip | head -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$sources" -d "$work"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npx wxt build -b firefox >/dev/null)
if diff -r "$work/.output/firefox-mv2" .output/firefox-mv2 >/dev/null; then
  echo "OK: $sources rebuilds .output/firefox-mv2 identically"
else
  diff -rq "$work/.output/firefox-mv2" .output/firefox-mv2 || true
  echo "FAILED: the build from $sources differs from .output/firefox-mv2" >&2
  exit 1
fi
