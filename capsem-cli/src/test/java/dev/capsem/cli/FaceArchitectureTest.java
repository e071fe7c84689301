package dev.capsem.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.capsem.core.architecture.HexagonRules;
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
            .importPackages("dev.capsem.cli");

    HexagonRules.facesSeeOnlyThePublicFace("dev.capsem.cli..").check(face);
  }
}
