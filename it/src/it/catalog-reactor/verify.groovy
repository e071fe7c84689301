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
