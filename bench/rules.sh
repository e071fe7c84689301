#!/usr/bin/env bash
# Backtest throughput of a 50-rule enforcement pack (JMH), printed as events per second.
#   bench/rules.sh            both benchmarks (about 3 minutes)
#   bench/rules.sh evaluate   only the engine over 1 M in-memory events
# Builds the opt-in bench module (-Pbench) first; the default `mvn verify` never does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true ${MAVEN_ARGS:-}
results="$root/bench/target/jmh-results.csv"
java -jar bench/target/benchmarks.jar "BacktestBenchmark.${1:-}" -rf csv -rff "$results" >&2
echo "nproc=$(nproc), $(java -version 2>&1 | head -1)"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
tail -n +2 "$results" | tr -d '"' | while IFS=, read -r name mode threads samples score error unit; do
  case "${name##*.}" in
    evaluate) what="evaluate (50 rules, 1 M events in memory)" ;;
    endToEnd) what="end to end (50 rules, 100 k JSONL lines read, evaluated, reported)" ;;
    *) what="${name##*.}" ;;
  esac
  printf '%-70s %12.0f events/s  (±%.0f)\n' "$what" "$score" "$error"
done
