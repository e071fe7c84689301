// One byte changed, one file truncated, one extended, one missing: each is one [ERROR] line with its
// documented failure, then the build fails once listing all four.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: assets: 2/6 ok')
assert log.contains('[ERROR] arm64/kernel: hash_mismatch assets/arm64/kernel')
assert log.contains('[ERROR] arm64/initrd: size_mismatch assets/arm64/initrd')
assert log.contains('[ERROR] x86_64/kernel: missing assets/x86_64/kernel')
assert log.contains('[ERROR] x86_64/rootfs: size_mismatch assets/x86_64/rootfs')
assert log.contains('image verification failed: 4 problems; report target/capsem/image-verify.json')
assert !log.contains('at dev.capsem.')
def report = new File(basedir, 'target/capsem/image-verify.json').text
assert report.contains('"ok": false')
assert report.contains('"failure": "hash_mismatch"')
