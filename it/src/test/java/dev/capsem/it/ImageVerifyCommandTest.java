package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/capsem-admin image verify}: the derived vectors byte for byte (real BLAKE3), and each
 * way a release can be wrong failing with its documented failure and exit 1.
 */
class ImageVerifyCommandTest {

  @TempDir Path dir;
  VerifyTree tree;

  @BeforeEach
  void setUp() throws Exception {
    tree = new VerifyTree(dir);
  }

  private AdminProcess.Run verify(String... extra) throws Exception {
    String[] args = {"image", "verify", "profile.json", "--assets-dir", "assets"};
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    AdminProcess.Run run = AdminProcess.run(dir, all);
    run.assertNoStackTrace();
    return run;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "verify-ok.stdout.json, '', 0",
    "verify-passing-doctor-bundle.stdout.json, doctor-bundle-pass.tar, 0",
    "verify-failing-doctor-bundle.stdout.json, doctor-bundle-fail.tar, 1",
  })
  void verify_vectorScenario_printsTheExpectedReport(String expected, String bundle, int exit)
      throws Exception {
    AdminProcess.Run run =
        bundle.isEmpty() ? verify("--json") : verify("--json", "--doctor-bundle", bundle);

    assertThat(run.stdout()).isEqualTo(VerifyTree.expected(expected));
    assertThat(run.exitCode()).isEqualTo(exit);
  }

  @Test
  void verify_x86InventoryMismatch_printsTheExpectedReport() throws Exception {
    tree.link(
        "assets/x86_64/image-inventory.json",
        VerifyTree.VECTORS + "inventory-x86_64-mismatch.json");

    AdminProcess.Run run = verify("--json");

    assertThat(run.stdout())
        .isEqualTo(VerifyTree.expected("verify-x86_64-inventory-mismatch.stdout.json"));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void verify_noInventories_printsTheExpectedReport() throws Exception {
    tree.delete("assets/arm64/image-inventory.json");
    tree.delete("assets/x86_64/image-inventory.json");

    AdminProcess.Run run = verify("--json");

    assertThat(run.stdout()).isEqualTo(VerifyTree.expected("verify-no-inventory.stdout.json"));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void verify_missingRootfsAndReplacedKernel_printsTheExpectedReport() throws Exception {
    tree.delete("assets/arm64/rootfs.squashfs");
    tree.write("assets/x86_64/vmlinuz", "x".repeat(13).getBytes(StandardCharsets.US_ASCII));

    AdminProcess.Run run = verify("--json");

    assertThat(run.stdout())
        .isEqualTo(
            VerifyTree.expected(
                "verify-missing-rootfs-arm64-and-hash-mismatch-kernel-x86_64.stdout.json"));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  /**
   * Ours (spec open point 13): a real pytest report's {@code <testsuites>} root is summed, so the
   * bundle passes with 9 tests; upstream read 0 tests. Nothing else in the report differs.
   */
  @Test
  void verify_realPytestBundle_passesWhereUpstreamFailed() throws Exception {
    AdminProcess.Run run =
        verify("--json", "--doctor-bundle", "doctor-bundle-pytest-testsuites-root.tar");

    String upstream =
        VerifyTree.expected("verify-doctor-bundle-testsuites-root.upstream-behaviour.stdout.json");
    String ours =
        upstream
            .replaceFirst("\"ok\": false", "\"ok\": true")
            .replace(
                "\"ok\": false,\n      \"tests\": 0,\n      \"failures\": 0,\n      \"errors\": 0,\n      \"skipped\": 0",
                "\"ok\": true,\n      \"tests\": 9,\n      \"failures\": 0,\n      \"errors\": 0,\n      \"skipped\": 1");
    assertThat(ours).isNotEqualTo(upstream);
    assertThat(run.stdout()).isEqualTo(ours);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void verify_textOutput_summaryOnStdoutFailuresOnStderr() throws Exception {
    tree.link(
        "assets/x86_64/image-inventory.json",
        VerifyTree.VECTORS + "inventory-x86_64-mismatch.json");

    AdminProcess.Run run = verify("--doctor-bundle", "doctor-bundle-fail.tar");

    assertThat(run.stdout())
        .isEqualTo(
            "profile: corp-dev@2026.0520.11\n"
                + "assets dir: assets\n"
                + "assets: 6/6 ok\n"
                + "package contract: 9/10 ok\n"
                + "tool contract: 4/4 ok\n"
                + "probes: 0/1 ok\n");
    assertThat(run.stderr())
        .isEqualTo(
            "x86_64/apt/curl: version_mismatch expected=8.0.0 actual=7.0.0\n"
                + "capsem_doctor_bundle: failures=1 errors=0 tests=9 doctor-bundle-fail.tar\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "one byte changed, assets/arm64/vmlinuz, flip, arm64/kernel: hash_mismatch assets/arm64/vmlinuz",
    "truncated, assets/arm64/initrd.img, truncate, arm64/initrd: size_mismatch assets/arm64/initrd.img",
    "extended, assets/x86_64/rootfs.squashfs, extend, x86_64/rootfs: size_mismatch assets/x86_64/rootfs.squashfs",
    "missing asset, assets/x86_64/initrd.img, delete, x86_64/initrd: missing assets/x86_64/initrd.img",
    "missing inventory, assets/arm64/image-inventory.json, delete, arm64/inventory: missing assets/arm64/image-inventory.json",
  })
  void verify_tamperedRelease_failsWithItsDocumentedFailure(
      String name, String file, String change, String line) throws Exception {
    byte[] original = tree.original(file);
    switch (change) {
      case "flip" -> {
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        tree.write(file, flipped);
      }
      case "truncate" -> tree.write(file, Arrays.copyOf(original, original.length - 1));
      case "extend" -> tree.write(file, Arrays.copyOf(original, original.length + 1));
      default -> tree.delete(file);
    }

    AdminProcess.Run run = verify();
    AdminProcess.Run json = verify("--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(line + "\n");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.stdout())
        .startsWith("{\n  \"schema\": \"capsem.image-verification.v1\",\n  \"ok\": false,");
  }

  @Test
  void verify_inventoryWithoutRequiredTool_failsMissingTool() throws Exception {
    String inventory =
        new String(tree.original("assets/arm64/image-inventory.json"), StandardCharsets.UTF_8)
            .replace(",\n    \"codex\": \"0.17.0\"", "");
    tree.write("assets/arm64/image-inventory.json", inventory.getBytes(StandardCharsets.UTF_8));

    AdminProcess.Run run = verify();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo("arm64/tool/codex: missing expected=0.17.0 actual=None\n");
  }

  @Test
  void verify_versionRangesOption_acceptsWhatExactRejects() throws Exception {
    Path profile = dir.resolve("ranges.json");
    Files.writeString(
        profile,
        new String(tree.original("profile.json"), StandardCharsets.UTF_8)
            .replace("\"curl\": \"8.0.0\"", "\"curl\": \">=7.88, <9\"")
            .replace("\"requests\": \"2.32.3\"", "\"requests\": \"~=2.31\"")
            .replace("\"@openai/codex\": \"0.1.0\"", "\"@openai/codex\": \"^0.1.0\""));

    AdminProcess.Run exact =
        AdminProcess.run(dir, "image", "verify", "ranges.json", "--assets-dir", "assets");
    AdminProcess.Run ranges =
        AdminProcess.run(
            dir,
            "image",
            "verify",
            "ranges.json",
            "--assets-dir",
            "assets",
            "--version-match",
            "ranges");

    assertThat(exact.exitCode()).isEqualTo(1);
    assertThat(exact.stderr())
        .contains("arm64/apt/curl: version_mismatch expected=>=7.88, <9 actual=8.0.0");
    assertThat(ranges.exitCode()).isZero();
    assertThat(ranges.stdout()).contains("package contract: 10/10 ok");
  }

  @Test
  void verify_invalidRange_isE108BeforeAnyCheck() throws Exception {
    Files.writeString(
        dir.resolve("bad.json"),
        new String(tree.original("profile.json"), StandardCharsets.UTF_8)
            .replace("\"requests\": \"2.32.3\"", "\"requests\": \"~=2\""));

    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            "image",
            "verify",
            "bad.json",
            "--assets-dir",
            "assets",
            "--version-match",
            "ranges");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .startsWith("Error: invalid version ranges in profile bad.json\nerror[E108] bad.json:")
        .contains("packages.python_modules.requests: not a PEP 440 range: '~=2' needs a version");
    run.assertNoStackTrace();
  }

  @Test
  void verify_inventoryFileForAllArches_isRefusedAsUpstream() throws Exception {
    AdminProcess.Run run = verify("--inventory", "assets/arm64/image-inventory.json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo(
            "Error: --inventory FILE can only be used with a single --arch; pass an inventory"
                + " directory for all-arch verification\n");
  }

  @Test
  void verify_bundleWithoutJunit_isRefusedAsUpstream() throws Exception {
    tree.link("bundle.tar", VerifyTree.VECTORS + "profile.json");

    AdminProcess.Run run = verify("--doctor-bundle", "bundle.tar");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo("Error: cannot read doctor bundle bundle.tar: not a tar archive\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no assets dir|image verify profile.json|Missing required option: '--assets-dir",
        "assets dir missing|image verify profile.json --assets-dir nope|Directory 'nope' does not exist.",
        "profile missing|image verify nope.json --assets-dir assets|File 'nope.json' does not exist.",
        "bad arch|image verify profile.json --assets-dir assets --arch riscv|'riscv' is not one of",
        "bad matching|image verify profile.json --assets-dir assets --version-match loose|'loose' is not one of",
        "inventory missing|image verify profile.json --assets-dir assets --inventory nope|Path 'nope' does not exist.",
        "bundle missing|image verify profile.json --assets-dir assets --doctor-bundle nope.tar|File 'nope.tar' does not exist.",
      })
  void verify_usageError_exitsTwo(String name, String command, String message) throws Exception {
    AdminProcess.Run run = AdminProcess.run(dir, command.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains(message);
    run.assertNoStackTrace();
  }
}
