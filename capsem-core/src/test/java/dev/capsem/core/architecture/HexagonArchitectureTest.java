package dev.capsem.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** capsem-core is the pure domain, and the rules that say so really catch violations. */
class HexagonArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.capsem.core");

  @Test
  void core_usesNoAdapterTechnology() {
    HexagonRules.noAdapterTechnology("dev.capsem.core..").check(CORE);
  }

  @Test
  void core_neverReachesIntoAdapterModules() {
    HexagonRules.noAdapterModules("dev.capsem.core..").check(CORE);
  }

  @Test
  void corePackages_haveNoCycles() {
    SlicesRuleDefinition.slices()
        .matching("dev.capsem.core.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CORE);
  }

  @Test
  void domainPackages_haveNoCycles() {
    SlicesRuleDefinition.slices()
        .matching("dev.capsem.core.internal.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CORE);
  }

  @Test
  void mainSources_ofEveryModule_haveNoFileOver500Lines() throws Exception {
    List<Path> roots;
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      roots =
          modules
              .map(module -> module.resolve("src/main/java"))
              .filter(Files::isDirectory)
              .toList();
    }

    assertThat(roots).hasSizeGreaterThan(5);
    assertThat(SourceSizes.filesOver(roots, 500)).isEmpty();
  }

  @Test
  void domain_neverSeesTheApi() {
    HexagonRules.domainNeverSeesTheApi("dev.capsem.core.internal..").check(CORE);
  }

  @Test
  void domainNeverSeesTheApi_domainClassUsingTheApi_isRejected() {
    JavaClasses offender =
        new ClassFileImporter()
            .importClasses(dev.capsem.core.internal.archfixture.DomainUsingTheApi.class);

    assertThatThrownBy(
            () -> HexagonRules.domainNeverSeesTheApi("dev.capsem.core.internal..").check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("DomainUsingTheApi");
  }

  @Test
  void facesSeeOnlyThePublicFace_faceUsingTheDomainJson_isRejected() {
    JavaClasses offender =
        new ClassFileImporter()
            .importClasses(dev.capsem.archfixture.FaceReachingIntoTheDomain.class);

    assertThatThrownBy(
            () ->
                HexagonRules.facesSeeOnlyThePublicFace("dev.capsem.archfixture..").check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FaceReachingIntoTheDomain")
        .hasMessageContaining("dev.capsem.core.internal.json.ObjectNode");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MavenMojo",
        "PicocliCommand",
        "BouncyCastleDigest",
        "DockerClientUser",
        "JibUser",
        "ProcessStarter"
      })
  void noAdapterTechnology_classUsingAnAdapterType_isRejected(String fixture, @TempDir Path classes)
      throws Exception {
    JavaClasses offender = OffenderClasses.compiledInto(classes).fixture(fixture);

    assertThatThrownBy(
            () -> HexagonRules.noAdapterTechnology("dev.capsem.archfixture..").check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.capsem.archfixture." + fixture);
  }
}
