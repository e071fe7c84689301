// B3SUMS is written first (b3sum's format), then the format-2 manifest dated by project.build.outputTimestamp.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: manifest.json: target/capsem/asset-manifest.json (assets 2026.0421.1, binary 1.0.1776688771, 3 assets)')
def sums = new File(basedir, 'assets/B3SUMS').text
assert sums ==~ /(?s)[0-9a-f]{64}  arm64\/initrd\.img\n[0-9a-f]{64}  arm64\/rootfs\.squashfs\n[0-9a-f]{64}  arm64\/vmlinuz\n/
def manifest = new File(basedir, 'target/capsem/asset-manifest.json').text
assert manifest.startsWith('{\n  "format": 2,\n  "assets": {\n    "current": "2026.0421.1",\n    "releases": {\n      "2026.0421.1": {\n        "date": "2026-04-21",')
assert manifest.contains('"min_assets": "2026.0421.1"')
