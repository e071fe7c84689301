package dev.capsem.bench;

import dev.capsem.core.internal.enforcement.EnforcementPack;
import dev.capsem.core.internal.enforcement.EnforcementRule;
import dev.capsem.core.internal.enforcement.RuleDecision;
import dev.capsem.core.internal.policycontext.EventRef;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic workload: a 50-rule pack across six event families, in the shapes corps write
 * (hosts, methods, headers, DNS names, MCP tools, model providers, file paths, shells), and events
 * drawn to match some rules and miss all of them often (a miss evaluates every rule of its family,
 * the most expensive case).
 */
final class SyntheticCorpus {

  static final int RULES = 50;
  private static final long SEED = 42L;

  private SyntheticCorpus() {}

  static EnforcementPack pack() {
    List<EnforcementRule> rules = new ArrayList<>();
    rules.add(
        rule(
            "http.allow_internal",
            "http",
            -100,
            "http.request.host.endsWith(\".internal.corp.com\")",
            RuleDecision.ALLOW));
    rules.add(
        rule(
            "http.block_google",
            "http",
            -90,
            "http.request.host.contains(\"google\")",
            RuleDecision.BLOCK));
    rules.add(
        rule(
            "http.block_metadata",
            "http",
            5,
            "http.request.host == \"169.254.169.254\"",
            RuleDecision.BLOCK));
    rules.add(
        rule(
            "http.allow_github",
            "http",
            10,
            "http.request.host == \"github.com\" || http.request.host.endsWith(\".githubusercontent.com\")",
            RuleDecision.ALLOW));
    rules.add(
        rule(
            "http.ask_secret_upload",
            "http",
            20,
            "http.request.host.contains(\"upload\") && http.request.header(\"authorization\").exists()"
                + " && http.request.body.text.contains(\"secret\")",
            RuleDecision.ASK));
    rules.add(
        rule(
            "http.block_unknown_writes",
            "http",
            1000,
            "http.request.method in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"]",
            RuleDecision.BLOCK));
    for (int i = 0; i < 18; i++) {
      rules.add(
          rule(
              String.format(Locale.ROOT, "http.block_admin_%02d", i),
              "http",
              100 + i,
              "http.request.host == \"svc-"
                  + i
                  + ".example.com\" && http.request.path.startsWith(\"/admin\")"
                  + " && http.request.port == 443",
              RuleDecision.BLOCK));
    }
    for (int i = 0; i < 8; i++) {
      rules.add(
          rule(
              "dns.block_" + i,
              "dns",
              50 + i,
              "dns.request.qname.endsWith(\".evil-"
                  + i
                  + ".test\") && dns.request.domain_class == \"external\"",
              RuleDecision.BLOCK));
    }
    for (int i = 0; i < 6; i++) {
      rules.add(
          rule(
              "mcp.block_write_" + i,
              "mcp",
              50 + i,
              "mcp.request.server_id == \"srv-"
                  + i
                  + "\" && mcp.request.tool_name == \"write_file\"",
              RuleDecision.BLOCK));
    }
    for (int i = 0; i < 5; i++) {
      rules.add(
          rule(
              "model.block_tool_" + i,
              "model",
              50 + i,
              "model.request.provider == \"provider-"
                  + i
                  + "\" && model.request.stream == true"
                  + " && size(model.request.tool_calls) > 0 && model.request.tool_calls[0].name == \"shell\"",
              RuleDecision.BLOCK));
    }
    for (int i = 0; i < 4; i++) {
      rules.add(
          rule(
              "file.block_etc_" + i,
              "file",
              50 + i,
              "file.activity.operation == \"write\" && file.activity.path.startsWith(\"/etc/app-"
                  + i
                  + "\")",
              RuleDecision.BLOCK));
    }
    for (int i = 0; i < 3; i++) {
      rules.add(
          rule(
              "process.block_shell_" + i,
              "process",
              50 + i,
              "process.activity.command_class == \"shell\" && process.activity.executable == \"sh-"
                  + i
                  + "\"",
              RuleDecision.BLOCK));
    }
    if (rules.size() != RULES) {
      throw new IllegalStateException("expected " + RULES + " rules, got " + rules.size());
    }
    return EnforcementPack.of("bench.synthetic", "1", rules);
  }

  private static EnforcementRule rule(
      String id, String family, long priority, String condition, RuleDecision decision) {
    return new EnforcementRule(
        id, id, true, family, family + ".request", priority, condition, decision, null, null);
  }

  /** {@code distinct} different contexts repeated to {@code total} events, in a seeded order. */
  static List<PolicyContextFixture> events(int distinct, int total) {
    Random random = new Random(SEED);
    List<PolicyContext> contexts = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      contexts.add(PolicyContext.fromMap(context(random)));
    }
    List<PolicyContextFixture> fixtures = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      fixtures.add(
          new PolicyContextFixture(
              new EventRef("bench", "session", "evt-" + i, i, 1_789_000_000_000L + i),
              List.of(),
              contexts.get(i % distinct)));
    }
    return fixtures;
  }

  /** One JSONL line per context, as a recorded corpus would hold them. */
  static String jsonl(int count) {
    StringBuilder out = new StringBuilder();
    try {
      writeJsonl(count, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The same lines written to {@code out}, for corpora too large to hold. */
  static void writeJsonl(int count, Appendable out) throws java.io.IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < count; i++) {
      out.append(
              "{\"schema\":\"capsem.policy-context-fixture.v1\",\"event_ref\":{\"corpus\":\"bench\","
                  + "\"session_id\":\"session\",\"event_id\":\"evt-")
          .append(Integer.toString(i))
          .append("\",\"sequence\":")
          .append(Integer.toString(i))
          .append(",\"timestamp_unix_ms\":1789000000000},\"context\":")
          .append(Json.of(context(random)))
          .append("}\n");
    }
  }

  private static Map<String, Object> context(Random random) {
    int family = random.nextInt(100);
    if (family < 60) {
      return http(random);
    }
    if (family < 75) {
      return Map.of(
          "common", Map.of("event_type", "dns.request"),
          "dns",
              Map.of(
                  "request",
                  Map.of(
                      "qname",
                      "host-" + random.nextInt(50) + ".evil-" + random.nextInt(16) + ".test",
                      "domain_class",
                      random.nextBoolean() ? "external" : "internal")));
    }
    if (family < 85) {
      return Map.of(
          "common", Map.of("event_type", "mcp.request"),
          "mcp",
              Map.of(
                  "request",
                  Map.of(
                      "server_id",
                      "srv-" + random.nextInt(12),
                      "tool_name",
                      random.nextBoolean() ? "write_file" : "read_file")));
    }
    if (family < 93) {
      List<Object> calls = new ArrayList<>();
      if (random.nextBoolean()) {
        calls.add(Map.of("name", random.nextBoolean() ? "shell" : "search"));
      }
      return Map.of(
          "common", Map.of("event_type", "model.request"),
          "model",
              Map.of(
                  "request",
                  Map.of(
                      "provider",
                      "provider-" + random.nextInt(10),
                      "stream",
                      random.nextBoolean(),
                      "tool_calls",
                      calls)));
    }
    if (family < 97) {
      return Map.of(
          "common", Map.of("event_type", "file.write"),
          "file",
              Map.of(
                  "activity",
                  Map.of(
                      "operation",
                      random.nextBoolean() ? "write" : "read",
                      "path",
                      "/etc/app-" + random.nextInt(8) + "/config")));
    }
    return Map.of(
        "common", Map.of("event_type", "process.exec"),
        "process",
            Map.of(
                "activity",
                Map.of("command_class", "shell", "executable", "sh-" + random.nextInt(6))));
  }

  private static Map<String, Object> http(Random random) {
    String[] hosts = {
      "github.com",
      "raw.githubusercontent.com",
      "storage.googleapis.com",
      "169.254.169.254",
      "wiki.internal.corp.com",
      "uploads.example.com",
      "api.partner.io",
      "cdn.vendor.net",
      "svc-" + random.nextInt(24) + ".example.com"
    };
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", random.nextInt(4) == 0 ? "POST" : "GET");
    request.put("scheme", "https");
    request.put("host", hosts[random.nextInt(hosts.length)]);
    request.put("port", 443);
    request.put("path", random.nextBoolean() ? "/admin/settings" : "/index.html");
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("Accept", List.of("application/json"));
    if (random.nextBoolean()) {
      headers.put("Authorization", List.of("Bearer token"));
    }
    request.put("headers", headers);
    Map<String, Object> body = new HashMap<>();
    body.put("state", "text");
    body.put("text", random.nextBoolean() ? "token=secret" : "hello");
    request.put("body", body);
    return Map.of(
        "common", Map.of("event_type", "http.request"), "http", Map.of("request", request));
  }
}
