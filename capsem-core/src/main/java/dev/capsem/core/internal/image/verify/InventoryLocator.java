package dev.capsem.core.internal.image.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the inventory of each selected architecture, as upstream does: without {@code --inventory},
 * {@code <assets-dir>/<arch>/image-inventory.json} where it exists; with a folder, {@code
 * <folder>/<arch>/image-inventory.json} for every architecture; with a file, the one selected
 * architecture's.
 */
public final class InventoryLocator {

  public static final String FILE_NAME = "image-inventory.json";

  private InventoryLocator() {}

  /**
   * The inventories found, by architecture (absent ones are left out, and the verifier reports them
   * missing).
   *
   * @param inventory {@code --inventory}, or {@code null}
   * @throws VerificationInputException for a missing or invalid inventory, or a file with several
   *     architectures
   */
  public static Map<String, LocatedInventory> locate(
      List<String> arches,
      Path assetsDir,
      String assetsDirShown,
      Path inventory,
      String inventoryShown) {
    Map<String, LocatedInventory> found = new LinkedHashMap<>();
    if (inventory == null) {
      for (String arch : arches) {
        Path candidate = assetsDir.resolve(arch).resolve(FILE_NAME);
        if (Files.exists(candidate)) {
          found.put(arch, load(candidate, ShownPaths.join(assetsDirShown, arch, FILE_NAME)));
        }
      }
      return found;
    }
    if (Files.isDirectory(inventory)) {
      for (String arch : arches) {
        Path candidate = inventory.resolve(arch).resolve(FILE_NAME);
        String shown = ShownPaths.join(inventoryShown, arch, FILE_NAME);
        if (!Files.exists(candidate)) {
          throw new VerificationInputException(
              "missing image inventory for arch '" + arch + "': " + shown);
        }
        found.put(arch, load(candidate, shown));
      }
      return found;
    }
    if (arches.size() != 1) {
      throw new VerificationInputException(
          "--inventory FILE can only be used with a single --arch; "
              + "pass an inventory directory for all-arch verification");
    }
    found.put(arches.get(0), load(inventory, ShownPaths.join(inventoryShown)));
    return found;
  }

  private static LocatedInventory load(Path file, String shown) {
    InventoryReader.Read read = InventoryReader.read(file, shown);
    if (read.inventory() == null) {
      throw new VerificationInputException("invalid image inventory " + shown, read.diagnostics());
    }
    return new LocatedInventory(shown, read.inventory());
  }
}
