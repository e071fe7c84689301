package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.manifest.AssetFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a binary may boot: {@link Boot} or {@link Refused}. */
public sealed interface BootDecision permits BootDecision.Boot, BootDecision.Refused {

  boolean ok();

  /**
   * Boot this asset release; every file's BLAKE3 must still equal its hash before boot.
   *
   * @param assetVersion the chosen release
   * @param arches architecture to its three boot files ({@code vmlinuz}, {@code initrd.img}, {@code
   *     rootfs.squashfs}), in that order
   * @param warnings e.g. W401 when the binary itself is deprecated
   */
  record Boot(
      String assetVersion, Map<String, Map<String, AssetFile>> arches, List<Diagnostic> warnings)
      implements BootDecision {

    public Boot {
      Objects.requireNonNull(assetVersion, "assetVersion");
      Map<String, Map<String, AssetFile>> copy = new LinkedHashMap<>();
      arches.forEach((arch, files) -> copy.put(arch, Nodes.ordered(files)));
      arches = Nodes.ordered(copy);
      warnings = List.copyOf(warnings);
    }

    @Override
    public boolean ok() {
      return true;
    }
  }

  /** Nothing may boot, and why. */
  record Refused(GateRefusal refusal) implements BootDecision {

    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }
}
