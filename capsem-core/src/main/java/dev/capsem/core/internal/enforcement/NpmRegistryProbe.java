package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.profile.SecurityRule;
import dev.capsem.core.internal.profile.SecuritySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The W001 probe (brief: "npm packages declared but no profile rule permits registry access";
 * diagnostics spec §2.3): would the profile's effective HTTP policy allow a plain {@code GET
 * https://registry.npmjs.org/}? The effective policy is the profile's {@code security.rules.http}
 * rules on {@code http.request} or {@code http.read} (a condition that does not compile is left
 * out), then the catch-all the runtime derives from {@code network_egress} ({@code allow} and
 * {@code audit} allow, {@code ask} asks, {@code block} blocks, absent asks), first match by {@code
 * (priority, id)}. Only an {@code allow} permits: an {@code ask} has nobody to answer it during a
 * build. It depends on no image or workspace code, so every caller ({@code image plan}, {@code
 * image build}, the workspace lint) asks the same question.
 */
public final class NpmRegistryProbe {

  public static final String REGISTRY_HOST = "registry.npmjs.org";

  /** W001's message. */
  public static final String MESSAGE =
      "npm packages declared but no profile rule permits registry access (" + REGISTRY_HOST + ")";

  /** The runtime's catch-all rules sit at the reserved priority 1000. */
  private static final long CATCH_ALL_PRIORITY = 1000;

  private NpmRegistryProbe() {}

  /** The synthetic request the probe evaluates. */
  public static PolicyContext registryRequest() {
    return PolicyContext.fromMap(
        Map.of(
            "common",
            Map.of("event_type", "http.request"),
            "http",
            Map.of(
                "request",
                Map.of(
                    "method",
                    "GET",
                    "scheme",
                    "https",
                    "host",
                    REGISTRY_HOST,
                    "port",
                    443,
                    "path",
                    "/",
                    "url",
                    "https://" + REGISTRY_HOST + "/",
                    "path_class",
                    "root",
                    "headers",
                    Map.of(),
                    "body",
                    Map.of("state", "missing")))));
  }

  /** Whether {@code security} lets the build reach the npm registry. */
  public static boolean permitsRegistry(SecuritySettings security, ConditionCompiler compiler) {
    List<EnforcementRule> rules = new ArrayList<>();
    for (SecurityRule rule : security.rules("http")) {
      if (rule.on().equals("http.request") || rule.on().equals("http.read")) {
        EnforcementRule candidate =
            new EnforcementRule(
                "http." + rule.name(),
                rule.name(),
                true,
                "http",
                rule.on(),
                rule.priority(),
                rule.condition(),
                RuleDecision.named(rule.decision()),
                null,
                rule.reason());
        if (compiler.compile(candidate) instanceof CompiledCondition) {
          rules.add(candidate);
        }
      }
    }
    rules.add(
        new EnforcementRule(
            "http.default_read",
            "default_read",
            true,
            "http",
            "http.read",
            CATCH_ALL_PRIORITY,
            "true",
            catchAll(security.capabilities().get("network_egress")),
            null,
            null));
    EnforcementPack pack = EnforcementPack.of("profile-http-policy", "probe", rules);
    Decision decision =
        PackCompilation.compile(pack, compiler).engine().evaluate(registryRequest());
    return decision.verdict() == Verdict.ALLOW && decision.ruleDecision() == RuleDecision.ALLOW;
  }

  /** The catch-all's decision for a capability mode. */
  static RuleDecision catchAll(String mode) {
    if (mode == null) {
      return RuleDecision.ASK;
    }
    return switch (mode) {
      case "allow", "audit" -> RuleDecision.ALLOW;
      case "block" -> RuleDecision.BLOCK;
      default -> RuleDecision.ASK;
    };
  }
}
