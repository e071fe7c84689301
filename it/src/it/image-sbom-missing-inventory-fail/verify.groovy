// Every selected arch needs an inventory: the goal names the missing ones and writes nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] missing image inventory for arch(es): x86_64')
assert !new File(basedir, 'target/capsem/sbom').exists()
assert !log.contains('at dev.capsem.')
