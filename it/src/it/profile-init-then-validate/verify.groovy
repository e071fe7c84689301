// profile-init writes a draft named after the artifact, and the same build validates it.
def profile = new File(basedir, 'profiles/fresh-image.profile.toml')
assert profile.isFile()
assert profile.text.startsWith('schema = "capsem.profile.v2"\nversion = 2\nid = "fresh-image"\nrevision = "2026.0520.1"\n')
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: created profiles/fresh-image.profile.toml')
assert log.contains('[INFO] capsem: profile profiles/fresh-image.profile.toml is valid (0 warnings)')
