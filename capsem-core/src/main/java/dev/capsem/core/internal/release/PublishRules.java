package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.ports.OciReference;
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
    if (publication.toRegistry()) {
      return registryProblems(config);
    }
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

  /**
   * A release whose URLs name a registry's blobs: the target must be {@code REGISTRY/REPO:TAG}
   * (E550), and the release must be signed, snapshot or not (E418), since its documents name the
   * signatures' blobs.
   */
  private static List<Diagnostic> registryProblems(ReleaseConfig config) {
    ReleaseConfig.Publication publication = config.publication();
    String target = publication.registry();
    List<Diagnostic> problems = new ArrayList<>();
    String refused = null;
    try {
      OciReference reference = OciReference.parse(target);
      if (!reference.explicitRegistry()) {
        refused = "names no registry: write REGISTRY/REPO:TAG";
      } else if (reference.tag() == null || reference.digest() != null) {
        refused = "a release is pushed under a tag: write REGISTRY/REPO:TAG";
      }
    } catch (IllegalArgumentException e) {
      refused = "is not a registry reference: " + e.getMessage();
    }
    if (refused != null) {
      problems.add(
          new Diagnostic(
              Code.E550, publication.configFile(), "", null, "'" + target + "' " + refused));
    }
    if (!config.signing().present()) {
      problems.add(
          new Diagnostic(
              Code.E418,
              publication.configFile(),
              "",
              null,
              "release "
                  + publication.version()
                  + " published to "
                  + target
                  + " must be signed (its profile and catalog name the signatures' blobs): "
                  + config.signing().missingHint()));
    }
    return problems;
  }

  /** What a snapshot is warned about instead. */
  static List<String> snapshotWarnings(ReleaseConfig config) {
    ReleaseConfig.Publication publication = config.publication();
    List<String> warnings = new ArrayList<>();
    if (publication.release() || publication.toRegistry()) {
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
