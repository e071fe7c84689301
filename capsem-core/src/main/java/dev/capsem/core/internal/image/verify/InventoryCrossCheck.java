package dev.capsem.core.internal.image.verify;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.CodePointOrder;
import dev.capsem.core.internal.image.rootfs.RootfsCatalog;
import dev.capsem.core.internal.image.rootfs.RootfsPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The build's inventory ({@code image-inventory.json}, written by scripts inside the image) against
 * what the rootfs itself holds: every disagreement is an E537 error.
 *
 * <ul>
 *   <li>apt, both ways: the inventory lists what {@code dpkg-query} showed as installed, which is
 *       exactly dpkg's status file.
 *   <li>Python, both ways: {@code pip list} shows the distributions in the system interpreter's
 *       site folders, names compared case-insensitively (the inventory lower-cases them).
 *   <li>npm, inventory to rootfs: the inventory lists one prefix's packages, which must be in one
 *       of the rootfs's global folders with the same version; the prefix itself is build
 *       configuration the rootfs does not record, so extra rootfs packages are not errors.
 * </ul>
 */
public final class InventoryCrossCheck {

  private InventoryCrossCheck() {}

  /**
   * The disagreements, sorted by kind then name.
   *
   * @param inventoryFile the inventory as the user named it (for the diagnostics' file)
   * @param arch Capsem's architecture name, which prefixes each message
   */
  public static List<Diagnostic> compare(
      ImageInventory inventory, RootfsCatalog catalog, String arch, String inventoryFile) {
    List<Diagnostic> out = new ArrayList<>();
    both(
        "apt", inventory.apt(), versions(catalog.packages("apt"), false), arch, inventoryFile, out);
    both(
        "python",
        lowerCased(inventory.pythonModules()),
        versions(catalog.packages("python"), true),
        arch,
        inventoryFile,
        out);
    Map<String, TreeSet<String>> node = versions(catalog.packages("node"), false);
    for (Map.Entry<String, String> e : new TreeMap<>(inventory.nodePackages()).entrySet()) {
      check("node", e.getKey(), e.getValue(), node.get(e.getKey()), arch, inventoryFile, out);
    }
    return out;
  }

  private static void both(
      String kind,
      Map<String, String> inventory,
      Map<String, TreeSet<String>> rootfs,
      String arch,
      String file,
      List<Diagnostic> out) {
    TreeSet<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
    names.addAll(inventory.keySet());
    names.addAll(rootfs.keySet());
    for (String name : names) {
      String listed = inventory.get(name);
      if (listed == null) {
        out.add(
            error(
                kind,
                name,
                arch,
                file,
                "in the rootfs ("
                    + String.join(", ", rootfs.get(name))
                    + "), not in the inventory"));
      } else {
        check(kind, name, listed, rootfs.get(name), arch, file, out);
      }
    }
  }

  private static void check(
      String kind,
      String name,
      String listed,
      TreeSet<String> held,
      String arch,
      String file,
      List<Diagnostic> out) {
    if (held == null) {
      out.add(
          error(
              kind,
              name,
              arch,
              file,
              "the inventory says " + listed + ", the rootfs has no such package"));
    } else if (!held.contains(listed)) {
      out.add(
          error(
              kind,
              name,
              arch,
              file,
              "the inventory says " + listed + ", the rootfs holds " + String.join(", ", held)));
    }
  }

  private static Diagnostic error(String kind, String name, String arch, String file, String what) {
    return Diagnostic.of(
        Code.E537, file, kind + "." + name, null, arch + "/" + kind + "/" + name + ": " + what);
  }

  /**
   * Name to the versions the rootfs holds (multi-arch packages and several prefixes may differ).
   */
  private static Map<String, TreeSet<String>> versions(
      List<RootfsPackage> packages, boolean lowerCase) {
    Map<String, TreeSet<String>> out = new TreeMap<>(CodePointOrder.INSTANCE);
    for (RootfsPackage p : packages) {
      String name = lowerCase ? p.name().toLowerCase(Locale.ROOT) : p.name();
      out.computeIfAbsent(name, k -> new TreeSet<>()).add(p.version());
    }
    return out;
  }

  private static Map<String, String> lowerCased(Map<String, String> names) {
    Map<String, String> out = new TreeMap<>(CodePointOrder.INSTANCE);
    names.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
