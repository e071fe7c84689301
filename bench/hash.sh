#!/usr/bin/env bash
# Times b3sum and our BLAKE3 (dev.capsem.signing.HashMain) on the same random file, in the same
# run, and prints each variant's wall time and its ratio to b3sum's. Wall time includes JVM
# start-up: that is what a user waits for.
#
# Usage: bench/hash.sh            (1 GiB file, 5 repetitions)
#        SIZE_MIB=256 REPS=3 bench/hash.sh
# Environment: JAVA17 (default: java on the PATH), JAVA25 (default: Temurin 25 if installed),
# SKIP_BUILD=1 to reuse the jars in target/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size_mib=${SIZE_MIB:-1024}
reps=${REPS:-5}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

command -v b3sum >/dev/null || { echo "b3sum not found (apt-get install b3sum)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -pl capsem-signing -am package -DskipTests)
fi
jar() { ls "$root/$1/target/$1"-*.jar | grep -v -e sources -e tests | head -n 1; }
cp="$(jar capsem-signing):$(jar capsem-core)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/random.bin"
echo "creating a ${size_mib} MiB random file in $work" >&2
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
# Warm the page cache, so every variant reads from memory.
cat "$file" >/dev/null
expected=$(b3sum --no-names "$file")

# name|command; "$java17"/"$java25" variants only if that JDK runs.
variants=("b3sum|b3sum $file")
add_java() {
  local label=$1 java=$2
  "$java" -version >/dev/null 2>&1 || { echo "skipping $label: $java does not run" >&2; return; }
  # The default engine is lockstep, with or without the incubator module; see ManyHashers.fastest.
  variants+=("$label default (lockstep)|$java -cp $cp dev.capsem.signing.HashMain $file")
  variants+=("$label scalar|$java -cp $cp dev.capsem.signing.HashMain --engine=scalar $file")
  variants+=("$label Vector API|$java --add-modules jdk.incubator.vector -cp $cp dev.capsem.signing.HashMain --engine=vector $file")
}
add_java "JDK 17" "$java17"
add_java "JDK 25" "$java25"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A times cpu
for ((rep = 1; rep <= reps; rep++)); do
  # Round-robin, so load from other processes hits every variant alike.
  for v in "${variants[@]}"; do
    name=${v%%|*}
    cmd=${v#*|}
    start=$(date +%s.%N)
    out=$(/usr/bin/time -f '%U %S' -o "$work/cpu" $cmd 2>/dev/null)
    end=$(date +%s.%N)
    digest=${out%% *}
    if [[ $digest != "$expected" ]]; then
      echo "MISMATCH in '$name': got '$digest', b3sum says '$expected'" >&2
      exit 1
    fi
    times[$name]+="$(echo "$end - $start" | bc) "
    read -r user sys <"$work/cpu"
    cpu[$name]+="$(echo "$user + $sys" | bc) "
  done
  echo "repetition $rep/$reps done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -n | head -n 1; }
base=$(echo "${times[b3sum]}" | median)
echo
echo "BLAKE3 of ${size_mib} MiB, $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
echo "${reps} repetitions, digests all equal to b3sum's; load average before: $load_before"
base_min=$(echo "${times[b3sum]}" | minimum)
echo "wall = elapsed seconds (what counts); cpu = user + sys seconds of the process"
printf '%-28s %11s %9s %12s %12s %12s\n' variant "wall median" "wall min" "cpu median" "ratio median" "ratio min"
for v in "${variants[@]}"; do
  name=${v%%|*}
  med=$(echo "${times[$name]}" | median)
  min=$(echo "${times[$name]}" | minimum)
  cmed=$(echo "${cpu[$name]}" | median)
  printf '%-28s %11.3f %9.3f %12.2f %11.2fx %11.2fx\n' "$name" "$med" "$min" "$cmed" \
    "$(echo "$med / $base" | bc -l)" "$(echo "$min / $base_min" | bc -l)"
done
