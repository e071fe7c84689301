package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.policycontext.PolicyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct evaluator gives the CEL interpreter's outcome, error rules included, on seeded random
 * contexts (null fields, absent messages, headers in any case, empty and short lists).
 */
class DirectEvaluationEquivalenceTest {

  private static final long SEED = 20260522L;
  private static final int CONTEXTS = 400;

  private static final String[] HTTP =
      new String[] {
        "http.request.host == \"github.com\"",
        "http.request.host != \"github.com\"",
        "http.request.host.contains(\"goo\")",
        "http.request.host.startsWith(\"api.\")",
        "http.request.host.endsWith(\".com\")",
        "http.request.port == 443",
        "http.request.port > 80",
        "http.request.port <= 443 && http.request.port >= 1",
        "http.request.method in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"]",
        "http.request.host in [\"a.com\", \"github.com\"]",
        "http.request.header(\"accept\").exists()",
        "http.request.header(\"AUTHORIZATION\").hasValue()",
        "!http.request.host.contains(\"x\")",
        "http.request.host == null",
        "http.request.host != null && http.request.host.endsWith(\".com\")",
        "http.response.status == 200",
        "http.response.status >= 400 || http.request.host == \"github.com\"",
        "http.request.host == \"github.com\" && http.response.status == 200",
        "http.response.status == 200 && http.request.host == \"nope\"",
        "http.request.body.truncated == false",
        "http.request.body.state == \"missing\" ? http.request.port == 443 : false",
        "size(http.request.headers) > 1",
        "http.request.headers.size() == 0",
        "size(http.request.host) > 5",
        "\"accept\" in http.request.headers",
        "http.request.headers[\"Accept\"][0] == \"application/json\"",
        "has(http.request.host)",
        "common.labels[\"fixture\"] == \"positive\"",
        "common.event_type.startsWith(\"http.\")",
        "http.request.bytes > 100 && http.request.bytes < 1000",
        "http.request.query == \"\"",
        "http.request.host.contains(\"google\") && http.request.header(\"authorization\").exists()"
            + " && http.request.body.text.contains(\"secret\")",
        "true && http.request.port == 443 && http.request.body.truncated == false",
        "http.request.port == 443 || http.response.status == 500",
        "!(http.response.status == 500)",
        "http.request.body.size == 12",
      };

  private static final String[] MODEL =
      new String[] {
        "model.request.tool_calls[0].name == \"filesystem.read_file\"",
        "model.request.stream == true",
        "model.request.stream",
        "size(model.request.tool_calls) == 1",
        "model.response.tool_results[0].returned_to_model == true",
        "model.request.estimated_cost_micros > 10",
      };

  private static final String[] MCP =
      new String[] {
        "mcp.response.is_error == false",
        "mcp.response.is_error && true",
        "mcp.request.server_id == \"filesystem\" && mcp.request.tool_name == \"read_file\"",
      };

  @Test
  void direct_everyConditionOnRandomContexts_agreesWithTheInterpreter() {
    List<PolicyContext> contexts = contexts();
    int compared = 0;
    List<String> interpreted = new ArrayList<>();
    for (String[] family : List.of(HTTP, MODEL, MCP)) {
      String name = family == HTTP ? "http" : family == MODEL ? "model" : "mcp";
      for (String condition : family) {
        CompiledCondition compiled = (CompiledCondition) Rules.compile(name, condition);
        if (!compiled.direct()) {
          interpreted.add(condition);
        }
        for (PolicyContext context : contexts) {
          assertThat(compiled.evaluate(context))
              .as("%s on %s", condition, context.roots())
              .isEqualTo(compiled.interpret(context));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo((HTTP.length + MODEL.length + MCP.length) * CONTEXTS);
    // Every condition above is in the direct subset, so the comparison really tests it.
    assertThat(interpreted).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http.request.host == \"github.com\" || http.request.host.endsWith(\".githubusercontent.com\")",
        "http.request.method in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"]",
        "http.request.host.contains(\"google\") && http.request.header(\"authorization\").exists()"
            + " && http.request.body.text.contains(\"secret\")",
        "http.request.port == 443 && http.request.body.state == 'missing'",
      })
  void typicalCondition_takesTheDirectPath(String condition) {
    assertThat(((CompiledCondition) Rules.compile("http", condition)).direct()).isTrue();
  }

  @Test
  void uncoveredCondition_fallsBackToTheInterpreter() {
    CompiledCondition matches =
        (CompiledCondition) Rules.compile("http", "http.request.host.matches('^git')");

    assertThat(matches.direct()).isFalse();
  }

  private static List<PolicyContext> contexts() {
    Random random = new Random(SEED);
    List<PolicyContext> out = new ArrayList<>();
    for (int i = 0; i < CONTEXTS; i++) {
      out.add(PolicyContext.fromMap(context(random)));
    }
    return out;
  }

  private static Map<String, Object> context(Random random) {
    Map<String, Object> context = new LinkedHashMap<>();
    Map<String, Object> common = new HashMap<>();
    common.put(
        "event_type", pick(random, "http.request", "model.request", "mcp.request", null, "http"));
    if (random.nextBoolean()) {
      common.put("labels", Map.of("fixture", pick(random, "positive", "negative")));
    }
    context.put("common", common);
    Map<String, Object> http = new HashMap<>();
    if (random.nextInt(5) > 0) {
      Map<String, Object> request = new HashMap<>();
      request.put(
          "host", pick(random, "github.com", "api.google.com", "googleapis.com", "x.io", null));
      request.put("method", pick(random, "GET", "POST", "DELETE", null));
      request.put("port", pick(random, 443, 80, 8080, null));
      request.put("bytes", pick(random, 10, 500, 5000, null));
      request.put("query", pick(random, "", "a=1", null));
      Map<String, Object> headers = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        headers.put(pick(random, "Accept", "accept", "ACCEPT"), List.of("application/json"));
      }
      if (random.nextBoolean()) {
        headers.put(
            pick(random, "Authorization", "authorization"),
            random.nextBoolean() ? List.of("Bearer t") : List.of());
      }
      request.put("headers", headers);
      Map<String, Object> body = new HashMap<>();
      body.put("state", pick(random, "missing", "text"));
      body.put("text", pick(random, "token=secret", "clean", null));
      body.put("truncated", random.nextBoolean());
      body.put("size", pick(random, 12, 0, null));
      request.put("body", body);
      http.put("request", request);
    }
    if (random.nextInt(3) == 0) {
      http.put("response", Map.of("status", pick(random, 200, 404, 500)));
    }
    context.put("http", http);
    Map<String, Object> model = new HashMap<>();
    if (random.nextBoolean()) {
      Map<String, Object> request = new HashMap<>();
      request.put("stream", pick(random, true, false, null));
      request.put("estimated_cost_micros", pick(random, 5, 50, null));
      List<Object> calls = new ArrayList<>();
      if (random.nextBoolean()) {
        calls.add(Map.of("name", pick(random, "filesystem.read_file", "other")));
      }
      request.put("tool_calls", calls);
      model.put("request", request);
    }
    if (random.nextBoolean()) {
      model.put(
          "response",
          Map.of(
              "tool_results",
              random.nextBoolean()
                  ? List.of(Map.of("returned_to_model", random.nextBoolean()))
                  : List.of()));
    }
    context.put("model", model);
    Map<String, Object> mcp = new HashMap<>();
    if (random.nextBoolean()) {
      Map<String, Object> response = new HashMap<>();
      response.put("is_error", pick(random, true, false, null));
      mcp.put("response", response);
    }
    if (random.nextBoolean()) {
      mcp.put(
          "request",
          Map.of(
              "server_id", pick(random, "filesystem", "git"),
              "tool_name", pick(random, "read_file", "write_file")));
    }
    context.put("mcp", mcp);
    return context;
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
