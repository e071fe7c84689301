// capsem.skip turns every goal off, even over a broken profile.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: skipped (capsem.skip)')
assert !new File(basedir, 'target/capsem/profile-validate.json').exists()
