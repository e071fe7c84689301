// The build inputs of the real-build scenarios, made in <scenario>/target/inputs before Maven runs:
// placeholder guest artifacts and agents (ours), upstream's banner and tips read in place, the test
// CA, the machine's CA bundle (for a TLS-inspecting proxy), then build-key.groovy's kernel check
// and key. Evaluated from each scenario's setup.groovy.
def inputs = new File(basedir, 'target/inputs')
def write = { String path, String text, boolean executable ->
  def file = new File(inputs, path)
  file.parentFile.mkdirs()
  file.text = text
  file.setExecutable(executable, false)
}
write('artifacts/capsem-init', '#!/bin/sh\n# placeholder PID 1 for tests\nexec /bin/sh\n', true)
write('artifacts/capsem-bashrc', '# placeholder capsem-bashrc for tests\n', false)
write('artifacts/capsem-doctor', '#!/bin/sh\necho 2026.05.20\n', true)
write('artifacts/capsem-bench', '#!/bin/sh\necho placeholder capsem-bench\n', true)
write('artifacts/snapshots', '#!/bin/sh\necho placeholder snapshots\n', true)
write('artifacts/capsem_bench/__main__.py', "print('placeholder')\n", false)
write('artifacts/diagnostics/test_placeholder.py', 'def test_placeholder():\n    pass\n', false)
for (name in ['banner.txt', 'tips.txt']) {
  new File(inputs, "artifacts/$name").bytes = new File(conformanceDir, "capsem/guest/artifacts/$name").bytes
}
for (name in ['capsem-pty-agent', 'capsem-net-proxy', 'capsem-dns-proxy', 'capsem-mcp-server', 'capsem-sysutil']) {
  write("binaries/x86_64/$name", "#!/bin/sh\necho '$name placeholder for x86_64'\n", true)
}
new File(inputs, 'wheels').mkdirs()
new File(inputs, 'capsem-ca.crt').bytes =
    new File(repositoryRoot, 'capsem-core/src/test/resources/dev/capsem/core/testing/capsem-test-ca.crt').bytes
def bundle = new File('/etc/ssl/certs/ca-certificates.crt')
assert bundle.isFile() : 'the real-build scenarios need the machine CA bundle: run scripts/setup-machine.sh'
new File(inputs, 'build-ca.crt').bytes = bundle.bytes
evaluate(new File(repositoryRoot, 'it/src/it-support/build-key.groovy'))
