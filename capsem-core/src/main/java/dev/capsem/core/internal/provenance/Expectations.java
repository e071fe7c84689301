package dev.capsem.core.internal.provenance;

import java.util.Locale;
import java.util.Optional;

/**
 * What the verifier was told to expect beyond a valid signature ({@code --builder}, {@code
 * --profile-digest}).
 *
 * @param builderId the exact {@code runDetails.builder.id}, or null for any
 * @param profileSha256 the profile's sha256 (64 hex, {@code sha256:} prefix allowed), or null
 */
public record Expectations(String builderId, String profileSha256) {

  public Expectations {
    if (profileSha256 != null) {
      profileSha256 = profileSha256.strip().toLowerCase(Locale.ROOT);
      if (profileSha256.startsWith("sha256:")) {
        profileSha256 = profileSha256.substring("sha256:".length());
      }
      Subject.requireHex(profileSha256, "expected profile digest");
    }
  }

  /** Nothing beyond the signature and the subjects. */
  public static Expectations none() {
    return new Expectations(null, null);
  }

  public Optional<String> builder() {
    return Optional.ofNullable(builderId);
  }

  public Optional<String> profile() {
    return Optional.ofNullable(profileSha256);
  }
}
