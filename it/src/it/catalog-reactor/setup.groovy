evaluate(new File(repositoryRoot, 'it/src/it-support/build-inputs.groovy'))
// Two profiles that differ only in id and name, from the real-build test profile without its npm
// CLI provider: the modules build at once (-T 2), each its own rootfs, and Node and npm from Debian
// are most of the packages (the real-build tests install them).
def source = new File(repositoryRoot, 'it/src/test/resources/image-build/ci-small.profile.toml').text
def withNode = '[ai.providers.corp-assistant]\nenabled = true'
assert source.contains(withNode)
source = source.replace(withNode, '[ai.providers.corp-assistant]\nenabled = false')
for (team in ['team-a', 'team-b']) {
  def file = new File(basedir, "$team/profiles/${team}.profile.toml")
  file.parentFile.mkdirs()
  file.text = source.replace('id = "ci-small"', "id = \"$team\"").replace('name = "CI Small"', "name = \"CI Small $team\"")
}
