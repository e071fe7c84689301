package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/**
 * What a built image holds ({@code capsem.image-inventory.v1}): installed Debian packages, Python
 * distributions, npm packages and tool versions, each name to version, in file order.
 */
public record ImageInventory(
    Map<String, String> apt,
    Map<String, String> pythonModules,
    Map<String, String> nodePackages,
    Map<String, String> tools) {

  public static final String SCHEMA = "capsem.image-inventory.v1";

  public ImageInventory {
    apt = Nodes.ordered(apt);
    pythonModules = Nodes.ordered(pythonModules);
    nodePackages = Nodes.ordered(nodePackages);
    tools = Nodes.ordered(tools);
  }

  /**
   * The installed versions of one contract kind: {@code apt}, {@code python}, {@code node}, {@code
   * tool}.
   */
  public Map<String, String> versions(String kind) {
    return switch (kind) {
      case "apt" -> apt;
      case "python" -> pythonModules;
      case "node" -> nodePackages;
      case "tool" -> tools;
      default -> throw new IllegalArgumentException("unknown contract kind: " + kind);
    };
  }
}
