package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/** VM resources and the assets per architecture ({@code arm64}, {@code x86_64}). */
public record VmSettings(
    long memoryMib,
    long cpus,
    long diskMib,
    String network,
    boolean trackRootfsDependencies,
    String rootfsImage,
    Map<String, ArchAssets> assets) {

  public VmSettings {
    assets = Nodes.ordered(assets);
  }
}
