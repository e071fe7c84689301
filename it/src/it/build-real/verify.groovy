// Three runs of capsem:build on the bundled example: a real build through Docker, booted in QEMU and
// signed, then two re-runs with nothing changed that do no container work, one without a key (a
// SNAPSHOT stays unsigned, with a warning) and one signed again. The real minisign and b3sum CLIs
// check what was published, and capsem-admin release makes the same files.
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
// The first run booted the image before signing it, and every check it ran from inside passed.
assert new File(basedir, 'target/capsem/release.json').text.contains('"boot_test": "passed"')
def imageTest = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/capsem/image-test.json'))
assert imageTest.ok
def booted = imageTest.arches.find { it.arch == 'x86_64' }
assert booted.ok && booted.checks.failed == 0 && booted.checks.passed >= 30 : booted
println "example booted under ${booted.accelerator} in ${booted.boot_seconds} s: " +
    "${booted.checks.passed} of ${booted.checks.tests} checks passed, ${booted.checks.skipped} skipped"
assert runs[1].contains("[WARNING] capsem: not signed (SNAPSHOT): no <server> with id 'capsem-no-such-server' in settings.xml")
assert runs[1].contains('[WARNING] capsem: catalog check skipped: the release is not signed')
assert !runs[2].contains('not signed')

def release = new File(basedir, 'target/capsem/release')
def assets = new File(basedir, 'target/capsem/assets')
for (path in ['manifest.json', 'manifest.json.minisig', 'profiles/corp-dev-2026.0520.1.json.minisig']) {
  assert new File(release, path).isFile() : path
}
assert new File(basedir, 'target/capsem/sbom/x86_64/guest-sbom.spdx.json').isFile()

def tool = { String name ->
  ['/usr/bin/', '/usr/local/bin/'].collect { it + name }.find { new File(it).canExecute() }
}
// A command's standard output and error as bytes; it must exit 0.
def outputs = { List command ->
  def process = command.execute(null, basedir)
  def out = new ByteArrayOutputStream()
  def err = new ByteArrayOutputStream()
  // Waits for the output too: waitFor() alone may return before the reader threads are done.
  process.waitForProcessOutput(out, err)
  assert process.exitValue() == 0 : "${command.join(' ')}: ${out.toString('UTF-8')}${err.toString('UTF-8')}"
  [out.toByteArray(), err.toByteArray()]
}
def run = { List command ->
  def (out, err) = outputs(command)
  new String(out, 'UTF-8') + new String(err, 'UTF-8')
}
// The catalog, the release profile and the rootfs, each against the key the real minisign made.
for (path in ['target/capsem/release/manifest.json',
              'target/capsem/release/profiles/corp-dev-2026.0520.1.json',
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

// The rootfs as unsquashfs sees it: `capsem-admin image ls` lists it byte for byte as `unsquashfs
// -lln` does, and the SBOM lists every package dpkg-query lists in a container of the image (with
// Debian's architecture names in the purls).
def rootfs = 'target/capsem/assets/x86_64/rootfs.squashfs'
def bytesOf = { List command -> outputs(command)[0] }
def ourListing = bytesOf(["$repositoryRoot/bin/capsem-admin", 'image', 'ls', rootfs])
def theirListing = bytesOf([tool('unsquashfs'), '-UTC', '-lln', rootfs])
assert new String(ourListing, 'UTF-8') == new String(theirListing, 'UTF-8')
assert ourListing == theirListing
def tree = new File(basedir, 'target/rootfs-tree')
run([tool('unsquashfs'), '-q', '-n', '-d', tree.path, rootfs])
def tag = "capsem-it-example-rootfs:${System.nanoTime().toString(16)}"
run(['bash', '-c', "tar -C '${tree.path}' -c . | docker import - $tag"])
def installed
try {
  installed = run(['docker', 'run', '--rm', '--network', 'none', tag, 'dpkg-query', '-W', '-f',
                   '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n'])
} finally {
  ['docker', 'rmi', '-f', tag].execute().waitFor()
  run(['rm', '-rf', tree.path])
}
def listed = new TreeSet()
installed.eachLine { line ->
  def fields = line.split('\t')
  if (fields.length == 4 && fields[0].startsWith('ii')) {
    listed << "${fields[1].replaceAll(':.*', '')} ${fields[2]} ${fields[3]}".toString()
  }
}
def spdx = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/capsem/sbom/x86_64/guest-sbom.spdx.json'))
def described = new TreeSet()
spdx.packages.each { pkg ->
  pkg.externalRefs?.each { ref ->
    if (ref.referenceLocator.startsWith('pkg:deb/')) {
      described << "${pkg.name} ${pkg.versionInfo} ${ref.referenceLocator.replaceAll('.*[?&]arch=([^&]+).*', '$1')}".toString()
    }
  }
}
assert listed.size() > 100 && listed.any { it.startsWith('git ') && it.endsWith(' amd64') }
assert listed.any { it.endsWith(' all') }
assert described.containsAll(listed) : (listed - described)
println "the example's SBOM lists all ${listed.size()} packages dpkg-query lists in a container of its rootfs; " +
    "image ls = unsquashfs -lln (${new String(ourListing, 'UTF-8').readLines().size()} lines)"

// The command line makes the same release, file for file: `capsem-admin release` with the options
// that match this pom's configuration, the same key and the same date (the pom's
// project.build.outputTimestamp as SOURCE_DATE_EPOCH), each face with its default builder id. It
// boots the image too; the engine's layer cache holds every container step.
def example = "$repositoryRoot/examples/corp-dev"
def cli = ["$repositoryRoot/bin/capsem-admin", 'release', "$example/profiles/corp-dev.profile.toml",
           '--out', 'target/cli-release', '--arch', 'x86_64', '--python-wheels', "$example/wheels",
           '--kernel-source', kernelSource,
           '--node-source', 'debian-registry', '--build-ca', buildCa,
           '--asset-base-url', 'https://assets.example.com/corp-dev',
           '--catalog-base-url', 'https://profiles.example.com/catalog',
           '--snapshot', '--key', 'keys/test.key']
def environment = System.getenv().collect { k, v -> "$k=$v" } + ['SOURCE_DATE_EPOCH=1776729600']
def cliProcess = cli.execute(environment, basedir)
def cliOut = new StringBuilder()
cliProcess.waitForProcessOutput(cliOut, cliOut)
assert cliProcess.exitValue() == 0 : "capsem-admin release:\n$cliOut"
assert new File(basedir, 'target/cli-release/release.json').text.contains('"boot_test": "passed"')

// What a release publishes: its publish folder, the tree an upload copies as it is.
def published = { String root ->
  def files = new TreeMap()
  def dir = new File(basedir, "$root/publish")
  assert dir.isDirectory() : "$root/publish"
  dir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    files[dir.toPath().relativize(file.toPath()).toString()] =
        java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
  }
  files
}
def fromMaven = published('target/capsem')
def fromCli = published('target/cli-release')
assert fromMaven.keySet().containsAll(['assets/x86_64/rootfs.squashfs', 'sbom/x86_64/guest-sbom.spdx.json',
    'release/manifest.json.minisig', 'provenance.intoto.jsonl']) : fromMaven.keySet()
assert fromCli == fromMaven
println "capsem-admin release and mvn capsem:build published the same ${fromMaven.size()} files"
