// A report that differs from the expectation fails the build at the first differing line (E223).
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] E223 security/enforcement-backtest.expected.json:8:1: report differs from the expected report at line 8: expected "match_count": 2, got "match_count": 3')
assert log.contains('enforcement backtest of security/enforcement.toml failed: 1 problem')
assert !log.contains('at dev.capsem.')
