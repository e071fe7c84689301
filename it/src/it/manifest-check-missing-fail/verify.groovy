// Every failed location is one [ERROR] line in upstream's words; the build fails once, without a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] corp-dev@2026.0520.1 profile_payload: missing file:///capsem-it/does-not-exist/corp-dev.json')
assert log.contains('[ERROR] corp-dev@2026.0520.1 profile_signature: missing file:///capsem-it/does-not-exist/corp-dev.json.minisig')
assert log.contains('[INFO] capsem: checks: 0/2 ok')
assert log.contains('manifest manifest.json failed its checks; report target/capsem/manifest-check.json')
assert !log.contains('at dev.capsem.')
assert new File(basedir, 'target/capsem/manifest-check.json').text.contains('"failure": "missing"')
