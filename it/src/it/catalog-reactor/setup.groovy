evaluate(new File(repositoryRoot, 'it/src/it-support/build-inputs.groovy'))
// Two profiles that differ only in id and name, from the real-build test profile.
def source = new File(repositoryRoot, 'it/src/test/resources/image-build/ci-small.profile.toml').text
for (team in ['team-a', 'team-b']) {
  def file = new File(basedir, "$team/profiles/${team}.profile.toml")
  file.parentFile.mkdirs()
  file.text = source.replace('id = "ci-small"', "id = \"$team\"").replace('name = "CI Small"', "name = \"CI Small $team\"")
}
