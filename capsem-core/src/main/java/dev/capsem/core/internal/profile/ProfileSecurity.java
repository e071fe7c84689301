package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.ObjectSchema;

/**
 * The {@code security} section of a profile ({@code capabilities} and {@code rules}), which also
 * stands alone in a workspace's {@code security/controls.toml} and in enforcement files.
 */
public final class ProfileSecurity {

  private ProfileSecurity() {}

  public static ObjectSchema schema() {
    return ProfileSchema.SECURITY;
  }

  /**
   * The {@code rules} part alone ({@code [security.rules.<family>.<name>]}, families {@code mcp,
   * http, dns, model, hook}), which enforcement files of the profile-rule shape hold.
   */
  public static ObjectSchema rulesSchema() {
    return ProfileSchema.SECURITY_RULES;
  }

  /** Binds a document that {@link #schema()} has normalised. */
  public static SecuritySettings bind(ObjectNode normalised) {
    return ProfileBinding.security(normalised);
  }
}
