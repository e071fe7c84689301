package dev.capsem.cli;

import dev.capsem.core.api.ImageOptions;
import dev.capsem.core.diag.GivenPath;
import picocli.CommandLine.Option;

/** Where a build workspace's other inputs come from (decision D5). */
final class WorkspaceInputs {

  @Option(
      names = "--guest-dir",
      description =
          "A folder laid out like upstream's guest/: config/ai, config/vm/environment.toml,"
              + " config/kernel, artifacts (default: the guest kit shipped with capsem-admin).")
  String guestDir;

  @Option(names = "--providers-dir", description = "AI-provider definitions (<id>.toml each).")
  String providersDir;

  @Option(names = "--environment", description = "The vm/environment.toml to copy.")
  String environment;

  @Option(names = "--defconfig-dir", description = "The folder holding defconfig.<arch>.")
  String defconfigDir;

  @Option(names = "--artifacts", description = "The guest artifacts folder.")
  String artifacts;

  @Option(
      names = "--ca",
      description =
          "The operator's CA certificate (default: the project CA, generated once as"
              + " .capsem/ca/capsem-project-ca.crt).")
  String ca;

  @Option(
      names = "--state-dir",
      description =
          "Where the project keeps the materialised guest kit and the project CA (default:"
              + " .capsem).")
  String stateDir;

  ImageOptions.Builder fill(ImageOptions.Builder options) {
    return options
        .guestDir(path(guestDir))
        .providers(path(providersDir))
        .environment(path(environment))
        .defconfigs(path(defconfigDir))
        .artifacts(path(artifacts))
        .caCertificate(path(ca))
        .stateDir(path(stateDir));
  }

  static GivenPath path(String given) {
    return given == null ? null : GivenPath.of(given);
  }
}
