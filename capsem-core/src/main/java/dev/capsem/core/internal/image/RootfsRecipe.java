package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Our Dockerfile for a rootfs, rendered from the workspace in the layer order upstream's template
 * tests pin (image-build.md §4.6): system packages, Node, uv, the batched npm install of AI CLIs,
 * the CA, guest agents, shell files, Python packages, diagnostics, hardening, a fresh root home,
 * curl-installed CLIs, and last the switch of apt sources to https.
 *
 * @param arch the architecture's build parameters from {@code config/build.toml}
 * @param withGuestBinaries whether the context holds the five agents under {@code guest-binaries/}
 * @param epoch the build's time ({@code SOURCE_DATE_EPOCH}), which also makes Python write
 *     hash-based bytecode instead of time-stamped
 */
record RootfsRecipe(
    GuestConfig config,
    ArchConfig arch,
    PackageSources sources,
    boolean withGuestBinaries,
    long epoch) {

  static final String APT_CLOCK_OPTIONS =
      "-o Acquire::Check-Valid-Until=false -o Acquire::Check-Date=false";
  static final String DEFAULT_NPM_PREFIX = "/opt/ai-clis";
  static final String BUILD_CA = "/usr/local/share/capsem-build/ca.pem";
  static final String WHEELS = "/tmp/capsem-wheels";
  static final String NVM_INSTALLER =
      "https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.3/install.sh";

  /** Files the Dockerfile copies, by their name in the build context. */
  static final String CONTEXT_WHEELS = "python-wheels";

  static final String CONTEXT_BUILD_CA = "build-ca.pem";
  static final String CONTEXT_GUEST_BINARIES = "guest-binaries";

  /** Why the configured sources cannot install what the workspace asks for, or null. */
  String sourceProblem() {
    if (!npmPackages().isEmpty() && sources.node().equals("none")) {
      return "the profile installs npm packages ("
          + String.join(", ", npmPackages())
          + ") but the Node source is 'none'; choose nvm or debian";
    }
    return null;
  }

  /**
   * What capsem-init runs from the rootfs at every boot (image-build.md §5.1): {@code ip} for the
   * dummy network device, {@code iptables} for the DNS/HTTP/HTTPS redirects (the nat table is fatal
   * when missing), {@code auditd}/{@code auditctl} for the execve rule.
   */
  static final List<String> BOOT_PACKAGES = List.of("iproute2", "iptables", "auditd");

  /** The apt packages: the profile's, plus what our own steps and the guest's boot need. */
  List<String> aptPackages() {
    Set<String> packages = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    for (PackageSet set : config.packageSets().values()) {
      if (set.manager().equals("apt")) {
        for (String spec : set.packages()) {
          packages.add(spec);
          names.add(spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec);
        }
      }
    }
    List<String> needed = new ArrayList<>(List.of("ca-certificates", "python3"));
    needed.addAll(BOOT_PACKAGES);
    if (needsCurl()) {
      needed.add("curl");
    }
    for (String name : needed) {
      if (!names.contains(name)) {
        packages.add(name);
      }
    }
    return new ArrayList<>(packages);
  }

  private boolean needsCurl() {
    return sources.node().equals("nvm")
        || sources.uvInstaller() != null
        || !curlInstallers().isEmpty();
  }

  /** AI-provider npm packages and the profile's node packages (Open point 2), in one batch. */
  List<String> npmPackages() {
    Set<String> packages = new LinkedHashSet<>();
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.install() != null && provider.install().manager().equals("npm")) {
        packages.addAll(provider.install().packages());
      }
    }
    for (PackageSet set : config.packageSets().values()) {
      if (set.manager().equals("npm")) {
        packages.addAll(set.packages());
      }
    }
    return new ArrayList<>(packages);
  }

  String npmPrefix() {
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.install() != null
          && provider.install().manager().equals("npm")
          && !provider.install().prefix().isEmpty()) {
        return provider.install().prefix();
      }
    }
    return DEFAULT_NPM_PREFIX;
  }

  /** Each curl provider's installer URLs: one RUN step each (the brief). */
  List<String> curlInstallers() {
    List<String> urls = new ArrayList<>();
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.install() != null && provider.install().manager().equals("curl")) {
        urls.addAll(provider.install().packages());
      }
    }
    return urls;
  }

  private List<PackageSet> pythonSets() {
    return config.packageSets().values().stream()
        .filter(set -> set.manager().equals("uv") || set.manager().equals("pip"))
        .toList();
  }

  String dockerfile() {
    StringBuilder d = new StringBuilder();
    String platform = DockerfileText.platform(arch.dockerPlatform());
    d.append("# Capsem rootfs for ")
        .append(platform)
        .append(", generated by capsem-java from the build workspace.\n");
    d.append("FROM --platform=").append(platform).append(' ');
    d.append(DockerfileText.imageReference(arch.baseImage())).append('\n');
    d.append("ENV DEBIAN_FRONTEND=noninteractive SOURCE_DATE_EPOCH=").append(epoch).append('\n');
    if (sources.buildCa() != null) {
      d.append("# Trusted by the steps that download, never by the image: removed at the end.\n");
      d.append("COPY ").append(CONTEXT_BUILD_CA).append(' ').append(BUILD_CA).append('\n');
    }
    if (sources.pythonWheels() != null) {
      d.append("COPY ").append(CONTEXT_WHEELS).append("/ ").append(WHEELS).append("/\n");
    }
    systemPackages(d);
    node(d);
    uv(d);
    npmBatch(d);
    d.append("COPY capsem-ca.crt /usr/local/share/ca-certificates/capsem-ca.crt\n");
    d.append("RUN update-ca-certificates \\\n")
        .append(
            " && bundle=\"$(python3 -c 'import certifi; print(certifi.where())' 2>/dev/null || true)\"")
        .append(" \\\n")
        .append(" && if [ -n \"$bundle\" ] && [ \"$(readlink -f \"$bundle\")\" !=")
        .append(" /etc/ssl/certs/ca-certificates.crt ]; then")
        .append(" cat /usr/local/share/ca-certificates/capsem-ca.crt >> \"$bundle\"; fi\n");
    if (withGuestBinaries) {
      d.append("COPY ").append(CONTEXT_GUEST_BINARIES).append("/ /usr/local/bin/\n");
      d.append("RUN chmod 555");
      for (String name : GuestBinaries.NAMES) {
        d.append(" /usr/local/bin/").append(name);
      }
      d.append('\n');
    }
    d.append("COPY capsem-bashrc /etc/capsem-bashrc\n");
    d.append("COPY banner.txt /etc/capsem-banner.txt\n");
    d.append("COPY tips.txt /etc/capsem-tips.txt\n");
    pythonPackages(d);
    d.append("COPY diagnostics/ /usr/local/lib/capsem-tests/\n");
    d.append("COPY capsem-doctor capsem-bench snapshots /usr/local/bin/\n");
    d.append("COPY capsem_bench/ /usr/local/lib/capsem_bench/\n");
    d.append("RUN chmod 755 /usr/local/bin/capsem-doctor \\\n")
        .append(" && ln -sf capsem-doctor /usr/local/bin/capsem-test \\\n")
        .append(" && chmod 555 /usr/local/bin/capsem-bench /usr/local/bin/snapshots\n");
    d.append("# No PEP 668 marker (the VM is the sandbox) and no setuid or setgid bits.\n");
    d.append("RUN find / -xdev -name EXTERNALLY-MANAGED -path '*python3*' -delete \\\n")
        .append(" && find / -xdev -type f -perm /6000 -exec chmod ug-s {} +\n");
    d.append("# Root's home is a tmpfs at run time: start it empty.\n");
    d.append("RUN rm -rf /root && mkdir -m 700 /root\n");
    for (String url : curlInstallers()) {
      d.append("RUN ")
          .append(network())
          .append("curl -fsSL ")
          .append(Shell.quote(url))
          .append(" | bash \\\n")
          .append(" && for f in /root/.local/bin/*; do if [ -f \"$f\" ]; then")
          .append(
              " install -m 555 \"$(readlink -f \"$f\")\" \"/usr/local/bin/$(basename \"$f\")\";")
          .append(" fi; done\n");
    }
    d.append("# Last: the VM blocks port 80, and nothing a build leaves behind may vary.\n");
    d.append("RUN if [ -f /etc/apt/sources.list.d/debian.sources ]; then")
        .append(" sed -i 's|URIs: http://|URIs: https://|' /etc/apt/sources.list.d/debian.sources;")
        .append(" fi \\\n")
        .append(
            " && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/apt/archives/*.deb")
        .append(" /var/cache/ldconfig/aux-cache /var/log/* /tmp/* /var/tmp/*")
        .append(" /usr/local/share/capsem-build\n");
    d.append(BuildRun.buildLabel());
    return d.toString();
  }

  private void systemPackages(StringBuilder d) {
    d.append("RUN apt-get update ")
        .append(APT_CLOCK_OPTIONS)
        .append(" \\\n")
        .append(" && apt-get upgrade -y \\\n")
        .append(" && apt-get install -y --no-install-recommends ")
        .append(Shell.words(aptPackages()))
        .append(" \\\n")
        .append(" && if [ -x /usr/bin/vim.tiny ] && [ ! -e /usr/bin/vim ]; then")
        .append(" ln -s vim.tiny /usr/bin/vim; fi \\\n")
        .append(" && if python3 -m pip --version >/dev/null 2>&1; then ")
        .append(network())
        .append("python3 -m pip install --break-system-packages --upgrade pip");
    String index = pythonIndexOptions();
    if (!index.isEmpty()) {
      d.append(' ').append(index);
    }
    d.append("; fi \\\n").append(" && rm -rf /var/lib/apt/lists/*\n");
  }

  private void node(StringBuilder d) {
    switch (sources.node()) {
      case "nvm" -> {
        d.append("ENV NVM_DIR=/usr/local/nvm\n");
        d.append("RUN ")
            .append(network())
            .append("mkdir -p \"$NVM_DIR\" \\\n")
            .append(" && curl -fsSL ")
            .append(NVM_INSTALLER)
            .append(" | PROFILE=/dev/null bash \\\n")
            .append(" && . \"$NVM_DIR/nvm.sh\" \\\n")
            .append(" && nvm install ")
            .append(arch.nodeMajor())
            .append(" \\\n")
            .append(" && npm install -g npm@latest \\\n")
            .append(" && for tool in node npm npx; do")
            .append(" ln -sf \"$(command -v \"$tool\")\" \"/usr/local/bin/$tool\"; done\n");
      }
      case "debian" ->
          d.append("RUN apt-get update ")
              .append(APT_CLOCK_OPTIONS)
              .append(" \\\n")
              .append(" && apt-get install -y --no-install-recommends nodejs npm \\\n")
              .append(" && rm -rf /var/lib/apt/lists/*\n");
      default -> {}
    }
  }

  private void uv(StringBuilder d) {
    URI installer = sources.uvInstaller();
    if (installer == null) {
      return;
    }
    d.append("RUN ")
        .append(network())
        .append("curl -LsSf ")
        .append(Shell.quote(installer.toString()))
        .append(" | env UV_INSTALL_DIR=/usr/local/bin UV_NO_MODIFY_PATH=1 sh \\\n")
        .append(" && chmod 555 /usr/local/bin/uv /usr/local/bin/uvx\n");
  }

  private void npmBatch(StringBuilder d) {
    List<String> packages = npmPackages();
    if (packages.isEmpty()) {
      return;
    }
    String prefix = npmPrefix();
    d.append("# All npm packages in one install; the prefix stays writable through the overlay.\n");
    d.append("RUN ")
        .append(network())
        .append("npm install -g --prefix ")
        .append(Shell.quote(prefix))
        .append(' ')
        .append(Shell.words(packages))
        .append(" \\\n")
        .append(" && npm config set --location=global prefix ")
        .append(Shell.quote(prefix))
        .append(" \\\n")
        .append(" && npm cache clean --force\n");
    d.append("ENV PATH=\"").append(DockerfileText.absolutePath(prefix)).append("/bin:$PATH\"\n");
  }

  private void pythonPackages(StringBuilder d) {
    List<String> packages = new ArrayList<>();
    String command = null;
    for (PackageSet set : pythonSets()) {
      packages.addAll(set.packages());
      if (command == null) {
        command =
            set.manager().equals("uv") && sources.uvInstaller() == null
                ? "python3 -m pip install --break-system-packages"
                : set.installCmd();
      }
    }
    if (packages.isEmpty()) {
      return;
    }
    d.append("RUN ").append(network()).append(DockerfileText.shellFragment(command));
    String index = pythonIndexOptions();
    if (!index.isEmpty()) {
      d.append(' ').append(index);
    }
    d.append(' ').append(Shell.words(packages)).append('\n');
  }

  /**
   * What a downloading step runs first: with a build CA, the variables that make curl, Node, npm
   * and pip trust it. Set per step rather than with {@code ENV}, which the image would keep.
   */
  private String network() {
    if (sources.buildCa() == null) {
      return "";
    }
    StringBuilder exports = new StringBuilder("export");
    for (String variable :
        List.of(
            "SSL_CERT_FILE",
            "CURL_CA_BUNDLE",
            "NODE_EXTRA_CA_CERTS",
            "PIP_CERT",
            "REQUESTS_CA_BUNDLE",
            "npm_config_cafile")) {
      exports.append(' ').append(variable).append('=').append(BUILD_CA);
    }
    return exports.append(" && ").toString();
  }

  private String pythonIndexOptions() {
    if (sources.pythonWheels() != null) {
      return "--no-index --find-links " + WHEELS;
    }
    if (sources.pythonIndex() != null) {
      return "--index-url " + Shell.quote(sources.pythonIndex().toString());
    }
    return "";
  }
}
