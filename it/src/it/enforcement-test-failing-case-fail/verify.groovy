// A case whose rule decides otherwise fails the build (E222) and shows as a JUnit failure.
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] capsem: FAIL case 'Google reads are allowed': expected allow, got block by rule http.block_google")
assert log.contains("[ERROR] E222 security/enforcement.enforcement-test.toml:20:1: cases.3: case 'Google reads are allowed': expected allow, got block by rule http.block_google")
assert log.contains('enforcement tests security/enforcement.enforcement-test.toml failed: 1 problem')
def junit = new File(basedir, 'target/capsem/junit/TEST-capsem-enforcement.xml').text
assert junit.contains('tests="4" failures="1"')
assert junit.contains('<failure type="E222"')
