// Signs with the key and password of the settings.xml server capsem-signing, verifies natively, then with the real minisign.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: signed target/capsem/manifest.json')
assert log.contains('[INFO] capsem: signature: target/capsem/manifest.json.minisig')
assert log.contains('[INFO] capsem: verified target/capsem/manifest.json against keys/test.pub; report target/capsem/manifest-verify-signature.json')
def signature = new File(basedir, 'target/capsem/manifest.json.minisig').text
// project.build.outputTimestamp 2026-05-20T00:00:00Z is the trusted comment's time.
assert signature.contains('trusted comment: timestamp:1779235200\tfile:manifest.json\thashed\n')
def report = new File(basedir, 'target/capsem/manifest-sign.json').text
assert report.contains('"schema": "capsem.manifest-sign.v1"')
def minisign = ['/usr/bin/minisign', '/usr/local/bin/minisign'].find { new File(it).canExecute() }
if (minisign == null) {
  assert System.getenv('CI') != 'true' : 'minisign is not installed'
  println 'manifest-sign-then-verify: minisign not installed; the real-minisign check was skipped'
  return
}
def process = [minisign, '-Vm', 'target/capsem/manifest.json', '-p', 'keys/test.pub', '-H'].execute(null, basedir)
def out = process.text
assert process.waitFor() == 0
assert out.contains('Signature and comment signature verified')
