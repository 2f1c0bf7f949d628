#!/usr/bin/env bash
# PDF throughput on one core: nianbao's text+tables extraction vs `pdftotext -layout`, same files.
# Usage: indexer/bench/pdf-throughput.sh [ROUNDS]   (after `mvn -o -pl indexer -am test-compile`)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-5}"
files=("$root"/../shared/corpus/docs/*/report.pdf)
[ -f "${files[0]}" ] || files=(/work/shared/corpus/docs/*/report.pdf)
cp_file="$root/indexer/target/bench.classpath"
(cd "$root" && mvn -B -q -o -pl indexer dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
java -cp "$root/indexer/target/classes:$root/indexer/target/test-classes:$root/seeds/target/classes:$root/archive/target/classes:$(cat "$cp_file")" \
  -Drounds="$rounds" org.nianbao.indexer.extract.bench.PdfThroughput "${files[@]}"
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
start=$(date +%s.%N)
cpu=$( { /usr/bin/time -f "%U %S" bash -c "for r in \$(seq $rounds); do for f in ${files[*]}; do pdftotext -layout \"\$f\" /dev/null; done; done" ; } 2>&1 | tail -1)
end=$(date +%s.%N)
awk -v p="$pages" -v r="$rounds" -v c="$cpu" -v s="$start" -v e="$end" 'BEGIN { split(c, t, " "); cs = t[1] + t[2]; w = e - s;
  printf "pdftotext -layout (text only): %d pages in %.2f s CPU, %.2f s wall: %.1f pages/s per core (CPU), %.1f pages/s wall\n", p*r, cs, w, p*r/cs, p*r/w }'
