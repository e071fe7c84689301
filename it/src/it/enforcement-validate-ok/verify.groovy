// The brief's four corp rules validate, conditions included, and the report names no pack id
// (a profile-rule file has none).
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: enforcement file security/enforcement.toml is valid (0 warnings)')
def report = new File(basedir, 'target/capsem/enforcement-validate.json').text
assert report.contains('"ok": true')
assert report.contains('"path": "security/enforcement.toml"')
