// A dry run of the whole build: every container command in the log and the report, no assets.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: ==> arm64 kernel')
assert log.contains('[INFO] capsem:   -> docker build --platform linux/arm64')
assert log.contains('[INFO] capsem: <== x86_64 rootfs done in ')
assert log.contains('[WARNING] W017 guest agent binaries omitted by configuration')
assert log.contains('[INFO] capsem: planned: arm64, x86_64 all')
def report = new File(basedir, 'target/capsem/image-build.json').text
assert report.contains('"schema": "capsem.image-build.v1"')
assert report.contains('"dry_run": true')
assert report.contains('"commands": [')
assert report.contains('"export"')
assert new File(basedir, 'target/capsem/workspace/config/ai/openai.toml').isFile()
assert !new File(basedir, 'target/capsem/assets').exists()
