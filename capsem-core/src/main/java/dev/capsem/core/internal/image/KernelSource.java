package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the kernel source comes from (decision D12): a local tarball, a URL, or (neither)
 * kernel.org as upstream resolves it. A downloaded source must come with its sha256; a local one
 * may.
 *
 * @param tarball a local {@code .tar.xz}/{@code .tar.gz}/{@code .tar}, or null
 * @param url where to download it, or null
 * @param sha256 the expected SHA-256 (64 hex), or null
 * @param version the kernel version ({@code 6.6.127}) to fetch from kernel.org; null resolves the
 *     newest long-term release of the workspace's kernel branch, as upstream does
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

  /** Upstream's way: kernel.org, newest long-term release of the branch. */
  public static KernelSource kernelOrg() {
    return new KernelSource(null, null, null, null);
  }

  /** Where the build report says the source came from. */
  String describe(String resolvedUrl) {
    return tarball != null ? tarball.shown() : resolvedUrl;
  }
}
