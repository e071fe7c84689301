package dev.capsem.core.internal.image;

import dev.capsem.core.internal.profile.PackageContractJson;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.ports.Hasher;
import java.nio.charset.StandardCharsets;

/**
 * {@code blake3:<hex>} of the compact JSON of a profile's packages: what the image must contain.
 */
public final class PackageContractHash {

  private PackageContractHash() {}

  public static String of(Profile profile, Hasher hasher) {
    return "blake3:"
        + hasher.hex(PackageContractJson.compact(profile).getBytes(StandardCharsets.UTF_8));
  }
}
