// Three runs of capsem:build on one project: a real build through Docker (signed), then two re-runs
// with nothing changed that do no container work, one without a key (a SNAPSHOT stays unsigned, with
// a warning) and one signed again. The real minisign and b3sum CLIs check what was published.
def log = new File(basedir, 'build.log').text
def runs = log.split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...')).drop(1)
assert runs.size() == 3
def noWork = '[INFO] capsem:   no container work: the inputs of every step are unchanged'

assert runs[0].contains('[INFO] capsem:   -> docker build')
assert runs[0].contains('[INFO] capsem: <== x86_64 kernel done in ')
assert runs[0].contains('[INFO] capsem: <== x86_64 rootfs done in ')
assert !runs[0].contains(noWork)
assert runs[0].contains('[INFO] BUILD SUCCESS')

for (run in runs.drop(1)) {
  assert run.contains(noWork)
  assert !run.contains('-> docker build')
  assert !run.contains('-> docker run')
  assert run.contains('[INFO] BUILD SUCCESS')
}
// Skipping the boot test is said, and recorded in the release report.
assert runs[0].contains('[WARNING] capsem: boot test skipped (--skip-boot-test / -Dcapsem.skipBootTest)')
assert new File(basedir, 'target/capsem/release.json').text.contains('"boot_test": "skipped"')
assert runs[1].contains("[WARNING] capsem: not signed (SNAPSHOT): no <server> with id 'capsem-no-such-server' in settings.xml")
assert runs[1].contains('[WARNING] capsem: catalog check skipped: the release is not signed')
assert !runs[2].contains('not signed')

def release = new File(basedir, 'target/capsem/release')
def assets = new File(basedir, 'target/capsem/assets')
for (path in ['manifest.json', 'manifest.json.minisig', 'profiles/ci-small-2026.0421.1.json.minisig']) {
  assert new File(release, path).isFile() : path
}
assert new File(basedir, 'target/capsem/sbom/x86_64/guest-sbom.spdx.json').isFile()

def tool = { String name ->
  ['/usr/bin/', '/usr/local/bin/'].collect { it + name }.find { new File(it).canExecute() }
}
def run = { List command ->
  def process = command.execute(null, basedir)
  def out = new StringBuilder()
  def err = new StringBuilder()
  // Waits for the output too: waitFor() alone may return before the reader threads are done.
  process.waitForProcessOutput(out, err)
  assert process.exitValue() == 0 : "${command.join(' ')}: $out$err"
  out.toString() + err.toString()
}
// The catalog, the release profile and the rootfs, each against the key the real minisign made.
for (path in ['target/capsem/release/manifest.json',
              'target/capsem/release/profiles/ci-small-2026.0421.1.json',
              'target/capsem/assets/x86_64/rootfs.squashfs']) {
  def out = run([tool('minisign'), '-Vm', path, '-p', 'keys/test.pub'])
  assert out.contains('Signature and comment signature verified') : out
}
// B3SUMS as the real b3sum computes it.
def sums = new File(assets, 'B3SUMS').text
for (name in ['x86_64/vmlinuz', 'x86_64/initrd.img', 'x86_64/rootfs.squashfs']) {
  def hash = run([tool('b3sum'), '--no-names', "target/capsem/assets/$name"]).trim()
  assert sums.contains("$hash  $name") : "$name: $hash not in\n$sums"
}
