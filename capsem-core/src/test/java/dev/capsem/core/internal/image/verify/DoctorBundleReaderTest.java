package dev.capsem.core.internal.image.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.testing.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor bundles: upstream's root-attribute reading, and ours for real pytest reports. */
class DoctorBundleReaderTest {

  private static final String PYTEST_9 =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites name=\"pytest tests\">"
          + "<testsuite name=\"pytest\" errors=\"0\" failures=\"1\" skipped=\"2\" tests=\"40\" time=\"3.2\">"
          + "<testcase classname=\"test_network\" name=\"test_air_gap\"/></testsuite></testsuites>";

  @TempDir Path dir;

  @Test
  void read_testsuiteRoot_readsRootCountsAsUpstream() {
    Path bundle = Conformance.file("derived/image-build/verify/doctor-bundle-pass.tar");

    DoctorBundleProbe probe = DoctorBundleReader.read(bundle, "doctor-bundle-pass.tar");

    assertThat(probe).isEqualTo(new DoctorBundleProbe("doctor-bundle-pass.tar", 9, 0, 0, 1));
    assertThat(probe.ok()).isTrue();
  }

  @Test
  void read_failingBundle_isNotOk() {
    Path bundle = Conformance.file("derived/image-build/verify/doctor-bundle-fail.tar");

    DoctorBundleProbe probe = DoctorBundleReader.read(bundle, "b.tar");

    assertThat(probe.failures()).isEqualTo(1);
    assertThat(probe.ok()).isFalse();
  }

  @Test
  void read_realPytestTestsuitesRoot_sumsTheSuites() {
    Path bundle =
        Conformance.file("derived/image-build/verify/doctor-bundle-pytest-testsuites-root.tar");

    DoctorBundleProbe probe = DoctorBundleReader.read(bundle, "b.tar");

    assertThat(probe).isEqualTo(new DoctorBundleProbe("b.tar", 9, 0, 0, 1));
    assertThat(probe.ok()).isTrue();
  }

  @Test
  void read_gzipBundleAsCapsemDoctorWritesIt_findsTheReportAmongOtherMembers() throws IOException {
    Path bundle = dir.resolve("doctor-bundle.tar.gz");
    Files.write(
        bundle,
        new TarBuilder()
            .directory("./")
            .file("./pytest-output.txt", "RESULT: FAIL -- diagnostics failed (exit 1)\n")
            .file("./init.log", "boot\n")
            .file("./pytest-junit.xml", PYTEST_9)
            .gzip());

    DoctorBundleProbe probe = DoctorBundleReader.read(bundle, "doctor-bundle.tar.gz");

    assertThat(probe).isEqualTo(new DoctorBundleProbe("doctor-bundle.tar.gz", 40, 1, 0, 2));
  }

  @Test
  void read_severalSuitesWithoutRootCounts_sumsEachCount() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle,
        new TarBuilder()
            .file(
                "reports/pytest-junit.xml",
                "<testsuites><testsuite tests=\"3\" errors=\"1\"/><testsuite tests=\"4\""
                    + " skipped=\"1\"/><other tests=\"100\"/></testsuites>")
            .tar());

    assertThat(DoctorBundleReader.read(bundle, "b.tar"))
        .isEqualTo(new DoctorBundleProbe("b.tar", 7, 0, 1, 1));
  }

  @Test
  void read_testsuitesRootWithCounts_keepsTheRootCounts() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle,
        new TarBuilder()
            .file(
                "pytest-junit.xml",
                "<testsuites tests=\"5\" failures=\"0\"><testsuite tests=\"9\" failures=\"2\"/></testsuites>")
            .tar());

    assertThat(DoctorBundleReader.read(bundle, "b.tar"))
        .isEqualTo(new DoctorBundleProbe("b.tar", 5, 0, 0, 0));
  }

  @Test
  void read_longMemberName_isFound() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle,
        new TarBuilder().longName("./" + "deep/".repeat(30) + "pytest-junit.xml", PYTEST_9).tar());

    assertThat(DoctorBundleReader.read(bundle, "b.tar").tests()).isEqualTo(40);
  }

  @Test
  void read_directoryNamedLikeTheReport_isSkipped() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle,
        new TarBuilder()
            .directory("./pytest-junit.xml/")
            .file("./x/pytest-junit.xml", PYTEST_9)
            .tar());

    assertThat(DoctorBundleReader.read(bundle, "b.tar").tests()).isEqualTo(40);
  }

  @Test
  void read_withoutReport_isRefusedAsUpstream() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(bundle, new TarBuilder().file("./not-junit.txt", "x").tar());

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar"))
        .isInstanceOf(VerificationInputException.class)
        .hasMessage("doctor bundle missing pytest-junit.xml: b.tar");
  }

  @Test
  void read_notATar_isRefused() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.writeString(bundle, "<testsuite tests=\"1\"/>");

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar"))
        .isInstanceOf(VerificationInputException.class)
        .hasMessage("cannot read doctor bundle b.tar: not a tar archive");
  }

  @Test
  void read_bzip2Bundle_isRefusedWithAFix() throws IOException {
    Path bundle = dir.resolve("b.tar.bz2");
    Files.write(bundle, new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26});

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar.bz2"))
        .hasMessageContaining("compressed with bzip2")
        .hasMessageContaining("decompress it first");
  }

  @Test
  void read_malformedXml_isRefusedWithoutPrintingToStandardError() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(bundle, new TarBuilder().file("pytest-junit.xml", "<testsuite tests=").tar());

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar"))
        .hasMessageStartingWith("doctor bundle b.tar: pytest-junit.xml is not valid XML: ");
  }

  @Test
  void read_xmlWithDoctype_isRefusedRatherThanExpanded() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle,
        new TarBuilder()
            .file(
                "pytest-junit.xml",
                "<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuite tests=\"&x;\"/>")
            .tar());

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar"))
        .hasMessageContaining("is not valid XML");
  }

  @Test
  void read_nonIntegerCount_isRefused() throws IOException {
    Path bundle = dir.resolve("b.tar");
    Files.write(
        bundle, new TarBuilder().file("pytest-junit.xml", "<testsuite tests=\"many\"/>").tar());

    assertThatThrownBy(() -> DoctorBundleReader.read(bundle, "b.tar"))
        .hasMessage(
            "doctor bundle b.tar: pytest-junit.xml attribute 'tests' is not an integer: 'many'");
  }
}
