// The arm64 inventory has an older curl and lacks a required tool; x86_64 has no inventory at all.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: package contract: 3/4 ok')
assert log.contains('[INFO] capsem: tool contract: 1/2 ok')
assert log.contains('[ERROR] arm64/apt/curl: version_mismatch expected=7.88.1-10+deb12u12 actual=7.88.1-10+deb12u5')
assert log.contains('[ERROR] arm64/tool/codex: missing expected=0.17.0 actual=None')
assert log.contains('[ERROR] x86_64/inventory: missing assets/x86_64/image-inventory.json')
assert log.contains('image verification failed: 3 problems; report target/capsem/image-verify.json')
assert !log.contains('at dev.capsem.')
