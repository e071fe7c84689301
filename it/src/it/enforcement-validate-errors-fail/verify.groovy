// Every problem on its own [ERROR] line as CODE file:line:col: path: message, then one failure.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] E005 security/enforcement.toml:5:12: security.rules.http.bad_decision.decision: Input should be 'allow', 'ask', 'block' or 'rewrite'")
assert log.contains("[ERROR] E209 security/enforcement.toml:13:6: security.rules.dns.bad_callback.on: callback 'http.request' is not allowed for rule type 'dns'")
assert log.contains("[ERROR] E206 security/enforcement.toml:9:25: security.rules.http.bad_type.if: rule http.bad_type CEL compile failed: found no matching overload for '_==_' applied to '(wrapper(int), string)' (candidates: (%A0, %A0)) (condition 1:19)")
assert log.contains('enforcement file security/enforcement.toml is invalid: 3 problems')
assert !log.contains('at dev.capsem.')
assert new File(basedir, 'target/capsem/enforcement-validate.json').text.contains('"ok": false')
