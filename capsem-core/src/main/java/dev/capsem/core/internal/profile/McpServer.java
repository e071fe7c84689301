package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.Nodes;
import java.util.List;
import java.util.Map;

/**
 * An MCP server: a local command ({@code stdio}) or a remote endpoint ({@code http}, {@code sse}).
 */
public record McpServer(
    String name,
    boolean enabled,
    String type,
    String command,
    List<String> args,
    Map<String, String> env,
    String url,
    Map<String, String> headers,
    String bearerToken,
    Long poolSize,
    List<String> poolSafeTools,
    List<String> credentialRefs,
    List<String> allowedTools,
    List<SecurityRule> rules) {

  public McpServer {
    args = List.copyOf(args);
    env = Nodes.ordered(env);
    headers = Nodes.ordered(headers);
    poolSafeTools = List.copyOf(poolSafeTools);
    credentialRefs = List.copyOf(credentialRefs);
    allowedTools = List.copyOf(allowedTools);
    rules = List.copyOf(rules);
  }
}
