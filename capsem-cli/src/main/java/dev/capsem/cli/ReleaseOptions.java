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
        "pass --asset-base-url and --catalog-base-url (or --snapshot)");
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
