package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.SignFilesRequest;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.testing.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing a release's files with one key, keeping signatures nothing changed under. */
class SignFilesTest {

  @TempDir Path temp;
  private Capsem capsem;
  private Path key;
  private List<GivenPath> files;

  @BeforeEach
  void setUp() throws Exception {
    capsem = Capsem.with(StandardPorts.builder(System.getenv()).build());
    Path keys = Files.createDirectories(temp.resolve("keys"));
    key = keys.resolve("minisign.key");
    // TEST-ONLY key with libsodium's smallest scrypt limits: opening it is quick.
    capsem
        .ports()
        .keyGenerator()
        .generateFiles(
            keys.resolve("minisign.pub"),
            key,
            new KeyProtection.Scrypt(
                PasswordSource.of("pw".toCharArray()),
                KeyProtection.MIN_OPS_LIMIT,
                KeyProtection.MIN_MEM_LIMIT),
            false);
    Files.createDirectories(temp.resolve("out/x86_64"));
    Files.writeString(temp.resolve("out/x86_64/rootfs.squashfs"), "rootfs");
    Files.writeString(temp.resolve("out/manifest.json"), "{}\n");
    files =
        List.of(
            new GivenPath(temp.resolve("out/x86_64/rootfs.squashfs"), "out/x86_64/rootfs.squashfs"),
            new GivenPath(temp.resolve("out/manifest.json"), "out/manifest.json"));
  }

  private Outcome<TextReport> sign(PasswordSource password) {
    return capsem
        .signing()
        .signFiles(
            new SignFilesRequest(
                new GivenPath(key, "keys/minisign.key"),
                password,
                files,
                new GivenPath(temp.resolve("out/minisign.pub"), "out/minisign.pub")));
  }

  /** The signatures the report lists with {@code status} (signed, or kept unchanged). */
  private static List<String> signatures(Outcome<TextReport> outcome, String status) {
    List<String> found = new java.util.ArrayList<>();
    for (Node row : ((ArrayNode) Reports.tree(outcome).get("signatures")).items()) {
      ObjectNode signature = (ObjectNode) row;
      if (status.equals(signature.string("status"))) {
        found.add(signature.string("signature"));
      }
    }
    return found;
  }

  /** A password source that fails the test if the key is opened. */
  private static PasswordSource never() {
    return () -> {
      throw new IOException("the key was opened although nothing changed");
    };
  }

  @Test
  void signFiles_firstRun_signsEveryFileVerifiableByMinisign() throws Exception {
    Outcome<TextReport> result = sign(PasswordSource.of("pw".toCharArray()));

    assertThat(result.ok()).as(String.valueOf(result.error())).isTrue();
    assertThat(signatures(result, "signed"))
        .containsExactly("out/x86_64/rootfs.squashfs.minisig", "out/manifest.json.minisig");
    for (GivenPath file : files) {
      RealTool.Result minisign =
          RealTool.run(
              "minisign",
              "-Vm",
              file.path().toString(),
              "-p",
              temp.resolve("out/minisign.pub").toString());
      assertThat(minisign.exitCode()).as(minisign.stderr()).isZero();
      assertThat(minisign.stdout()).contains("Signature and comment signature verified");
    }
  }

  @Test
  void signFiles_nothingChanged_keepsEverySignatureWithoutOpeningTheKey() {
    sign(PasswordSource.of("pw".toCharArray()));

    Outcome<TextReport> again = sign(never());

    assertThat(again.ok()).as(String.valueOf(again.error())).isTrue();
    assertThat(signatures(again, "signed")).isEmpty();
    assertThat(signatures(again, "kept")).hasSize(2);
    assertThat(Reports.tree(again).string("schema")).isEqualTo("capsem.release-signatures.v1");
  }

  @Test
  void signFiles_oneFileChanged_signsOnlyThatOne() throws Exception {
    sign(PasswordSource.of("pw".toCharArray()));
    Files.writeString(temp.resolve("out/manifest.json"), "{\"changed\": true}\n");

    Outcome<TextReport> again = sign(PasswordSource.of("pw".toCharArray()));

    assertThat(signatures(again, "signed")).containsExactly("out/manifest.json.minisig");
    assertThat(signatures(again, "kept")).containsExactly("out/x86_64/rootfs.squashfs.minisig");
  }

  @Test
  void signFiles_signatureDeleted_isWrittenAgain() throws Exception {
    sign(PasswordSource.of("pw".toCharArray()));
    Files.delete(temp.resolve("out/manifest.json.minisig"));

    Outcome<TextReport> again = sign(PasswordSource.of("pw".toCharArray()));

    assertThat(signatures(again, "signed")).containsExactly("out/manifest.json.minisig");
  }

  @Test
  void signFiles_wrongPassword_failsNamingTheKeyProblem() {
    Outcome<TextReport> result = sign(PasswordSource.of("wrong".toCharArray()));

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).startsWith("signing failed: ");
    assertThat(temp.resolve("out/manifest.json.minisig")).doesNotExist();
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E421);
  }
}
