// One SPDX document per arch, dated by project.build.outputTimestamp, attached with classifier
// <arch>-sbom, so `install` (and `deploy`) publish them next to the project.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] capsem: wrote target/capsem/sbom/arm64/guest-sbom.spdx.json, attached as arm64-sbom')
assert log.contains('[INFO] capsem: wrote target/capsem/sbom/x86_64/guest-sbom.spdx.json, attached as x86_64-sbom')
['arm64', 'x86_64'].each { arch ->
  def written = new File(basedir, "target/capsem/sbom/${arch}/guest-sbom.spdx.json").text
  assert written.startsWith('{\n  "spdxVersion": "SPDX-2.3",\n  "dataLicense": "CC0-1.0",')
  assert written.contains('"created": "2026-05-21T12:00:00Z"')
  assert written.contains('"referenceLocator": "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14?arch=' + arch + '"')
  def installed = new File(localRepositoryPath, "dev/capsem/it/corp-image/1.0/corp-image-1.0-${arch}-sbom.spdx.json")
  assert installed.isFile()
  assert installed.text == written
}
true
