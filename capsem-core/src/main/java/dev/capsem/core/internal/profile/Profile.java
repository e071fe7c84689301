package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.Map;

/**
 * A valid Profile V2: the typed view that the rest of the domain reads, and the normalised document
 * (declaration order, defaults filled in) that upstream-compatible writers print.
 */
public record Profile(
    String id,
    String revision,
    String name,
    String description,
    String bestFor,
    String profileType,
    String ui,
    Compatibility compatibility,
    Map<String, AiProvider> aiProviders,
    Map<String, McpServer> mcpServers,
    VmSettings vm,
    PackageContract packages,
    Map<String, ToolContract> tools,
    SecuritySettings security,
    ObjectNode document) {

  public Profile {
    aiProviders = Nodes.ordered(aiProviders);
    mcpServers = Nodes.ordered(mcpServers);
    tools = Nodes.ordered(tools);
  }

  /** {@code <id>@<revision>}. */
  public String reference() {
    return id + "@" + revision;
  }
}
