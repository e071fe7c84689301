#!/usr/bin/env bash
# BLAKE3 of the same random file (1 GiB by default, page cache warm) by b3sum and by us, in one
# run, with each variant's wall time, CPU time (user + sys) and wall-time ratio to b3sum's:
#
#   fresh JVM   one process per hash, JVM start-up included, as a user waits for it:
#               `capsem-admin hash FILE` (bin/capsem-admin, the real command line) and the lean
#               dev.capsem.signing.HashMain entry point with each engine. Round-robin with b3sum,
#               so load from other processes hits every variant alike.
#   warmed JVM  Blake3.hasher().hexOfFile(file) in one long-running JVM, as the Maven plugin and a
#               pipeline hashing several assets use it: JMH (bench module, HashFileBenchmark),
#               one hash per iteration after warm-up iterations, each measured hash right after a
#               b3sum run on the same file, so that a second table pairs them under the same load.
#
# Usage: bench/hash.sh            (1 GiB file, 5 repetitions, 10 measured JMH hashes)
#        SIZE_MIB=256 REPS=3 bench/hash.sh
# Environment: JAVA17 (default: java on the PATH), JAVA25 (default: Temurin 25 if installed),
# SKIP_BUILD=1 to reuse the jars in target/, JMH_ITERATIONS (default 10).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size_mib=${SIZE_MIB:-1024}
reps=${REPS:-5}
jmh_iterations=${JMH_ITERATIONS:-10}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

command -v b3sum >/dev/null || { echo "b3sum not found (apt-get install b3sum)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found (reads JMH's JSON results)" >&2; exit 1; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -Pbench -pl bench,capsem-cli -am package \
    -DskipTests -Dspotless.check.skip=true)
