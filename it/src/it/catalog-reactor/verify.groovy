// Two capsem-image modules built in parallel (-T 2), each in its own workspace, then capsem:catalog
// collects both release profiles into one catalog signed with the settings.xml key.
def log = new File(basedir, 'build.log').text
assert log.contains('with a thread count of 2')
for (team in ['team-a', 'team-b']) {
  for (stage in ['pipeline-validate', 'pipeline-test', 'pipeline-package', 'pipeline-verify']) {
    // Maven 3.8 names the plugin by its artifactId, 3.9 by its goal prefix.
    assert log =~ /(capsem-maven-plugin|capsem):[^:]+:$stage \(default-$stage\) @ $team ---/ : "$stage @ $team"
  }
  assert new File(basedir, "$team/target/capsem/workspace").isDirectory()
  assert new File(basedir, "$team/target/capsem/assets/x86_64/rootfs.squashfs").isFile()
  // The release profile is the module's main artifact.
  assert new File(basedir, "$team/target/capsem/release/profiles/${team}-2026.0421.1.json").isFile()
}
assert log.contains('[INFO] capsem: collected target/capsem/catalog/profiles/team-a-2026.0421.1.json')
assert log.contains('[INFO] capsem: collected target/capsem/catalog/profiles/team-b-2026.0421.1.json')
assert log.contains('[INFO] capsem: reactor catalog of 2 profile(s) from 3 project(s): target/capsem/catalog/manifest.json')
assert log.contains('[INFO] BUILD SUCCESS')

def catalog = new File(basedir, 'target/capsem/catalog/manifest.json').text
assert catalog.contains('"team-a"')
assert catalog.contains('"team-b"')
def minisign = ['/usr/bin/minisign', '/usr/local/bin/minisign'].find { new File(it).canExecute() }
for (path in ['target/capsem/catalog/manifest.json',
              'target/capsem/catalog/profiles/team-a-2026.0421.1.json',
              'target/capsem/catalog/profiles/team-b-2026.0421.1.json']) {
  def process = [minisign, '-Vm', path, '-p', 'keys/test.pub'].execute(null, basedir)
  def out = process.text
  assert process.waitFor() == 0 : out
  assert out.contains('Signature and comment signature verified')
}

// install published each module's release: the release profile as the main artifact, the assets,
// inventory, SBOM, asset manifest, B3SUMS and catalog attached with classifiers, the same bytes.
for (team in ['team-a', 'team-b']) {
  def installed = new File(localRepositoryPath, "dev/capsem/it/$team/1.0.1776688771-SNAPSHOT")
  def published = [
    '.json'                       : "target/capsem/release/profiles/${team}-2026.0421.1.json",
    '-x86_64-kernel.vmlinuz'      : 'target/capsem/assets/x86_64/vmlinuz',
    '-x86_64-initrd.img'          : 'target/capsem/assets/x86_64/initrd.img',
    '-x86_64-rootfs.squashfs'     : 'target/capsem/assets/x86_64/rootfs.squashfs',
    '-x86_64-inventory.json'      : 'target/capsem/assets/x86_64/image-inventory.json',
    '-x86_64-sbom.spdx.json'      : 'target/capsem/sbom/x86_64/guest-sbom.spdx.json',
    '-assets.json'                : 'target/capsem/assets/manifest.json',
    '-b3sums.txt'                 : 'target/capsem/assets/B3SUMS',
    '-catalog.json'               : 'target/capsem/release/manifest.json',
  ]
  published.each { suffix, path ->
    def file = new File(installed, "${team}-1.0.1776688771-SNAPSHOT$suffix")
    assert file.isFile() : "not installed: $file.name"
    def source = new File(basedir, "$team/$path")
    assert java.nio.file.Files.mismatch(file.toPath(), source.toPath()) == -1L : "$file.name differs from $path"
  }
}
