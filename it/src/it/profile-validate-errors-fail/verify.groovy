// Every error is logged on its own [ERROR] line as CODE file:line:col: path: message, then the build fails once.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] E001 profiles/broken.profile.toml:1:1: name: Field required')
assert log.contains('[ERROR] E013 profiles/broken.profile.toml:16:8: vm.cpus: Input should be greater than or equal to 1')
assert log.contains("[ERROR] E005 profiles/broken.profile.toml:37:12: security.rules.http.deny_all.decision: Input should be 'allow', 'ask', 'block' or 'rewrite'")
assert log.contains('[ERROR] E004 profiles/broken.profile.toml:20:1: vm.assets: Dictionary should have at least 1 item after validation, not 0')
assert log.contains('profile profiles/broken.profile.toml is invalid: 4 problems')
// No stack trace from the plugin: the failure is the list above, nothing else.
assert !log.contains('at dev.capsem.')
assert new File(basedir, 'target/capsem/profile-validate.json').text.contains('"ok": false')
