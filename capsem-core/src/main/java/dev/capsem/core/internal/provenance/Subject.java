package dev.capsem.core.internal.provenance;

import dev.capsem.core.ports.ArtifactNames;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One released file as a statement names it.
 *
 * @param name its path inside the release folder ({@code x86_64/rootfs.squashfs})
 * @param sha256 64 lower-case hex characters
 * @param blake3 64 lower-case hex characters
 */
public record Subject(String name, String sha256, String blake3) {

  static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public Subject {
    ArtifactNames.require(name);
    requireHex(sha256, "sha256");
    requireHex(blake3, "blake3");
  }

  static void requireHex(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!HEX64.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 64 lower-case hex digits: " + value);
    }
  }
}
