package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where the rootfs's network installs come from (image-build.md, Open point 11). Upstream's
 * defaults fetch Node through nvm (GitHub, nodejs.org), uv from astral.sh and Python packages from
 * PyPI; a corporate network may reach none of them, so each can point elsewhere or be left out.
 *
 * @param node {@code nvm} (upstream), {@code debian} (the distribution's nodejs and npm: the Debian
 *     archive only), {@code debian-registry} (the distribution's nodejs, and npm itself from the
 *     npm registry at a pinned version and checksum: Debian's npm brings about 380 packages and 200
 *     MB with it), or {@code none}
 * @param uvInstaller the uv installer script, or null to install no uv (Python packages then
 *     install with pip)
 * @param pythonIndex a package index URL, or null
 * @param pythonWheels a local folder of wheels to install from instead of an index, or null
 * @param buildCa extra CA certificates (PEM) trusted while building, for a TLS-inspecting proxy;
 *     not kept in the image
 */
public record PackageSources(
    String node, URI uvInstaller, URI pythonIndex, GivenPath pythonWheels, GivenPath buildCa) {

  public static final List<String> NODE_SOURCES =
      List.of("nvm", "debian", "debian-registry", "none");
  public static final URI UPSTREAM_UV_INSTALLER = URI.create("https://astral.sh/uv/install.sh");

  public PackageSources {
    Objects.requireNonNull(node, "node");
    if (!NODE_SOURCES.contains(node)) {
      throw new IllegalArgumentException(
          "node source must be one of " + NODE_SOURCES + ": " + node);
    }
    if (pythonIndex != null && pythonWheels != null) {
      throw new IllegalArgumentException("give a Python index or a wheel folder, not both");
    }
  }

  /** Upstream's sources. */
  public static PackageSources upstream() {
    return new PackageSources("nvm", UPSTREAM_UV_INSTALLER, null, null, null);
  }
}
