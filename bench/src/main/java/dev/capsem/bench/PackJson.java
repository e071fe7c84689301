package dev.capsem.bench;

import dev.capsem.core.internal.enforcement.EnforcementPack;
import dev.capsem.core.internal.enforcement.EnforcementRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pack as a {@code capsem.policy-pack.v1} JSON file. */
final class PackJson {

  private PackJson() {}

  static String of(EnforcementPack pack) {
    List<Object> rules = new ArrayList<>();
    for (EnforcementRule rule : pack.rules()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", rule.id());
      r.put("name", rule.name());
      r.put("event_family", rule.family());
      r.put("event_type", rule.eventType());
      r.put("priority", rule.priority());
      r.put("condition", rule.condition());
      r.put("decision", rule.decision().wireName());
      rules.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema", "capsem.policy-pack.v1");
    out.put("id", pack.id());
    out.put("version", pack.version());
    out.put("status", "active");
    out.put("owner", "corp");
    out.put("rules", rules);
    return Json.of(out);
  }
}
