// The corpus replays to the expected rows (validate phase first, then the backtest in test).
def log = new File(basedir, 'build.log').text
assert log.indexOf('capsem: enforcement file security/enforcement.toml is valid') < log.indexOf('capsem: enforcement backtest')
assert log.contains('[INFO] capsem: enforcement backtest of security/enforcement.toml: 4 event(s), 3 match(es) as expected in security/enforcement-backtest.expected.json; report target/capsem/enforcement-backtest.json')
