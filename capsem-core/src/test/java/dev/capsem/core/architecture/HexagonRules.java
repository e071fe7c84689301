package dev.capsem.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of the hexagon, as ArchUnit rules. */
public final class HexagonRules {

  private HexagonRules() {}

  /** The domain uses no build tool, CLI, crypto provider, container, image or process API. */
  static ArchRule noAdapterTechnology(String domainPackage) {
    return noClasses()
        .that()
        .resideInAPackage(domainPackage)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.maven..",
            "org.codehaus.plexus..",
            "org.eclipse.sisu..",
            "picocli..",
            "org.bouncycastle..",
            "com.github.dockerjava..",
            "com.google.cloud.tools.jib..",
            "com.github.luben..",
            "java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .because("capsem-core is the hexagon: adapters implement its ports, never the reverse");
  }

  /**
   * A face (the command line, the Maven plugin) sees only capsem-core's public face: the use cases
   * ({@code api}), the ports adapters implement, and the diagnostics and outcomes ({@code diag}).
   */
  public static ArchRule facesSeeOnlyThePublicFace(String facePackage) {
    return noClasses()
        .that()
        .resideInAPackage(facePackage)
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.capsem.core..")
                .and(
                    not(
                        resideInAnyPackage(
                            "dev.capsem.core.api..",
                            "dev.capsem.core.ports..",
                            "dev.capsem.core.diag.."))))
        .because("faces parse options and print; the domain behind the api is not theirs");
  }

  /** The domain never sees the api that wraps it: use cases call inwards only. */
  static ArchRule domainNeverSeesTheApi(String domainPackage) {
    return noClasses()
        .that()
        .resideInAPackage(domainPackage)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.capsem.core.api..")
        .because("the api translates requests into domain calls, never the reverse");
  }

  /** Dependencies point inwards: the domain never reaches into an adapter module. */
  static ArchRule noAdapterModules(String domainPackage) {
    return noClasses()
        .that()
        .resideInAPackage(domainPackage)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.capsem.signing..",
            "dev.capsem.docker..",
            "dev.capsem.http..",
            "dev.capsem.cli..",
            "dev.capsem.maven..");
  }
}
