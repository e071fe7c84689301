package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.DiagnosticText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A guest-config directory for linter tests: it starts as a small valid guest dir (the shape of
 * upstream's {@code test_validate} fixture: build with arm64, a Google provider, a stdio MCP
 * server, web security with search/registry/repository, VM resources and environment, a Python
 * package set with network, and the arm64 defconfig) that lints clean, and each test changes one
 * file.
 */
final class GuestDir {

  static final String BUILD =
      """
      [build]
      compression = "zstd"
      compression_level = 15

      [build.architectures.arm64]
      base_image = "debian:bookworm-slim"
      docker_platform = "linux/arm64"
      rust_target = "aarch64-unknown-linux-musl"
      kernel_branch = "6.6"
      kernel_image = "arch/arm64/boot/Image"
      defconfig = "kernel/defconfig.arm64"
      node_major = 24
      """;

  static final String GOOGLE =
      """
      [google]
      name = "Google AI"
      description = "Google Gemini AI provider"
      enabled = true

      [google.api_key]
      name = "Google AI API Key"
      env_vars = ["GEMINI_API_KEY"]
      prefix = "AIza"

      [google.network]
      domains = ["*.googleapis.com"]
      allow_get = true
      allow_post = true

      [google.cli]
      key = "gemini"
      name = "Gemini CLI"
      version_command = "gemini --version"
      """;

  static final String CAPSEM_MCP =
      """
      [capsem]
      name = "Capsem"
      description = "Built-in Capsem MCP server"
      transport = "stdio"
      command = "/run/capsem-mcp-server"
      builtin = true
      enabled = true
      """;

  static final String WEB =
      """
      [web]
      allow_read = false
      allow_write = false

      [web.search.google]
      name = "Google"
      domains = ["www.google.com"]
      allow_get = true

      [web.registry.pypi]
      name = "PyPI"
      domains = ["pypi.org", "files.pythonhosted.org"]
      allow_get = true

      [web.repository.github]
      name = "GitHub"
      domains = ["github.com"]
      allow_get = true
      """;

  static final String RESOURCES =
      """
      [resources]
      cpu_count = 4
      ram_gb = 4
      scratch_disk_size_gb = 16
      """;

  static final String ENVIRONMENT =
      """
      [environment.shell]
      term = "xterm-256color"
      home = "/root"
      path = "/usr/local/bin:/usr/bin:/bin"
      lang = "C"

      [environment.tls]
      ca_bundle = "/etc/ssl/certs/ca-certificates.crt"
      """;

  static final String PYTHON =
      """
      [python]
      name = "Python Packages"
      manager = "uv"
      install_cmd = "uv pip install --system"
      packages = ["pytest", "requests"]

      [python.network]
      name = "PyPI"
      domains = ["pypi.org"]
      allow_get = true
      """;

  private final Path root;

  private GuestDir(Path root) {
    this.root = root;
  }

  /** The valid guest dir under {@code parent/guest}. */
  static GuestDir valid(Path parent) {
    GuestDir guest = new GuestDir(parent.resolve("guest"));
    guest.write("config/build.toml", BUILD);
    guest.write("config/ai/google.toml", GOOGLE);
    guest.write("config/mcp/capsem.toml", CAPSEM_MCP);
    guest.write("config/security/web.toml", WEB);
    guest.write("config/vm/resources.toml", RESOURCES);
    guest.write("config/vm/environment.toml", ENVIRONMENT);
    guest.write("config/packages/python.toml", PYTHON);
    guest.write("config/kernel/defconfig.arm64", "# test defconfig\n");
    return guest;
  }

  /** {@code parent/guest} with nothing in it (not even the folder). */
  static GuestDir absent(Path parent) {
    return new GuestDir(parent.resolve("guest"));
  }

  Path root() {
    return root;
  }

  GuestDir write(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  GuestDir mkdir(String relative) {
    try {
      Files.createDirectories(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a file or a whole folder. */
  GuestDir delete(String relative) {
    try (Stream<Path> walk = Files.walk(root.resolve(relative))) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  WorkspaceLint lint() {
    return lint(null);
  }

  WorkspaceLint lint(Path artifacts) {
    try {
      return WorkspaceLinter.lint(root, "guest", artifacts, artifacts == null ? null : "artifacts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every finding as one line, {@code CODE file:line:column: path: message}: the code, file,
   * position and message a test checks, in the linter's order.
   */
  List<String> findings() {
    return findings(lint());
  }

  static List<String> findings(WorkspaceLint lint) {
    return lint.diagnostics().stream().map(DiagnosticText::compact).toList();
  }
}
