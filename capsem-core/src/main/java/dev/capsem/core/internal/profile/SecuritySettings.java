package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.Nodes;
import java.util.List;
import java.util.Map;

/**
 * Capability modes ({@code network_egress = "ask"}, ...) and rules, in the order the profile
 * declares them, family by family ({@code mcp, http, dns, model, hook}).
 */
public record SecuritySettings(Map<String, String> capabilities, List<SecurityRule> rules) {

  public SecuritySettings {
    capabilities = Nodes.ordered(capabilities);
    rules = List.copyOf(rules);
  }

  /** The rules of one family. */
  public List<SecurityRule> rules(String family) {
    return rules.stream().filter(rule -> rule.family().equals(family)).toList();
  }
}
