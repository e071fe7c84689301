// detection-check (test phase) finds the upload, exactly as the expected report says.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: detection check of security/detections.yml: 4 event(s), 1 match(es) as expected in security/detection-check.expected.json; report target/capsem/detection-check.json')
assert new File(basedir, 'target/capsem/detection-check.json').text.contains('"timing": {')
