# rootfs: reads every regular file under /usr/lib, the bulk of the squashfs rootfs.
. /usr/local/lib/capsem_bench/common.sh
echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
start=$(now_ms)
bytes=$(find /usr/lib -xdev -type f -print0 2>/dev/null | xargs -0 cat 2>/dev/null | wc -c)
bench_line rootfs-read "$bytes" $(($(now_ms) - start))
