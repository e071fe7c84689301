package dev.capsem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.capsem.core.architecture.HexagonRules;
import dev.capsem.core.architecture.SourceSizes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * This face only parses options, calls capsem-core's public use cases and prints: it sees the api,
 * the ports and the diagnostics, never the domain behind them. (The rule's own test, in
 * capsem-core, shows that it catches a face that does.)
 */
class FaceArchitectureTest {

  @Test
  void face_seesOnlyThePublicFaceOfTheCore() {
    JavaClasses face =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.capsem.maven");

    HexagonRules.facesSeeOnlyThePublicFace("dev.capsem.maven..").check(face);
  }

  @Test
  void everyMojo_hasAtMost60LinesOfCode() {
    // Option and parameter declarations, their documentation and nested classes do not count.
    assertThat(
            SourceSizes.classesOver(
                Path.of("src/main/java"),
                60,
                c -> c.annotations().contains("Mojo") || c.name().endsWith("Mojo")))
        .isEmpty();
  }
}
