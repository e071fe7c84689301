#!/usr/bin/env bash
# Our squashfs writer against mksquashfs on the same tar stream, in one run, on two cores:
# zstd level 15, 64 KiB blocks, one time for every inode, as the rootfs build writes it.
#
#   ours        a fresh JVM running dev.capsem.bench.SquashfsWrite TAR IMAGE THREADS, JVM start-up
#               included; THREADS compression threads (default 4: mksquashfs -processors 2 runs two
#               block and two fragment compressors, plus its reader and writer)
#   mksquashfs  mksquashfs - IMAGE -tar ... -processors 2 < TAR: the same stream, read the same way
#   D16 today   (as root only) what the build does now: tar -x into a folder, then mksquashfs of
#               the folder (-processors 2); timed from the tar, so extraction counts
#
# Runs are interleaved (ours, mksquashfs, D16, ours, ...), so load from other processes hits each
# alike; the table gives medians and minimums, the ratios of ours to mksquashfs -tar, and CPU time
# (user + sys), which other load disturbs less. It then checks that our image is the same bytes in
# every run and that unsquashfs -lln lists the same tree for both images.
#
# Input: a container of IMAGE (default: bench/squashfs/Dockerfile built as capsem-squashfs-bench,
# Debian with Python, Node, git and an npm package), exported once with docker export.
#
# Usage: bench/squashfs.sh                    (5 repetitions)
#        REPS=3 IMAGE=my-rootfs:tag bench/squashfs.sh
# Environment: SKIP_BUILD=1 reuses bench/target/benchmarks.jar, KEEP=1 keeps the work folder,
# THREADS=n our compression threads, SKIP_D16=1 leaves out the D16 variant.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=${REPS:-5}
threads=${THREADS:-4}
epoch=1779364800
image=${IMAGE:-capsem-squashfs-bench:1}
jar="$root/bench/target/benchmarks.jar"
zstd=(-comp zstd -Xcompression-level 15 -b 64K -noappend -no-progress -quiet -processors 2
  -mkfs-time "$epoch" -all-time "$epoch")

# One measured run: bench/squashfs.sh --run VARIANT WORK OUT (timed by the loop below).
if [[ ${1:-} == --run ]]; then
  variant=$2 work=$3 out=$4
  case $variant in
    ours) exec java -cp "$jar" dev.capsem.bench.SquashfsWrite "$work/rootfs.tar" "$out" "$threads" 15 "$epoch" >/dev/null ;;
    "mksquashfs -tar") exec mksquashfs - "$out" -tar -root-mode 755 "${zstd[@]}" <"$work/rootfs.tar" ;;
    "D16 today")
      rm -rf "$work/tree" && mkdir "$work/tree"
      tar -xpf "$work/rootfs.tar" -C "$work/tree" --numeric-owner --xattrs --xattrs-include='*'
      exec mksquashfs "$work/tree" "$out" "${zstd[@]}" ;;
  esac
  exit 2
fi

for tool in mksquashfs unsquashfs docker tar bc; do
  command -v "$tool" >/dev/null || { echo "$tool not found (scripts/setup-machine.sh installs it)" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -Pbench -pl bench -am package -DskipTests \
    -Dspotless.check.skip=true)
fi
if [[ -z ${IMAGE:-} ]]; then
  echo "building $image from bench/squashfs/Dockerfile" >&2
  docker build -q -t "$image" "$root/bench/squashfs" >/dev/null
fi

work=$(mktemp -d)
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT
echo "exporting a container of $image to $work/rootfs.tar" >&2
container=$(docker create "$image" /bin/true)
docker export "$container" >"$work/rootfs.tar"
docker rm "$container" >/dev/null
cat "$work/rootfs.tar" >/dev/null # page cache warm: every variant reads from memory
tar_bytes=$(stat -c %s "$work/rootfs.tar")
entries=$(tar -tf "$work/rootfs.tar" | wc -l)

