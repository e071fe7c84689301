# disk: sequential write (synced) and read of 64 MiB in root's home.
. /usr/local/lib/capsem_bench/common.sh
file=$(mktemp -p "${HOME:-/root}" .capsem-bench.XXXXXX) || exit 1
trap 'rm -f "$file"' EXIT
size=$((64 * 1048576))
start=$(now_ms)
dd if=/dev/zero of="$file" bs=1M count=64 conv=fsync status=none || exit 1
bench_line disk-write "$size" $(($(now_ms) - start))
echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
start=$(now_ms)
dd if="$file" of=/dev/null bs=1M status=none || exit 1
bench_line disk-read "$size" $(($(now_ms) - start))
