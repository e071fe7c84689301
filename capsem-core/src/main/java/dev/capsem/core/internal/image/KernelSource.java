package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the kernel source comes from (decision D12): a local tarball, a URL, a kernel.org version,
 * or (none of them) Debian's {@code linux-source} package of the base image's release, installed by
 * apt inside the kernel's build container and so verified by the archive's signatures. A downloaded
 * source must come with its sha256; a local one may.
 *
 * @param tarball a local {@code .tar.xz}/{@code .tar.gz}/{@code .tar}, or null
 * @param url where to download it, or null
 * @param sha256 the expected SHA-256 (64 hex), or null
 * @param version the kernel version ({@code 6.6.127}) to fetch from kernel.org, or null
 */
public record KernelSource(GivenPath tarball, URI url, String sha256, String version) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public KernelSource {
    if (tarball != null && url != null) {
      throw new IllegalArgumentException("give the kernel source as a file or a URL, not both");
    }
    if (sha256 != null) {
      sha256 = sha256.strip().toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException("a kernel sha256 is 64 hex characters: " + sha256);
      }
    }
  }

  /** The default: Debian's {@code linux-source} of the base image's release, through apt. */
  public static KernelSource debian() {
    return new KernelSource(null, null, null, null);
  }

  /** Whether the source is Debian's package, installed inside the build container. */
  public boolean fromDebian() {
    return tarball == null && url == null && version == null;
  }

  /** Where the build report says the source came from. */
  String describe(String resolvedUrl) {
    return tarball != null ? tarball.shown() : resolvedUrl;
  }
}
