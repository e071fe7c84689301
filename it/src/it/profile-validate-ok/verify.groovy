// The example profile validates: a one-line summary, and the JSON report under target/capsem.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: profile profiles/corp-dev.profile.toml is valid (0 warnings)')
def report = new File(basedir, 'target/capsem/profile-validate.json').text
assert report.contains('"ok": true')
assert report.contains('"profile_id": "corp-dev"')
// The scenarios run twice: under the Maven running the outer build, and under Maven 3.9.
def maven = (log =~ /Apache Maven (\S+)/)
assert maven.find()
println "profile-validate-ok ran under Maven ${maven.group(1)}"
