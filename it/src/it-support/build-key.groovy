// What every real-build scenario needs before Maven runs: the kernel source tarball the tests share,
// and a fresh minisign key in <scenario>/keys, made by the real minisign CLI, so that no key is ever
// committed. Evaluated from a scenario's setup.groovy (or through build-inputs.groovy).
def kernel = new File(kernelSource)
assert kernel.isFile() : "no kernel source tarball at $kernelSource: run scripts/kernel-source.sh"
def keys = new File(basedir, 'keys')
keys.mkdirs()
def minisign = ['/usr/bin/minisign', '/usr/local/bin/minisign'].find { new File(it).canExecute() }
assert minisign != null : 'minisign is not installed: run scripts/setup-machine.sh'
def process = [minisign, '-G', '-W', '-f', '-p', 'keys/test.pub', '-s', 'keys/test.key'].execute(null, basedir)
def out = process.text
assert process.waitFor() == 0 : out
