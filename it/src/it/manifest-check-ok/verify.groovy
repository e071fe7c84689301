// A catalog with file:// URLs to the signed profile passes the fast check.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: mode: fast')
assert log.contains('[INFO] capsem: checks: 2/2 ok')
assert log.contains('[INFO] capsem: manifest target/capsem/manifest.json passed; report target/capsem/manifest-check.json')
assert new File(basedir, 'target/capsem/manifest-check.json').text.contains('"ok": true')
