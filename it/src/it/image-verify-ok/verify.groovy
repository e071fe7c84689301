// Every asset, package and required tool matches the profile: a summary per check, then the report.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: profile: corp-dev@2026.0520.1')
assert log.contains('[INFO] capsem: assets dir: assets')
assert log.contains('[INFO] capsem: assets: 6/6 ok')
assert log.contains('[INFO] capsem: package contract: 8/8 ok')
assert log.contains('[INFO] capsem: tool contract: 4/4 ok')
assert log.contains('[INFO] capsem: image verified against profiles/corp-dev.profile.toml; report target/capsem/image-verify.json')
def report = new File(basedir, 'target/capsem/image-verify.json').text
assert report.startsWith('{\n  "schema": "capsem.image-verification.v1",\n  "ok": true,\n  "profile_id": "corp-dev",')
assert report.contains('"path": "assets/x86_64/rootfs"')
