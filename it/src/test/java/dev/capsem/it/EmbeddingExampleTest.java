package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, taken from the README as written, compiled against capsem-core
 * and capsem-signing, and run in its own JVM on a valid and on a broken profile.
 */
class EmbeddingExampleTest {

  @TempDir static Path work;

  @BeforeAll
  static void compileTheReadmeExample() throws Exception {
    String readme = Files.readString(AdminProcess.repositoryRoot().resolve("README.md"));
    int section = readme.indexOf("## Embedding capsem-core");
    assertThat(section).as("README section").isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    int end = readme.indexOf("```", start);
    Files.writeString(work.resolve("ValidateProfile.java"), readme.substring(start, end));
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
            work.resolve("ValidateProfile.java").toString());
    assertThat(status).as("javac of the README example").isZero();
  }

  private static List<Object> run(Path profile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = work + File.pathSeparator + System.getProperty("java.class.path");
    Process process =
        new ProcessBuilder(java, "-cp", classpath, "ValidateProfile", profile.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
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
}
