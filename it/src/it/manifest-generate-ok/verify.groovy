// The catalog of the project's profiles: format 1, URLs under the base URL, hashes over the raw bytes.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: created target/capsem/manifest.json')
def catalog = new File(basedir, 'target/capsem/manifest.json').text
assert catalog.startsWith('{\n  "format": 1,\n  "profiles": {\n    "corp-dev": {\n      "current_revision": "2026.0520.1",')
assert catalog.contains('"profile_url": "https://profiles.example.com/catalog/corp-dev.profile.toml",')
assert catalog.contains('"profile_signature_url": "https://profiles.example.com/catalog/corp-dev.profile.toml.minisig"')
assert catalog =~ /"profile_hash": "blake3:[0-9a-f]{64}"/
assert catalog.endsWith('}\n')