fi
jar() { ls "$root/$1/target/$1"-*.jar | grep -v -e sources -e tests -e -all | head -n 1; }
cp="$(jar capsem-signing):$(jar capsem-core)"
benchmarks="$root/bench/target/benchmarks.jar"

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
jdks=()
add_java() {
  local label=$1 java=$2
  "$java" -version >/dev/null 2>&1 || { echo "skipping $label: $java does not run" >&2; return; }
  jdks+=("$label|$java")
  variants+=("$label capsem-admin hash|env JAVA=$java $root/bin/capsem-admin hash $file")
  # The default engine is lockstep, with or without the incubator module; see ManyHashers.fastest.
  variants+=("$label HashMain default|$java -cp $cp dev.capsem.signing.HashMain $file")
  variants+=("$label HashMain scalar|$java -cp $cp dev.capsem.signing.HashMain --engine=scalar $file")
  variants+=("$label HashMain Vector API|$java --add-modules jdk.incubator.vector -cp $cp dev.capsem.signing.HashMain --engine=vector $file")
}
add_java "JDK 17" "$java17"
add_java "JDK 25" "$java25"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A times cpu paired
for ((rep = 1; rep <= reps; rep++)); do
  for v in "${variants[@]}"; do
    name=${v%%|*}
    cmd=${v#*|}
    start=$(date +%s.%N)
    out=$(/usr/bin/time -f '%U %S' -o "$work/cpu" $cmd 2>"$work/stderr") || {
      echo "'$name' failed:" >&2
      cat "$work/stderr" >&2
      exit 1
    }
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
  echo "fresh-JVM repetition $rep/$reps done" >&2
done
load_mid=$(cut -d' ' -f1-3 /proc/loadavg)

# Warmed JVM: one JMH fork per JDK. Each measured iteration is one hash; the JSON's raw data holds
# every iteration's wall time (ms), process CPU time (the cpuMs counter) and the wall time of a
# b3sum run on the same file just before that hash (b3sumMs), so each hash has a paired reference.
for j in "${jdks[@]}"; do
  label=${j%%|*}
  java=${j#*|}
  name="$label in-JVM warmed (JMH)"
  echo "JMH on $label: 8 warm-up and $jmh_iterations measured hashes" >&2
  "$java" -jar "$benchmarks" HashFileBenchmark -jvm "$java" -p "file=$file" \
    -i "$jmh_iterations" -rf json -rff "$work/jmh.json" >"$work/jmh.log" 2>&1 || {
    cat "$work/jmh.log" >&2
    exit 1
  }
  read -r wall_list cpu_list b3sum_list < <(python3 - "$work/jmh.json" <<'EOF'
import json, sys
result = json.load(open(sys.argv[1]))[0]
def seconds(raw):
    return ",".join(str(ms / 1000) for fork in raw for ms in fork)
print(seconds(result["primaryMetric"]["rawData"]),
      seconds(result["secondaryMetrics"]["cpuMs"]["rawData"]),
      seconds(result["secondaryMetrics"]["b3sumMs"]["rawData"]))
EOF
  )
  times[$name]="${wall_list//,/ } "
  cpu[$name]="${cpu_list//,/ } "
  paired[$name]="${b3sum_list//,/ } "
  variants+=("$name|")
done
# b3sum once more after JMH, so a change of load shows.
for ((rep = 1; rep <= reps; rep++)); do
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu" b3sum "$file" >/dev/null
  end=$(date +%s.%N)
  times[b3sum]+="$(echo "$end - $start" | bc) "
  read -r user sys <"$work/cpu"
  cpu[b3sum]+="$(echo "$user + $sys" | bc) "
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -n | head -n 1; }
count() { tr ' ' '\n' | grep -vc '^$'; }
base=$(echo "${times[b3sum]}" | median)
base_min=$(echo "${times[b3sum]}" | minimum)
echo
echo "BLAKE3 of ${size_mib} MiB, $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
echo "digests all equal to b3sum's; fresh JVM: ${reps} runs each, round-robin; warmed JVM: ${jmh_iterations} hashes"
echo "load average (1, 5, 15 min): before $load_before; after fresh-JVM runs $load_mid; at the end $load_after"
base_cpu=$(echo "${cpu[b3sum]}" | median)
echo "wall = elapsed seconds (what counts); cpu = user + sys seconds of the process; ratio = wall / b3sum's"
echo "(medians and minimums each); cpu ratio = cpu median / b3sum's, which other load disturbs less"
printf '%-36s %4s %11s %9s %11s %12s %10s %10s\n' variant runs "wall median" "wall min" "cpu median" \
  "ratio median" "ratio min" "cpu ratio"
for v in "${variants[@]}"; do
  name=${v%%|*}
  printf '%-36s %4d %11.3f %9.3f %11.2f %11.2fx %9.2fx %9.2fx\n' "$name" \
    "$(echo "${times[$name]}" | count)" \
    "$(echo "${times[$name]}" | median)" "$(echo "${times[$name]}" | minimum)" \
    "$(echo "${cpu[$name]}" | median)" \
    "$(echo "$(echo "${times[$name]}" | median) / $base" | bc -l)" \
    "$(echo "$(echo "${times[$name]}" | minimum) / $base_min" | bc -l)" \
    "$(echo "$(echo "${cpu[$name]}" | median) / $base_cpu" | bc -l)"
done

# The warmed-JVM hashes against the b3sum run just before each of them: the same moment, so the same
# load from other processes.
echo
echo "warmed JVM, each hash paired with a b3sum run just before it:"
printf '%-36s %6s %12s %12s %13s %10s\n' variant hashes "ours median" "b3sum median" "ratio median" "ratio min"
for j in "${jdks[@]}"; do
  name="${j%%|*} in-JVM warmed (JMH)"
  ratios=$(paste -d' ' <(echo "${times[$name]}" | tr ' ' '\n' | grep -v '^$') \
    <(echo "${paired[$name]}" | tr ' ' '\n' | grep -v '^$') | awk '{printf "%f ", $1 / $2}')
  printf '%-36s %6d %12.3f %12.3f %12.2fx %9.2fx\n' "$name" "$(echo "${times[$name]}" | count)" \
    "$(echo "${times[$name]}" | median)" "$(echo "${paired[$name]}" | median)" \
    "$(echo "$ratios" | median)" "$(echo "$ratios" | minimum)"
done
