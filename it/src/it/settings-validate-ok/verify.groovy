def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: settings settings/service-settings.toml is valid')
assert new File(basedir, 'target/capsem/settings-validate.json').text.contains('"ok": true')
