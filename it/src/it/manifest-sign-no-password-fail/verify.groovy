// An encrypted key without a password in its server entry: the build says where the password goes.
def log = new File(basedir, 'build.log').text
assert log.contains("manifest signing failed: the key keys/test.key is encrypted: put its password in <passphrase> (or <password>) of the <server> with id 'capsem-signing-no-password' in settings.xml (encrypt it with mvn --encrypt-password)")
assert !new File(basedir, 'target/capsem/manifest.json.minisig').exists()
assert !log.contains('at dev.capsem.')
