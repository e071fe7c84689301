package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseRequest;
import dev.capsem.core.diag.GivenPath;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a release is published, with which key, and whether it is only a snapshot. */
final class ReleaseOptions {

  @Option(names = "--key", paramLabel = "FILE", description = "The minisign secret key.")
  String key;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the key's password (else "
              + Passwords.ENVIRONMENT_VARIABLE
              + ", else the console).")
  String passwordFile;

  @Option(
      names = "--asset-base-url",
      description = "Where the assets folder is published (<url>/<arch>/<file>).")
  String assetBaseUrl;

  @Option(
      names = "--catalog-base-url",
      description = "Where the release profiles are published (<url>/<id>-<revision>.json).")
  String catalogBaseUrl;

  @Option(
      names = "--publish-to",
      paramLabel = "REGISTRY/REPO:TAG",
      description =
          "Publish to this registry: the release profile and catalog name its blob URLs (no base"
              + " URLs needed; the release must be signed), and the deploy stage pushes the"
              + " release folder there.")
  String publishTo;

  @Option(
      names = "--builder-id",
      paramLabel = "URI",
      defaultValue = "urn:capsem:builder:capsem-java",
      description =
          "Who builds, as the provenance names it: a CI runner's URI (default:"
              + " urn:capsem:builder:capsem-java, as mvn capsem:build says, so that both make the"
              + " same release).")
  String builderId;

  @Option(
      names = "--invocation-id",
      paramLabel = "ID",
      description =
          "This run's id in the provenance, e.g. a CI run URL (default: from the inputs).")
  String invocationId;

  @Option(
      names = "--snapshot",
      description =
          "A snapshot, not a release: may be unsigned and unpublished (warned), where a release"
              + " must have --key and both base URLs.")
  boolean snapshot;

  ReleaseRequest.Publication publication(String name) {
    return new ReleaseRequest.Publication(
        assetBaseUrl,
        catalogBaseUrl,
        !snapshot,
        name,
        null,
        "pass --asset-base-url and --catalog-base-url, or --publish-to (or --snapshot)",
        publishTo);
  }

  ReleaseRequest.Provenance provenance() {
    return new ReleaseRequest.Provenance(builderId, invocationId);
  }

  ReleaseRequest.Signing signing(CapsemCommand command, Capsem capsem) {
    GivenPath secret = command.optionalFile(key, "--key");
    Path password =
        passwordFile == null ? null : command.existingFile(passwordFile, "--password-file").path();
    return new ReleaseRequest.Signing(
        secret,
        Passwords.source(password, capsem),
        "pass --key FILE (or --snapshot)",
        "pass --password-file FILE or set " + Passwords.ENVIRONMENT_VARIABLE);
  }
}
