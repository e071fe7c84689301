// Every case passes; the rule no case reaches is flagged (W016, a warning: the build passes); JUnit
// XML for CI dashboards.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: PASS GitHub reads are allowed')
assert log.contains('[INFO] capsem: ran 3 case(s): 3 passed, 0 failed')
assert log.contains('[WARNING] W016 security/enforcement.toml:22:7: security.rules.http.block_google.if: rule http.block_google is never matched by a test case or corpus event')
def junit = new File(basedir, 'target/capsem/junit/TEST-capsem-enforcement.xml').text
assert junit.contains('<testsuite name="security/enforcement.enforcement-test.toml" tests="3" failures="0" errors="0" skipped="0" time="0">')
assert junit.contains('<testcase classname="enforcement" name="internal hosts may be written" time="0"/>')
assert new File(basedir, 'target/capsem/enforcement-test.json').text.contains('"failure_count": 0')
