package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made broken inputs: each gets a coded diagnostic and exit 1 (or 2 for usage errors), never a
 * stack trace.
 */
class BrokenInputsTest {

  @TempDir Path dir;

  static Stream<Arguments> brokenProfiles() {
    String validToml = Conformance.text("config/profiles/base/coding.profile.toml");
    String validJson = Conformance.text("schemas/fixtures/profile-v2-valid.json");
    byte[] garbage = new byte[4096];
    new Random(20260520L).nextBytes(garbage);
    StringBuilder deepJson = new StringBuilder();
    deepJson.append("[".repeat(100_000));
    StringBuilder deepToml = new StringBuilder("x = ").append("[".repeat(100_000));
    return Stream.of(
        broken(
            "truncated TOML",
            "p.toml",
            validToml.substring(0, validToml.length() / 2) + "[vm",
            "E002"),
        broken("truncated JSON", "p.json", validJson.substring(0, validJson.length() / 2), "E002"),
        broken(
            "wrong types",
            "p.json",
            validJson
                .replace("\"cpus\": 4", "\"cpus\": \"four\"")
                .replace("\"required\": true", "\"required\": []"),
            "E003"),
        broken(
            "duplicate TOML keys",
            "p.toml",
            validToml.replace("name = \"Coding\"", "name = \"Coding\"\nname = \"Again\""),
            "E002"),
        broken(
            "unknown fields",
            "p.toml",
            validToml.replace("ui = \"coding\"", "ui = \"coding\"\nprofile_kind = \"corp\""),
            "E011"),
        broken("binary garbage", "p.toml", garbage, "E002"),
        broken("binary garbage as JSON", "p.json", garbage, "E002"),
        broken("empty TOML file", "p.toml", "", "E001"),
        broken("empty JSON file", "p.json", "", "E002"),
        broken(
            "huge TOML number",
            "p.toml",
            validToml.replace("cpus = 4", "cpus = 99999999999999999999999999"),
            "E002"),
        broken(
            "huge JSON number",
            "p.json",
            validJson.replace("\"cpus\": 4", "\"cpus\": 99999999999999999999999999"),
            "E013"),
        broken("bad UTF-8", "p.toml", withBadUtf8(validToml), "E002"),
        broken("deeply nested JSON", "p.json", deepJson.toString(), "E002"),
        broken("deeply nested TOML", "p.toml", deepToml.toString(), "E002"),
        broken("JSON array at the root", "p.json", "[1, 2]", "E003"),
        broken("YAML given as a profile", "p.yaml", "schema: capsem.profile.v2\n", "E002"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenProfiles")
  void profileValidate_brokenInput_reportsCodedDiagnosticWithoutStackTrace(
      String name, String file, byte[] content, String code) throws Exception {
    Files.write(dir.resolve(file), content);

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", file);
    AdminProcess.Run json = AdminProcess.run(dir, "profile", "validate", file, "--json");

    run.assertNoStackTrace();
    json.assertNoStackTrace();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("error[" + code + "] " + file);
    assertThat(run.stderr().lines().filter(line -> line.matches("(error|warn)\\[.*")))
        .as("every diagnostic at file:line:column")
        .isNotEmpty()
        .allMatch(line -> line.matches("(error|warn)\\[[EW]\\d{3}] p\\.[a-z]+:\\d+:\\d+: .*"));
    assertThat(json.stdout()).contains("\"code\": \"" + code + "\"").contains("\"ok\": false");
  }

  @Test
  void profileValidate_missingFile_isUsageError() throws Exception {
    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "nope.toml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("nope.toml").contains("does not exist");
    run.assertNoStackTrace();
  }

  @Test
  void profileValidate_directory_isUsageError() throws Exception {
    Files.createDirectory(dir.resolve("profiles"));

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "profiles");

    assertThat(run.exitCode()).isEqualTo(2);
    run.assertNoStackTrace();
  }

  @Test
  void unknownCommand_isUsageError() throws Exception {
    AdminProcess.Run run = AdminProcess.run(dir, "profile", "frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    run.assertNoStackTrace();
  }

  @Test
  void profileValidate_requiredFieldRemoved_pointsAtTheTableThatLacksIt() throws Exception {
    String toml =
        Conformance.text("config/profiles/base/coding.profile.toml").replace("cpus = 4\n", "");
    Files.writeString(dir.resolve("corp.profile.toml"), toml);
    int vmLine = lineOf(toml, "[vm]");

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "corp.profile.toml");

    assertThat(run.stderr())
        .isEqualTo("error[E001] corp.profile.toml:" + vmLine + ":1: vm.cpus: Field required\n");
  }

  @Test
  void profileValidate_topLevelFieldRemoved_pointsAtLineOne() throws Exception {
    String toml =
        Conformance.text("config/profiles/base/coding.profile.toml")
            .replace("name = \"Coding\"\n", "");
    Files.writeString(dir.resolve("corp.profile.toml"), toml);

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "corp.profile.toml");

    assertThat(run.stderr()).isEqualTo("error[E001] corp.profile.toml:1:1: name: Field required\n");
  }

  @Test
  void profileValidate_tomlSyntaxError_reportsItsLineAndColumn() throws Exception {
    Files.writeString(
        dir.resolve("corp.profile.toml"), "schema = \"capsem.profile.v2\"\nversion = \n");

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "corp.profile.toml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).startsWith("error[E002] corp.profile.toml:2:11: settings: ");
  }

  @Test
  void profileValidate_hardCodedAnthropicKey_warnsW005WithoutPrintingIt() throws Exception {
    String secret = "sk-ant-api03-" + "Zx9".repeat(12);
    String toml =
        Conformance.text("config/profiles/base/coding.profile.toml")
            .replace(
                "[mcpServers.local.env]\n",
                "[mcpServers.local.env]\nANTHROPIC_API_KEY = \"" + secret + "\"\n");
    Files.writeString(dir.resolve("corp.profile.toml"), toml);
    int line = lineOf(toml, "ANTHROPIC_API_KEY = ");

    AdminProcess.Run run = AdminProcess.run(dir, "profile", "validate", "corp.profile.toml");
    AdminProcess.Run json =
        AdminProcess.run(dir, "profile", "validate", "corp.profile.toml", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr())
        .isEqualTo(
            "warn[W005] corp.profile.toml:"
                + line
                + ":21: mcpServers.local.env.ANTHROPIC_API_KEY: Potential secret (sk-ant-…): use a"
                + " credential reference such as env:NAME\n");
    assertThat(run.stdout()).isEqualTo("valid: profile\n");
    assertThat(run.stderr() + run.stdout() + json.stdout())
        .doesNotContain(secret)
        .doesNotContain("Zx9Zx9");
    assertThat(json.stdout()).contains("\"code\": \"W005\"").contains("\"severity\": \"warning\"");
  }

  private static Arguments broken(String name, String file, String content, String code) {
    return broken(name, file, content.getBytes(StandardCharsets.UTF_8), code);
  }

  private static Arguments broken(String name, String file, byte[] content, String code) {
    return Arguments.of(name, file, content, code);
  }

  private static byte[] withBadUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length / 2] = (byte) 0xff;
    return bytes;
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
