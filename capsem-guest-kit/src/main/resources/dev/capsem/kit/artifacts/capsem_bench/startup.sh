# startup: the boot stages capsem-init timed, and their total.
timings=/run/capsem/boot-timings.jsonl
if [ ! -s "$timings" ]; then
  echo "capsem-bench: no boot timings at $timings (not booted by capsem-init?)" >&2
  exit 1
fi
cat "$timings"
sed -n 's/.*"duration_ms":\([0-9]*\).*/\1/p' "$timings" \
  | awk '{ total += $1 } END { printf "{\"bench\":\"startup\",\"ms\":%d}\n", total }'
