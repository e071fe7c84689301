#!/usr/bin/env bash
# Cold start of the command line: `capsem-admin profile validate PROFILE --json` as a user runs it
# (bin/capsem-admin: class-data-sharing archive, quick compiler for short commands), the same jar
# launched plainly (`java -XX:+UseSerialGC -jar`, the launcher before issue 18), and the yardsticks
# measured in the same run: the JVM floor (`java -Xshare:auto -version`) and upstream's Python
# capsem-admin where it is installed (UPSTREAM=path, default: capsem-admin-py or python3 -m
# capsem_admin when importable). Runs round-robin, medians of wall and CPU (user + sys) seconds.
#
# Usage: bench/startup.sh [PROFILE]   (default: the conformance fixture profile-v2-valid.json)
# Environment: REPS (default 11), SKIP_BUILD=1, CAPSEM_CONFORMANCE_DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps=${REPS:-11}
conformance=${CAPSEM_CONFORMANCE_DIR:-$root/../shared/conformance}
profile=${1:-$conformance/capsem/schemas/fixtures/profile-v2-valid.json}
[[ -f $profile ]] || { echo "profile not found: $profile" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }
if [[ -z ${SKIP_BUILD:-} ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -pl capsem-cli -am package -DskipTests \
    -Dspotless.check.skip=true)
fi
jar=$(ls "$root"/capsem-cli/target/capsem-cli-*-all.jar | head -n 1)

upstream=()
if [[ -n ${UPSTREAM:-} ]]; then
  upstream=("$UPSTREAM")
elif command -v capsem-admin-py >/dev/null; then
  upstream=(capsem-admin-py)
elif python3 -c 'import capsem_admin' 2>/dev/null; then
  upstream=(python3 -m capsem_admin)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
variants=(floor ours plain)
declare -A cmd
cmd[floor]="java -Xshare:auto -version"
cmd[ours]="$root/bin/capsem-admin profile validate $profile --json"
cmd[plain]="java -XX:+UseSerialGC -jar $jar profile validate $profile --json"
if [[ ${#upstream[@]} -gt 0 ]]; then
  variants+=(upstream)
  cmd[upstream]="${upstream[*]} profile validate $profile --json"
fi
# One run first: it writes the class-data archive the later runs map.
$root/bin/capsem-admin profile validate "$profile" --json >"$work/first.json"
cmp -s "$work/first.json" <(java -jar "$jar" profile validate "$profile" --json) ||
  { echo "the launcher's report differs from the plain jar's" >&2; exit 1; }

declare -A wall cpu
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((rep = 1; rep <= reps; rep++)); do
  for v in "${variants[@]}"; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f '%U %S' -o "$work/cpu" ${cmd[$v]} >/dev/null 2>"$work/err" || true
    end=$(date +%s.%N)
    wall[$v]+="$(echo "$end - $start" | bc) "
    read -r user sys < <(tail -n 1 "$work/cpu")
    cpu[$v]+="$(echo "$user + $sys" | bc) "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
floor=$(echo "${wall[floor]}" | median)
floor_cpu=$(echo "${cpu[floor]}" | median)
echo "cold start, $(nproc) CPUs, $reps round-robin runs each, $(java -version 2>&1 | head -1)"
echo "load average (1, 5, 15 min): before $load_before; at the end $load_after"
[[ ${#upstream[@]} -gt 0 ]] || echo "upstream's Python capsem-admin: not installed (set UPSTREAM=...)"
printf '%-10s %-62s %9s %9s %9s %9s %11s\n' variant command "wall med" "cpu med" "floor x" "cpu x" "upstream x"
up=""
[[ ${#upstream[@]} -gt 0 ]] && up=$(echo "${wall[upstream]}" | median)
for v in "${variants[@]}"; do
  w=$(echo "${wall[$v]}" | median)
  c=$(echo "${cpu[$v]}" | median)
  ratio=-
  [[ -n $up ]] && ratio=$(printf '%.2fx' "$(echo "$w / $up" | bc -l)")
  printf '%-10s %-62s %9.3f %9.3f %8.2fx %8.2fx %11s\n' "$v" "${cmd[$v]:0:62}" "$w" "$c" \
    "$(echo "$w / $floor" | bc -l)" "$(echo "$c / $floor_cpu" | bc -l)" "$ratio"
done