variants=("ours" "mksquashfs -tar")
[[ $(id -u) -eq 0 && -z ${SKIP_D16:-} ]] && variants+=("D16 today")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A times cpu size
for ((rep = 1; rep <= reps; rep++)); do
  for v in "${variants[@]}"; do
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$0" --run "$v" "$work" "$work/${v// /_}-$rep.sqfs" \
      2>"$work/stderr" || {
      echo "'$v' failed:" >&2
      cat "$work/stderr" >&2
      exit 1
    }
    end=$(date +%s.%N)
    times[$v]+="$(echo "$end - $start" | bc) "
    read -r user sys < <(tail -n 1 "$work/cpu")
    cpu[$v]+="$(echo "$user + $sys" | bc) "
    size[$v]=$(stat -c %s "$work/${v// /_}-$rep.sqfs")
  done
  echo "repetition $rep/$reps done" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -n | head -n 1; }
base="mksquashfs -tar"
base_wall=$(echo "${times[$base]}" | median)
base_min=$(echo "${times[$base]}" | minimum)
base_cpu=$(echo "${cpu[$base]}" | median)

echo
echo "squashfs of a docker export of $image: $((tar_bytes / 1048576)) MiB tar, $entries entries;"
echo "zstd level 15, 64 KiB blocks; ours: $threads compression threads, mksquashfs: -processors 2; $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs));"
echo "$reps interleaved runs each; load average (1, 5, 15 min) before $load_before, after $load_after"
echo "$(mksquashfs -version 2>&1 | head -1); $(java -version 2>&1 | head -1)"
printf '%-18s %11s %9s %11s %13s %12s %10s %13s %11s\n' variant "wall median" "wall min" "cpu median" \
  "image bytes" "time ratio" "min ratio" "cpu ratio" "size ratio"
for v in "${variants[@]}"; do
  printf '%-18s %11.2f %9.2f %11.2f %13d %11.3fx %9.3fx %12.3fx %10.4fx\n' "$v" \
    "$(echo "${times[$v]}" | median)" "$(echo "${times[$v]}" | minimum)" "$(echo "${cpu[$v]}" | median)" \
    "${size[$v]}" \
    "$(echo "$(echo "${times[$v]}" | median) / $base_wall" | bc -l)" \
    "$(echo "$(echo "${times[$v]}" | minimum) / $base_min" | bc -l)" \
    "$(echo "$(echo "${cpu[$v]}" | median) / $base_cpu" | bc -l)" \
    "$(echo "${size[$v]} / ${size[$base]}" | bc -l)"
done
echo "(ratios are ours or D16's over mksquashfs -tar's; aim: time <= 1.2x, size <= 1.02x)"

echo
same=yes
for ((rep = 2; rep <= reps; rep++)); do
  cmp -s "$work/ours-1.sqfs" "$work/ours-$rep.sqfs" || same=no
done
echo "ours: the same bytes in all $reps runs: $same ($(b3sum --no-names "$work/ours-1.sqfs" 2>/dev/null || sha256sum "$work/ours-1.sqfs" | cut -d' ' -f1))"
unsquashfs -UTC -lln "$work/ours-1.sqfs" >"$work/ours.lln"
unsquashfs -UTC -lln "$work/mksquashfs_-tar-1.sqfs" >"$work/theirs.lln"
lines=$(wc -l <"$work/ours.lln")
differ=$(diff "$work/ours.lln" "$work/theirs.lln" | grep -c '^<' || true)
echo "unsquashfs -lln: $lines lines for ours, $(wc -l <"$work/theirs.lln") for mksquashfs -tar; $differ of ours differ:"
# mksquashfs 4.5.1 strips the leading / from pax linkpath records (long symlink targets), which also
# shifts its later inodes and so the listing sizes of some directories; ours keeps the target.
paste -d'\n' <(diff "$work/ours.lln" "$work/theirs.lln" | grep '^<' | cut -c3-) \
  <(diff "$work/ours.lln" "$work/theirs.lln" | grep '^>' | cut -c3-) | paste - - |
  awk -F'\t' '{
    split($1, a, " "); split($2, b, " ");
    kind = "other";
    if (substr(a[1], 1, 1) == "d" && a[6] == b[6] && a[1] == b[1] && a[2] == b[2]) kind = "directory listing size";
    else if (substr(a[1], 1, 1) == "l" && index($1, " -> /") > 0 && a[6] == b[6]) kind = "symlink target (mksquashfs dropped its leading /)";
    n[kind]++
  } END { for (k in n) printf "  %6d  %s\n", n[k], k }'
