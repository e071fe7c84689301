package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.toml.TomlWriter;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 7: a known secret shape put in any field of a profile or settings file, keys
 * included, is never printed: not by validation (text or JSON), not by {@code image plan}, not in a
 * build workspace; and each one is noticed (W005, or E573 where an output would repeat it).
 */
class SecretsNeverPrintedTest {

  /** One of each shape the scanner knows, fake but well-formed. */
  private static final List<String> SECRETS =
      List.of(
          "sk-ant-api03-AbCdEfGhIjKlMnOpQrSt",
          "sk-proj-AbCdEfGhIjKlMnOpQrStUv12",
          "sk-AbCdEfGhIjKlMnOpQrStUv",
          "AIzaSyAbCdEfGhIjKlMnOp",
          "ghp_AbCdEfGhIjKlMnOpQrStUv",
          "github_pat_AbCdEfGhIjKlMnOpQrStUv",
          "glpat-AbCdEfGhIjKl",
          "AKIAABCDEFGHIJKLMNOP",
          "xoxb-1234567890-abcdef",
          "Bearer abcdefghijklmnopqrstuvwx",
          "https://deploy:hunter2secret@assets.example.com/x");

  /** The part of each secret that must never appear (the scheme of a URL may). */
  private static String core(String secret) {
    return secret.startsWith("https://") ? "hunter2secret" : secret;
  }

  @TempDir Path dir;

  /** Every variant of {@code document} with one secret in one value or in place of one key. */
  private static List<ObjectNode> variants(ObjectNode document) {
    List<ObjectNode> out = new ArrayList<>();
    int[] next = {0};
    collect(document, UnaryOperator.identity(), out, next);
    return out;
  }

  private static void collect(
      Node node, UnaryOperator<Node> rebuild, List<ObjectNode> out, int[] next) {
    if (node instanceof StringNode) {
      String secret = SECRETS.get(next[0]++ % SECRETS.size());
      out.add((ObjectNode) rebuild.apply(StringNode.of(secret)));
    } else if (node instanceof ObjectNode object) {
      for (ObjectNode.Member member : object.entries()) {
        String secret = SECRETS.get(next[0]++ % SECRETS.size());
        out.add((ObjectNode) rebuild.apply(renamed(object, member.key(), secret)));
        collect(
            member.value(), value -> rebuild.apply(object.with(member.key(), value)), out, next);
      }
    }
  }

  private static ObjectNode renamed(ObjectNode object, String key, String newKey) {
    ObjectNode.Builder out = ObjectNode.builder(object.position());
    for (ObjectNode.Member member : object.entries()) {
      out.put(member.key().equals(key) ? newKey : member.key(), member.value());
    }
    return out.build();
  }

  private static String secretIn(String text) {
    return SECRETS.stream().filter(s -> text.contains(core(s))).findFirst().orElseThrow();
  }

  private static void assertNotPrinted(String secret, String where, String... outputs) {
    for (String output : outputs) {
      assertThat(output).as("%s repeats %s", where, secret).doesNotContain(core(secret));
    }
  }

  private void assertNoFileRepeats(Path folder, String secret) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as("%s repeats %s", file, secret)
            .doesNotContain(core(secret));
      }
    }
  }

  @Test
  void profile_secretInAnyValueOrKey_isNoticedAndNeverPrinted() throws IOException {
    String name = "config/profiles/base/coding.profile.toml";
    ObjectNode coding = (ObjectNode) InputDocument.read(Conformance.file(name), name).tree();
    Path inputs = dir.resolve("inputs");
    Path artifacts = GuestInputs.artifacts(inputs.resolve("artifacts"));
    Path ca = GuestInputs.caCertificate(inputs.resolve("capsem-ca.crt"));
    Path guest = Conformance.file("guest/config");
    List<ObjectNode> variants = variants(coding);
    int noticed = 0;
    for (int i = 0; i < variants.size(); i++) {
      String toml = TomlWriter.write(variants.get(i));
      String secret = secretIn(toml);
      Path file = Files.writeString(dir.resolve("p" + i + ".toml"), toml);
      Path out = dir.resolve("ws" + i);

      Admin.Run text = Admin.run("profile", "validate", file.toString());
      Admin.Run json = Admin.run("profile", "validate", file.toString(), "--json");
      Admin.Run plan = Admin.run("image", "plan", file.toString(), "--arch", "x86_64", "--json");
      Admin.Run workspace =
          Admin.run(
              "image",
              "build-workspace",
              file.toString(),
              "--out",
              out.toString(),
              "--json",
              "--arch",
              "x86_64",
              "--providers-dir",
              guest.resolve("ai").toString(),
              "--environment",
              guest.resolve("vm/environment.toml").toString(),
              "--defconfig-dir",
              guest.resolve("kernel").toString(),
              "--artifacts",
              artifacts.toString(),
              "--ca",
              ca.toString());

      assertNotPrinted(
          secret,
          "variant " + i,
          text.stdout(),
          text.stderr(),
          json.stdout(),
          json.stderr(),
          plan.stdout(),
          plan.stderr(),
          workspace.stdout(),
          workspace.stderr());
      assertNoFileRepeats(out, secret);
      if (json.stdout().contains("\"W005\"")) {
        noticed++;
      }
      assertThat(plan.exitCode()).as("plan of variant %d with %s", i, secret).isEqualTo(1);
      assertThat(workspace.exitCode()).isEqualTo(1);
    }
    System.out.printf(
        "secrets: %d profile variants (every value and key), %d with W005, none printed%n",
        variants.size(), noticed);
    assertThat(noticed).isEqualTo(variants.size());
  }

  @Test
  void settings_secretInAnyValueOrKey_isNoticedAndNeverPrinted() throws IOException {
    String name = "schemas/fixtures/service-settings-v2-complete.json";
    ObjectNode complete = (ObjectNode) InputDocument.read(Conformance.file(name), name).tree();
    List<ObjectNode> variants = variants(complete);
    int noticed = 0;
    for (int i = 0; i < variants.size(); i++) {
      String json = JsonPrinter.pretty().print(variants.get(i));
      String secret = secretIn(json);
      Path file = Files.writeString(dir.resolve("s" + i + ".json"), json);

      Admin.Run text = Admin.run("settings", "validate", file.toString());
      Admin.Run report = Admin.run("settings", "validate", file.toString(), "--json");
      Admin.Run doctor = Admin.run("settings", "doctor", file.toString(), "--json");

      assertNotPrinted(
          secret,
          "settings variant " + i,
          text.stdout(),
          text.stderr(),
          report.stdout(),
          report.stderr(),
          doctor.stdout(),
          doctor.stderr());
      if (report.stdout().contains("\"W005\"")) {
        noticed++;
      }
    }
    System.out.printf(
        "secrets: %d settings variants (every value and key), %d with W005, none printed%n",
        variants.size(), noticed);
    assertThat(noticed).isEqualTo(variants.size());
  }
}
