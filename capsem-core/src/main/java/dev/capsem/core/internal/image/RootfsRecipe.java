package dev.capsem.core.internal.image;

import dev.capsem.core.internal.image.lock.ArchLock;
import dev.capsem.core.internal.image.lock.Locked;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * @param lock the architecture's lock, whose versions a locked build installs exactly; null for an
 *     unlocked build
 */
record RootfsRecipe(
    GuestConfig config,
    ArchConfig arch,
    PackageSources sources,
    boolean withGuestBinaries,
    long epoch,
    ArchLock lock) {

  RootfsRecipe(
      GuestConfig config,
      ArchConfig arch,
      PackageSources sources,
      boolean withGuestBinaries,
      long epoch) {
    this(config, arch, sources, withGuestBinaries, epoch, null);
  }

  static final String APT_CLOCK_OPTIONS =
      "-o Acquire::Check-Valid-Until=false -o Acquire::Check-Date=false";
  static final String DEFAULT_NPM_PREFIX = "/opt/ai-clis";
  static final String BUILD_CA = "/usr/local/share/capsem-build/ca.pem";
  static final String WHEELS = "/tmp/capsem-wheels";

  /** Files the Dockerfile copies, by their name in the build context. */
  static final String CONTEXT_WHEELS = "python-wheels";

  static final String CONTEXT_BUILD_CA = "build-ca.pem";
  static final String CONTEXT_GUEST_BINARIES = "guest-binaries";

  /**
   * A locked build's files in the context: the apt pins, the versions to check, the constraints.
   */
  static final String CONTEXT_LOCK = "capsem-lock";

  static final String LOCK_DIR = "/tmp/capsem-lock";
  static final String APT_PREFERENCES = "/etc/apt/preferences.d/capsem-lock";
  static final String APT_PINS = "apt-preferences";
  static final String APT_VERSIONS = "apt-versions";
  static final String PYTHON_CONSTRAINTS = "python-constraints.txt";

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

  /** The apt words of the install line: each at its locked version in a locked build. */
  private List<String> aptInstallWords() {
    List<String> words = new ArrayList<>();
    for (String spec : aptPackages()) {
      words.add(lock == null ? spec : pinned("apt", LockedBuild.name("apt", spec), "="));
    }
    return words;
  }

  /** {@code name<separator>version} from the lock (its presence was checked before rendering). */
  private String pinned(String ecosystem, String name, String separator) {
    Locked locked =
        switch (ecosystem) {
          case "apt" -> lock.apt().get(name);
          case "npm" -> lock.npm().get(name);
          default -> LockedBuild.python(lock, name);
        };
    if (locked == null) {
      throw new IllegalStateException("the lock has no " + ecosystem + " package " + name);
    }
    return name + separator + locked.version();
  }

  /** The names of the packages the recipe installs by name, per ecosystem, for the lock check. */
  List<String> lockedNames(String ecosystem) {
    List<String> specs =
        switch (ecosystem) {
          case "apt" -> aptPackages();
          case "npm" -> npmPackages();
          default -> pythonSets().stream().flatMap(set -> set.packages().stream()).toList();
        };
    return specs.stream().map(spec -> LockedBuild.name(ecosystem, spec)).distinct().toList();
  }

  /**
   * The files of a locked build's context, by name below {@link #CONTEXT_LOCK}: apt preferences
   * that pin every locked Debian package (the upgrade and the dependencies a resolver picks get
   * exactly the locked versions too), the {@code name=version} list checked against the archive
   * before anything installs, and pip constraints for every locked Python distribution.
   */
  Map<String, String> lockFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder pins = new StringBuilder();
    StringBuilder versions = new StringBuilder();
    new TreeMap<>(lock.apt())
        .forEach(
            (name, locked) -> {
              pins.append("Package: ")
                  .append(name)
                  .append("\nPin: version ")
                  .append(locked.version())
                  .append("\nPin-Priority: 1001\n\n");
              versions.append(name).append('=').append(locked.version()).append('\n');
            });
    StringBuilder constraints = new StringBuilder();
    new TreeMap<>(lock.python())
        .forEach(
            (name, locked) ->
                constraints.append(name).append("==").append(locked.version()).append('\n'));
    files.put(APT_PINS, pins.toString());
    files.put(APT_VERSIONS, versions.toString());
    files.put(PYTHON_CONSTRAINTS, constraints.toString());
    return files;
  }

  private boolean needsCurl() {
    return sources.node().equals("nvm")
        || sources.node().equals("debian-registry")
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
    if (lock != null) {
      d.append("# Locked: the lock's versions and nothing else; removed at the end.\n");
      d.append("COPY ").append(CONTEXT_LOCK).append("/ ").append(LOCK_DIR).append("/\n");
      d.append("COPY ")
          .append(CONTEXT_LOCK)
          .append('/')
          .append(APT_PINS)
          .append(' ')
          .append(APT_PREFERENCES)
          .append('\n');
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
        .append(" /usr/local/share/capsem-build")
        .append(lock == null ? "" : " " + APT_PREFERENCES)
        .append('\n');
    d.append(BuildRun.buildLabel());
    return d.toString();
  }

  private void systemPackages(StringBuilder d) {
    d.append("RUN apt-get update ").append(APT_CLOCK_OPTIONS).append(" \\\n");
    if (lock != null) {
      // Every locked version must be there (installed, or in the archive) before apt chooses;
      // a pin to a version the archive lacks would otherwise be ignored without a word.
      d.append(" && missing=\"$(while read -r spec; do apt-cache show \"$spec\" >/dev/null 2>&1")
          .append(" || printf ' %s' \"$spec\"; done < ")
          .append(LOCK_DIR)
          .append('/')
          .append(APT_VERSIONS)
          .append(")\" \\\n")
          .append(" && if [ -n \"$missing\" ]; then echo \"")
          .append(LockedBuild.APT_MARKER)
          .append("$missing\" >&2; exit 100; fi \\\n");
    }
    d.append(" && apt-get upgrade -y \\\n")
        .append(" && apt-get install -y --no-install-recommends ")
        .append(Shell.words(aptInstallWords()))
        .append(" \\\n")
        .append(" && if [ -x /usr/bin/vim.tiny ] && [ ! -e /usr/bin/vim ]; then")
        .append(" ln -s vim.tiny /usr/bin/vim; fi \\\n")
        .append(" && if python3 -m pip --version >/dev/null 2>&1; then ")
        .append(network())
        .append("python3 -m pip install --break-system-packages --upgrade pip")
        .append(constraints());
    String index = pythonIndexOptions();
    if (!index.isEmpty()) {
      d.append(' ').append(index);
    }
    d.append("; fi \\\n").append(" && rm -rf /var/lib/apt/lists/*\n");
  }

  private void node(StringBuilder d) {
    NodeSteps.render(d, sources.node(), arch.nodeMajor(), network());
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
        .append(Shell.words(npmInstallWords(packages)))
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
    d.append("RUN ")
        .append(network())
        .append(DockerfileText.shellFragment(command))
        .append(constraints());
    String index = pythonIndexOptions();
    if (!index.isEmpty()) {
      d.append(' ').append(index);
    }
    List<String> words = new ArrayList<>();
    for (String spec : packages) {
      words.add(lock == null ? spec : pinned("python", LockedBuild.name("python", spec), "=="));
    }
    d.append(' ').append(Shell.words(words)).append('\n');
  }

  private List<String> npmInstallWords(List<String> packages) {
    if (lock == null) {
      return packages;
    }
    List<String> words = new ArrayList<>();
    for (String spec : packages) {
      words.add(pinned("npm", LockedBuild.name("npm", spec), "@"));
    }
    return words;
  }

  /** A locked build's pip constraints option (every locked distribution), else nothing. */
  private String constraints() {
    return lock == null ? "" : " -c " + LOCK_DIR + "/" + PYTHON_CONSTRAINTS;
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
