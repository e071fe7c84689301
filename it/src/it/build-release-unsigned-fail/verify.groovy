// A release is checked for what publishing needs before the image is built: both problems, coded, at once.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] E418 pom.xml: release 2026.421.1 must be signed: no <server> with id 'capsem-no-such-server' in settings.xml: add one whose <privateKey> is the minisign secret key (and <passphrase> its password), or set capsem.signing.serverId")
assert log.contains('[ERROR] E419 pom.xml: release 2026.421.1 must say where it is published: set <assetBaseUrl> and <catalogBaseUrl> (capsem.assetBaseUrl, capsem.catalogBaseUrl)')
assert log.contains('release 2026.421.1 refused: 2 problems')
// No container work was started, and no stack trace.
assert !log.contains('capsem: ==> ')
assert !new File(basedir, 'target/capsem/assets').exists()
assert !log.contains('at dev.capsem.')
