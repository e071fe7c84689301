package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.toml.TomlWriter;

/** Profiles as upstream writes them: indented JSON (no trailing newline) or tomli_w TOML. */
public final class ProfileWriter {

  private ProfileWriter() {}

  public static String json(Profile profile) {
    return JsonPrinter.pretty().print(profile.document());
  }

  public static String toml(Profile profile) {
    return TomlWriter.write(profile.document());
  }

  /** Either form; {@code toml} selects TOML. */
  public static String write(Profile profile, boolean toml) {
    return toml ? toml(profile) : json(profile);
  }
}
