package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * What a release must have before any container work: a release version names where it is published
 * (E419) and has a key (E418), both said at once; a snapshot is only warned. And how its published
 * files are named.
 */
final class PublishRules {

  private PublishRules() {}

  /** E418 and E419 for a release that could not be published; empty for a publishable one. */
  static List<Diagnostic> problems(ReleaseConfig config) {
    ReleaseConfig.Publication publication = config.publication();
    if (!publication.release()) {
      return List.of();
    }
    boolean urls = publication.assetBaseUrl() != null && publication.catalogBaseUrl() != null;
    String file = publication.configFile();
    List<Diagnostic> problems = new ArrayList<>();
    if (!urls) {
      problems.add(
          new Diagnostic(
              Code.E419,
              file,
              "",
              null,
              "release "
                  + publication.version()
                  + " must say where it is published: "
                  + publication.urlsHint()));
    }
    if (!config.signing().present()) {
      problems.add(
          new Diagnostic(
              Code.E418,
              file,
              "",
              null,
              "release "
                  + publication.version()
                  + " must be signed: "
                  + config.signing().missingHint()));
    }
    return problems;
  }

  /** What a snapshot is warned about instead. */
  static List<String> snapshotWarnings(ReleaseConfig config) {
    ReleaseConfig.Publication publication = config.publication();
    List<String> warnings = new ArrayList<>();
    if (publication.release()) {
      return warnings;
    }
    if (publication.assetBaseUrl() == null) {
      warnings.add(
          "the asset base URL is not set: the release points at file:// URLs on this machine");
    } else if (publication.catalogBaseUrl() == null) {
      warnings.add(
          "the catalog base URL is not set: the release points at file:// URLs on this machine");
    }
    return warnings;
  }

  /** {@code <release>/profiles/<id>-<revision>.json}, the file name the catalog lists. */
  static GivenPath releaseProfile(ReleaseLayout layout, Profile profile) {
    return layout
        .release()
        .resolve("profiles/" + profile.id() + "-" + profile.revision() + ".json");
  }
}
