package dev.capsem.core.internal.image;

/**
 * The rootfs's Node steps, one shape per Node source of {@link PackageSources}: upstream's nvm,
 * Debian's nodejs and npm, Debian's nodejs with a pinned npm from the registry, or none.
 */
final class NodeSteps {

  static final String NVM_INSTALLER =
      "https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.3/install.sh";

  /**
   * The npm of the {@code debian-registry} source: a release that runs on bookworm's Node 18
   * ({@code engines: ^18.17.0 || >=20.5.0}), its registry tarball, and the tarball's SHA-512 (the
   * registry's {@code dist.integrity}, in hex), checked before anything is unpacked.
   */
  static final String NPM_TARBALL = "https://registry.npmjs.org/npm/-/npm-10.9.2.tgz";

  static final String NPM_SHA512 =
      "8ab88f10f224a0c614cb717a7f7c30499014f77134120e9c1f0211ea3cf3397592cbe483feb38e0c4b3be1c54e347292c76a1b5edb94a3289d5448484ab8ac81";

  private NodeSteps() {}

  /**
   * Appends the steps of {@code source} to {@code d}; {@code network} is what each downloading step
   * runs first (the build CA's variables, or nothing).
   */
  static void render(StringBuilder d, String source, long nodeMajor, String network) {
    switch (source) {
      case "nvm" -> {
        d.append("ENV NVM_DIR=/usr/local/nvm\n");
        d.append("RUN ")
            .append(network)
            .append("mkdir -p \"$NVM_DIR\" \\\n")
            .append(" && curl -fsSL ")
            .append(NVM_INSTALLER)
            .append(" | PROFILE=/dev/null bash \\\n")
            .append(" && . \"$NVM_DIR/nvm.sh\" \\\n")
            .append(" && nvm install ")
            .append(nodeMajor)
            .append(" \\\n")
            .append(" && npm install -g npm@latest \\\n")
            .append(" && for tool in node npm npx; do")
            .append(" ln -sf \"$(command -v \"$tool\")\" \"/usr/local/bin/$tool\"; done\n");
      }
      case "debian" -> debianNode(d, "nodejs npm");
      case "debian-registry" -> {
        debianNode(d, "nodejs");
        npmFromRegistry(d, network);
      }
      default -> {}
    }
  }

  private static void debianNode(StringBuilder d, String packages) {
    d.append("RUN apt-get update ")
        .append(RootfsRecipe.APT_CLOCK_OPTIONS)
        .append(" \\\n")
        .append(" && apt-get install -y --no-install-recommends ")
        .append(packages)
        .append(" \\\n")
        .append(" && rm -rf /var/lib/apt/lists/*\n");
  }

  /** The pinned npm, checked before it is unpacked, where npm's own installs would put it. */
  private static void npmFromRegistry(StringBuilder d, String network) {
    d.append("RUN ")
        .append(network)
        .append("curl -fsSL ")
        .append(NPM_TARBALL)
        .append(" -o /tmp/npm.tgz \\\n")
        .append(" && echo '")
        .append(NPM_SHA512)
        .append("  /tmp/npm.tgz' | sha512sum -c - \\\n")
        .append(" && mkdir -p /usr/local/lib/node_modules/npm \\\n")
        .append(" && tar -xzf /tmp/npm.tgz -C /usr/local/lib/node_modules/npm")
        .append(" --strip-components=1 --no-same-owner \\\n")
        .append(" && rm /tmp/npm.tgz \\\n")
        .append(" && ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\\n")
        .append(" && ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx\n");
  }
}
