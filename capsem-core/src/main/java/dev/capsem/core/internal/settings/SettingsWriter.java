package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.toml.TomlWriter;

/**
 * Service settings as upstream writes them: indented JSON (no trailing newline) or tomli_w TOML,
 * where top-level scalars ({@code version}, an empty {@code corp_directives}) come before the
 * tables and long directives become {@code [[corp_directives]]}.
 */
public final class SettingsWriter {

  private SettingsWriter() {}

  public static String json(ServiceSettings settings) {
    return JsonPrinter.pretty().print(settings.document());
  }

  public static String toml(ServiceSettings settings) {
    return TomlWriter.write(settings.document());
  }

  /** Either form; {@code toml} selects TOML. */
  public static String write(ServiceSettings settings, boolean toml) {
    return toml ? toml(settings) : json(settings);
  }
}
