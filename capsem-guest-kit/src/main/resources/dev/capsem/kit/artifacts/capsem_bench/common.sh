# Shared by the benchmarks of capsem-bench: a clock and the JSON line they print.

# Milliseconds since boot (the kernel's clock; no date arithmetic).
now_ms() {
  awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# bench_line NAME BYTES MILLISECONDS: the throughput as one JSON object.
bench_line() {
  awk -v name="$1" -v bytes="$2" -v ms="$3" 'BEGIN {
    if (ms < 1) ms = 1
    printf "{\"bench\":\"%s\",\"bytes\":%d,\"ms\":%d,\"mib_per_s\":%.1f}\n", name, bytes, ms,
      bytes / 1048576 / (ms / 1000)
  }'
}
