package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * Where a release puts everything, by default below one output folder: the step reports at its top,
 * {@code assets/} (what the build places), {@code workspace/}, {@code sbom/<arch>/}, {@code
 * release/} (release profile under {@code profiles/}, catalog, public key), the rule tests' JUnit
 * XML, the compiled detection IR, and what the verify stage downloads.
 */
public record ReleaseLayout(
    GivenPath reports,
    GivenPath assets,
    GivenPath workspace,
    GivenPath sbom,
    GivenPath release,
    GivenPath junit,
    GivenPath detectionIr,
    GivenPath downloads) {

  public ReleaseLayout {
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(sbom, "sbom");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(junit, "junit");
    Objects.requireNonNull(detectionIr, "detectionIr");
    Objects.requireNonNull(downloads, "downloads");
  }

  /** Everything below {@code out}, as the Maven plugin lays out {@code target/capsem}. */
  public static ReleaseLayout under(GivenPath out) {
    return new ReleaseLayout(
        out,
        out.resolve("assets"),
        out.resolve("workspace"),
        out.resolve("sbom"),
        out.resolve("release"),
        out.resolve("junit/TEST-capsem-enforcement.xml"),
        out.resolve("detection.ir.json"),
        out.resolve("downloads"));
  }

  public GivenPath report(String name) {
    return reports.resolve(name);
  }

  /** The catalog the release publishes. */
  public GivenPath catalog() {
    return release.resolve("manifest.json");
  }

  /** The public key beside the catalog. */
  public GivenPath publicKey() {
    return release.resolve("minisign.pub");
  }
}
