package dev.capsem.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of the hexagon, as ArchUnit rules. */
final class HexagonRules {

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
