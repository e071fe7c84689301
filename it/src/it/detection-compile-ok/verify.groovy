// The Sigma rule compiles to Detection IR v1 with its one equals_any matcher per field.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: compiled 1 detection rule(s) to target/capsem/detection.ir.json')
def ir = new File(basedir, 'target/capsem/detection.ir.json').text
assert ir.startsWith('{\n  "schema": "capsem.detection.ir.v1",\n  "pack_id": "corp.detections.uploads",')
assert ir.contains('"operator": "equals_any"')
assert ir.endsWith('}\n')
assert new File(basedir, 'target/capsem/detection-compile.json').text.contains('"output_path": "target/capsem/detection.ir.json"')
