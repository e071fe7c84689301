package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/** The credential store ({@code toml} or {@code keychain}) and its items, in file order. */
public record CredentialSettings(String backend, Map<String, Credential> items) {

  public CredentialSettings {
    items = Nodes.ordered(items);
  }

  /** One stored credential. Its value is usually a reference such as {@code env:OPENAI_API_KEY}. */
  public record Credential(String description, String value) {}
}
