package dev.capsem.core.internal.profile;

import java.util.List;

/** An AI provider a profile enables, with the credentials it may use. */
public record AiProvider(
    String id,
    Boolean enabled,
    String model,
    String baseUrl,
    List<String> credentialRefs,
    List<SecurityRule> rules) {

  public AiProvider {
    credentialRefs = List.copyOf(credentialRefs);
    rules = List.copyOf(rules);
  }
}
