#!/usr/bin/env bash
# Enforcement backtest end to end (JSONL in, 50-rule pack, report out) on 100 k and 1 M events, with
# events per second and peak heap, interleaved runs, medians:
#
#   cli      `capsem-admin enforcement backtest pack.json --events E --json > report` as a user runs
#            it: a fresh JVM, start-up included; wall seconds and the process's peak RSS.
#   warmed   the same use case in one JVM (dev.capsem.bench.RulesEndToEnd), run 3 times, the last
#            two counted: as the Maven plugin and a release run it; the heap's peak (all pools) and
#            the old generation's peak (what stays alive) under -Xmx$HEAP.
#
# Yardstick in the same run: the JVM floor (`java -Xshare:auto -version`) for the cli variant.
# Usage: bench/rules.sh                (REPS=3 interleaved repetitions)
#        bench/rules.sh jmh [evaluate]  the JMH benchmarks (in-memory engine, 100 k end to end)
# Environment: SKIP_BUILD=1 to reuse the jars in target/, REPS, HEAP (default 256m).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
reps=${REPS:-3}
heap=${HEAP:-256m}
if [[ -z ${SKIP_BUILD:-} ]]; then
  mvn -B -q -Dstyle.color=never -Pbench -pl bench,capsem-cli -am package -DskipTests \
    -Dspotless.check.skip=true ${MAVEN_ARGS:-}
fi
benchmarks="$root/bench/target/benchmarks.jar"
if [[ ${1:-} == jmh ]]; then
  results="$root/bench/target/jmh-results.csv"
  java -jar "$benchmarks" "BacktestBenchmark.${2:-}" -rf csv -rff "$results" >&2
  tail -n +2 "$results" | tr -d '"' | while IFS=, read -r name mode threads samples score error unit; do
    printf '%-40s %12.0f events/s  (±%.0f)\n' "${name##*.}" "$score" "$error"
  done
  exit 0
fi
[[ -x /usr/bin/time ]] || { echo "GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=(100000 1000000)
for n in "${sizes[@]}"; do
  java -cp "$benchmarks" dev.capsem.bench.RulesEndToEnd write "$work" "$n"
done
echo "corpora: $(for n in "${sizes[@]}"; do printf '%s events %s MB; ' "$n" "$(( $(stat -c %s "$work/events-$n.jsonl") >> 20 ))"; done)" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

declare -A wall rss warm peak old
floor=""
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }
for ((rep = 1; rep <= reps; rep++)); do
  floor+="$(seconds java -Xshare:auto -version 2>/dev/null) "
  for n in "${sizes[@]}"; do
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$root/bin/capsem-admin" enforcement backtest \
      "$work/pack.json" --events "$work/events-$n.jsonl" --json >"$work/report.json"
    end=$(date +%s.%N)
    wall[$n]+="$(echo "$end - $start" | bc) "
    rss[$n]+="$(( $(cat "$work/rss") / 1024 )) "
    grep -q "\"event_count\": $n," "$work/report.json" || { echo "cli report lacks event_count $n" >&2; exit 1; }
    java -Xmx"$heap" -XX:+UseSerialGC -cp "$benchmarks" dev.capsem.bench.RulesEndToEnd \
      "$work/pack.json" "$work/events-$n.jsonl" "$work/report.json" 3 >"$work/warm"
    warm[$n]+="$(awk '$1 == "run" && $2 > 1 {printf "%s ", $4}' "$work/warm")"
    read -r _ p o < <(grep '^heap' "$work/warm")
    peak[$n]+="$p "
    old[$n]+="$o "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
maximum() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1; }
base=$(echo "$floor" | median)
echo
echo "enforcement backtest end to end, 50 rules, $(nproc) CPUs, $reps interleaved repetitions, $(java -version 2>&1 | head -1)"
echo "load average (1, 5, 15 min): before $load_before; at the end $load_after"
echo "JVM floor (java -Xshare:auto -version): median $base s"
printf '%-9s %-8s %10s %14s %10s %12s %16s %16s\n' events variant "wall med" "events/s med" "floor x" "RSS max MB" "heap peak MB max" "old peak MB max"
for n in "${sizes[@]}"; do
  w=$(echo "${wall[$n]}" | median)
  printf '%-9s %-8s %10.3f %14.0f %9.1fx %12s %16s %16s\n' "$n" cli "$w" "$(echo "$n / $w" | bc -l)" \
    "$(echo "$w / $base" | bc -l)" "$(echo "${rss[$n]}" | maximum)" - -
  printf '%-9s %-8s %10s %14.0f %10s %12s %16s %16s\n' "$n" warmed - "$(echo "${warm[$n]}" | median)" - - \
    "$(echo "${peak[$n]}" | maximum)" "$(echo "${old[$n]}" | maximum)"
done
echo "(warmed: -Xmx$heap -XX:+UseSerialGC; a report holding every row would not fit the 1 M corpus's in it)"
