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

// The command line makes the same release, file for file: `capsem-admin release` with the options
// that match this pom's configuration, the same key and the same date (the pom's
// project.build.outputTimestamp as SOURCE_DATE_EPOCH), each face with its default builder id.
// The engine's layer cache holds every step.
def support = "$repositoryRoot/it/src/it-support"
def imageBuild = "$repositoryRoot/it/src/test/resources/image-build"
def inputs = 'target/inputs'
def cli = ["$repositoryRoot/bin/capsem-admin", 'release', "$imageBuild/ci-small.profile.toml",
           '--out', 'target/cli-release', '--arch', 'x86_64', '--binary-version', '1.0.1776688771',
           '--providers-dir', "$imageBuild/providers",
           '--environment', "$conformanceDir/capsem/guest/config/vm/environment.toml",
           '--defconfig-dir', "$support/kernel", '--kernel-source', kernelSource,
           '--artifacts', "$inputs/artifacts", '--ca', "$inputs/capsem-ca.crt",
           '--guest-binaries', "$inputs/binaries", '--node-source', 'debian', '--uv-installer', 'none',
           '--python-wheels', "$inputs/wheels", '--build-ca', "$inputs/build-ca.crt",
           '--asset-base-url', 'https://assets.example.com/ci-small',
           '--catalog-base-url', 'https://profiles.example.com/catalog',
           '--skip-boot-test', '--snapshot', '--key', 'keys/test.key']
def environment = System.getenv().collect { k, v -> "$k=$v" } + ['SOURCE_DATE_EPOCH=1776729600']
def cliProcess = cli.execute(environment, basedir)
def cliOut = new StringBuilder()
cliProcess.waitForProcessOutput(cliOut, cliOut)
assert cliProcess.exitValue() == 0 : "capsem-admin release:\n$cliOut"

// What a release publishes: assets, SBOMs and the release folder (build logs name their own folder).
def published = { String root ->
  def files = new TreeMap()
  for (part in ['assets', 'sbom', 'release']) {
    def dir = new File(basedir, "$root/$part")
    assert dir.isDirectory() : "$root/$part"
    dir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
      def name = part + '/' + dir.toPath().relativize(file.toPath())
      if (!name.endsWith('build.log')) {
        files[name] = java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
      }
    }
  }
  files
}
def fromMaven = published('target/capsem')
def fromCli = published('target/cli-release')
assert fromMaven.size() >= 10 : fromMaven.keySet()
assert fromCli == fromMaven
