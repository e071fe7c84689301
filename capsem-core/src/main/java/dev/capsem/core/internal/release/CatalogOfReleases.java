package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.io.FileTrees;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.BuildProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One catalog over several releases (a reactor of profile modules): their release profiles copied
 * into {@code <out>/profiles/} (two that publish the same file are E008; none at all is E407), the
 * catalog over them, the signatures of both.
 */
public final class CatalogOfReleases {

  private final ReleaseTools tools;

  public CatalogOfReleases(ReleaseTools tools) {
    this.tools = tools;
  }

  /**
   * @param profiles the release profiles to list
   * @param out where {@code profiles/}, {@code manifest.json} and {@code minisign.pub} go
   */
  public Outcome<TextReport> make(
      List<GivenPath> profiles,
      GivenPath out,
      String catalogBaseUrl,
      ReleaseConfig.Publication publication,
      ReleaseConfig.Signing signing,
      BuildProgress progress) {
    String file = publication.configFile();
    List<Diagnostic> problems = new ArrayList<>();
    if (profiles.isEmpty()) {
      problems.add(
          new Diagnostic(
              Code.E407,
              file,
              "",
              null,
              "no release profile to catalog: make the releases first, e.g. mvn verify"
                  + " capsem:catalog"));
    }
    Set<String> names = new HashSet<>();
    for (GivenPath profile : profiles) {
      String name = profile.path().getFileName().toString();
      if (!names.add(name)) {
        problems.add(
            new Diagnostic(
                Code.E008,
                file,
                "",
                null,
                "two releases publish " + name + ": profile ids or revisions must differ"));
      }
    }
    if (publication.release() && !signing.present()) {
      problems.add(
          new Diagnostic(
              Code.E418,
              file,
              "",
              null,
              "release " + publication.version() + " must be signed: " + signing.missingHint()));
    }
    if (!problems.isEmpty()) {
      return Outcome.failed("no catalog of releases", problems);
    }
    GivenPath folder = out.resolve("profiles");
    List<GivenPath> copies = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    try {
      FileTrees.deleteTree(folder.path());
      for (GivenPath profile : profiles) {
        GivenPath copy = folder.resolve(profile.path().getFileName().toString());
        tools.files().write(copy.path(), tools.files().read(profile.path()));
        copies.add(copy);
        summary.add("collected " + copy.shown());
      }
    } catch (IOException e) {
      return Outcome.failed("cannot collect the release profiles: " + e.getMessage(), List.of());
    }
    GivenPath catalog = out.resolve("manifest.json");
    Outcome<TextReport> generated =
        tools
            .manifests()
            .apply(null)
            .generateCatalog(folder, catalogBaseUrl, Map.of(), Map.of(), catalog, true);
    if (!generated.ok()) {
      return generated;
    }
    List<GivenPath> signed = new ArrayList<>(copies);
    signed.add(catalog);
    if (signing.present()) {
      Outcome<TextReport> signatures =
          tools
              .signing()
              .signFiles(signing.key(), signing.password(), signed, out.resolve("minisign.pub"));
      if (!signatures.ok()) {
        return signatures;
      }
      summary.addAll(signatures.value().summary());
    } else {
      progress.warning("catalog not signed (SNAPSHOT): " + signing.missingHint());
    }
    summary.add(
        "catalog of "
            + copies.size()
            + " release profile(s): "
            + PythonPath.normalize(catalog.shown()));
    return Outcome.of(
        new TextReport(
            generated.value().json(), dev.capsem.core.diag.TextReport.lines(summary), summary));
  }
}
