package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, taken from the README as written, compiled against capsem-core
 * and capsem-signing, and run in its own JVM on a valid and on a broken profile.
 */
class EmbeddingExampleTest {

  @TempDir static Path work;

  @BeforeAll
  static void compileTheReadmeExamples() throws Exception {
    String readme = Files.readString(AdminProcess.repositoryRoot().resolve("README.md"));
    int section = readme.indexOf("## Embedding capsem-core");
    assertThat(section).as("README section").isNotNegative();
    int next = section;
    for (String name : List.of("ValidateProfile", "MakeRelease")) {
      int start = readme.indexOf("```java\n", next) + "```java\n".length();
      int end = readme.indexOf("```", start);
      next = end + 3;
      Files.writeString(work.resolve(name + ".java"), readme.substring(start, end));
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      int status =
          compiler.run(
              null,
              null,
              null,
              "-d",
              work.toString(),
              "-cp",
              System.getProperty("java.class.path"),
              work.resolve(name + ".java").toString());
      assertThat(status).as("javac of the README's %s", name).isZero();
    }
  }

  private static List<Object> run(Path profile) throws Exception {
    return java(work, Map.of(), Duration.ofSeconds(60), "ValidateProfile", profile.toString());
  }

  /** One of the compiled examples in its own JVM, in {@code dir}: exit status, then output. */
  private static List<Object> java(
      Path dir, Map<String, String> environment, Duration timeout, String... mainAndArgs)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = work + File.pathSeparator + System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
    command.addAll(List.of(mainAndArgs));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(environment);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return List.of(process.exitValue(), output);
  }

  @Test
  void example_validProfile_printsValidAndExitsZero() throws Exception {
    List<Object> result =
        run(
            AdminProcess.repositoryRoot()
                .resolve("examples/corp-dev/profiles/corp-dev.profile.toml"));
    assertThat(result.get(1)).isEqualTo("valid\n");
    assertThat(result.get(0)).isEqualTo(0);
  }

  @Test
  void example_brokenProfile_printsEveryCodedErrorAndExitsOne() throws Exception {
    Path broken =
        AdminProcess.repositoryRoot()
            .resolve("it/src/it/profile-validate-errors-fail/profiles/broken.profile.toml");
    List<Object> result = run(broken);
    assertThat((String) result.get(1))
        .contains("error[E001] " + broken + ":1:1: name: Field required\n")
        .contains(
            "error[E013] "
                + broken
                + ":16:8: vm.cpus: Input should be greater than or equal to 1\n")
        .endsWith("invalid\n");
    assertThat(result.get(0)).isEqualTo(1);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "CAPSEM_SLOW_IT", matches = "1")
  void releaseExample_corpDevDraft_makesTheReleaseTheCommandLineMakes(@TempDir Path dir)
      throws Exception {
    String engine = RealBuilds.engineProblem();
    if (engine != null) {
      KitImage.requireOrSkip(engine);
    }
    Map<String, String> epoch = Map.of("SOURCE_DATE_EPOCH", KitImage.EPOCH);
    AdminProcess.Run init =
        AdminProcess.run(
            dir, epoch, "profile", "init", "corp-dev", "--out", "profiles/corp-dev.profile.toml");
    assertThat(init.exitCode()).as(init.stderr()).isZero();

    // Both faces release into the same folder, one after the other: an unpublished snapshot's
    // release profile and catalog point at that folder with file:// URLs.
    List<Object> api =
        java(
            dir,
            epoch,
            Duration.ofMinutes(60),
            "MakeRelease",
            "profiles/corp-dev.profile.toml",
            "out");
    Files.move(dir.resolve("out"), dir.resolve("out-api"));
    AdminProcess.Run cli =
        AdminProcess.run(
            dir,
            epoch,
            Duration.ofMinutes(60),
            "release",
            "profiles/corp-dev.profile.toml",
            "--out",
            "out",
            "--arch",
            "x86_64",
            // The request builder's default: a snapshot, which may be unsigned and unpublished
            // (the command line asks for that in words; a release is its default).
            "--snapshot");

    assertThat(api.get(0)).as("%s", api.get(1)).isEqualTo(0);
    assertThat((String) api.get(1)).contains("released ");
    assertThat(cli.exitCode()).as(cli.stdout() + cli.stderr()).isZero();
    assertThat(released(dir.resolve("out-api"))).isEqualTo(released(dir.resolve("out")));
  }

  /**
   * What a release published, file by file: its publish folder, the tree an upload copies (the boot
   * test's console and doctor bundle, reports and logs, which carry their own times and folder,
   * stay outside it).
   */
  private static Map<String, String> released(Path out) throws Exception {
    Map<String, String> files = new TreeMap<>();
    Path root = out.resolve("publish");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), sha256(file));
      }
    }
    assertThat(files).containsKeys("assets/x86_64/rootfs.squashfs", "release/manifest.json");
    return files;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
