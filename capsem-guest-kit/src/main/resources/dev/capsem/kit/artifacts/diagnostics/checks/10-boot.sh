# boot: what capsem-init set up before the hand-over (sourced by run-checks).

# The squashfs rootfs under an overlay root.
if awk '$3 == "squashfs" && $4 ~ /(^|,)ro(,|$)/ { found = 1 } END { exit !found }' /proc/mounts; then
  check_pass boot rootfs-squashfs
else
  check_fail boot rootfs-squashfs "no read-only squashfs is mounted" "$(cat /proc/mounts)"
fi
if awk '$2 == "/" && $3 == "overlay" { found = 1 } END { exit !found }' /proc/mounts; then
  check_pass boot root-overlay
else
  check_fail boot root-overlay "/ is not an overlay" "$(cat /proc/mounts)"
fi

# The kernel knows every file system a Capsem guest uses.
# One read of the table, then shell matching: every process a check starts costs time.
known=" $(tr '\n\t' '  ' < /proc/filesystems) "
missing=
for fs in squashfs overlay ext4 tmpfs devtmpfs proc sysfs fuse virtiofs; do
  case "$known" in
    *" $fs "*) ;;
    *) missing="$missing $fs" ;;
  esac
done
if [ -z "$missing" ]; then
  check_pass boot kernel-filesystems
else
  check_fail boot kernel-filesystems "the kernel lacks:$missing" "$(cat /proc/filesystems)"
fi

# Root's home is a mount of its own (scratch disk, share or tmpfs), private to root.
if awk '$2 == "/root" { found = 1 } END { exit !found }' /proc/mounts \
  && [ "$(stat -c %a /root)" = 700 ]; then
  check_pass boot root-home
else
  check_fail boot root-home "/root is not a separate mount with mode 700" \
    "$(grep ' /root ' /proc/mounts; stat -c '%a %U' /root)"
fi

# Writable where the runtime writes.
for dir in /tmp /run /root /opt; do
  if probe=$(mktemp -p "$dir" 2>&1) && rm -f "$probe"; then
    check_pass boot "writable-$dir"
  else
    check_fail boot "writable-$dir" "cannot create a file in $dir" "$probe"
  fi
done

# The stage timings capsem-init recorded.
if [ -s /run/capsem/boot-timings.jsonl ]; then
  check_pass boot timings
else
  check_fail boot timings "/run/capsem/boot-timings.jsonl is missing or empty"
fi
