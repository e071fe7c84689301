package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.image.CodePointOrder;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.profile.ArchAssets;
import dev.capsem.core.internal.profile.AssetDeclaration;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ToolContract;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Checks a profile's image on disk in upstream's order: per architecture the kernel, initrd and
 * rootfs (missing, then size, then BLAKE3), then each architecture's inventory against the apt,
 * Python and npm contract and the required tools. Files are hashed in parallel, one task per asset
 * (the hasher may also split one large file across threads).
 */
public final class ImageVerifier {

  private static final List<String> KINDS = List.of("kernel", "initrd", "rootfs");

  /** The last segment of a registry blob URL. */
  private static final Pattern BLOB = Pattern.compile("sha256:[0-9a-f]{64}");

  private final Hasher hasher;
  private final VersionMatching matching;

  public ImageVerifier(Hasher hasher, VersionMatching matching) {
    this.hasher = hasher;
    this.matching = matching;
  }

  /**
   * The full report.
   *
   * @param arches the selected architectures, each with assets in the profile
   * @param inventories the inventories found, by architecture
   * @throws VerificationInputException for an asset URL without a file name, or an asset that
   *     cannot be read
   */
  public ImageVerificationReport verify(
      Profile profile,
      List<String> arches,
      Path assetsDir,
      String assetsDirShown,
      Map<String, LocatedInventory> inventories,
      List<DoctorBundleProbe> probes) {
    List<Located> located = new ArrayList<>();
    for (String arch : arches) {
      ArchAssets assets = profile.vm().assets().get(arch);
      List<AssetDeclaration> declared = List.of(assets.kernel(), assets.initrd(), assets.rootfs());
      for (int k = 0; k < KINDS.size(); k++) {
        String name = fileName(declared.get(k).url(), KINDS.get(k));
        located.add(
            new Located(
                arch,
                KINDS.get(k),
                declared.get(k),
                assetsDir.resolve(arch).resolve(name),
                ShownPaths.join(assetsDirShown, arch, name)));
      }
    }
    List<AssetCheck> assets = checkAll(located);
    List<InventoryCheck> checked = new ArrayList<>();
    for (String arch : arches) {
      LocatedInventory inventory = inventories.get(arch);
      if (inventory == null) {
        checked.add(
            new InventoryCheck(
                arch,
                ShownPaths.join(assetsDirShown, arch, InventoryLocator.FILE_NAME),
                InventoryCheck.MISSING,
                List.of(),
                List.of()));
      } else {
        checked.add(
            new InventoryCheck(
                arch,
                inventory.path(),
                null,
                packageContract(profile, inventory.inventory()),
                toolContract(profile, inventory.inventory())));
      }
    }
    return new ImageVerificationReport(
        profile.id(), profile.revision(), ShownPaths.join(assetsDirShown), assets, checked, probes);
  }

  private record Located(
      String arch, String kind, AssetDeclaration declared, Path file, String shown) {}

  private List<AssetCheck> checkAll(List<Located> located) {
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, located.size()),
            task -> {
              Thread thread = new Thread(task, "capsem-verify-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<AssetCheck>> pending = new ArrayList<>();
      for (Located asset : located) {
        pending.add(pool.submit(() -> check(asset)));
      }
      List<AssetCheck> checks = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        checks.add(result(pending.get(i), located.get(i)));
      }
      return checks;
    } finally {
      pool.shutdownNow();
    }
  }

  private static AssetCheck result(Future<AssetCheck> future, Located asset) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationInputException("interrupted while hashing " + asset.shown(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof VerificationInputException refusal) {
        throw refusal;
      }
      throw new VerificationInputException(
          "cannot read " + asset.shown() + ": " + cause.getMessage(), cause);
    }
  }

  private AssetCheck check(Located asset) throws IOException {
    AssetDeclaration declared = asset.declared();
    if (!Files.exists(asset.file())) {
      return new AssetCheck(
          asset.arch(),
          asset.kind(),
          asset.shown(),
          false,
          declared.size(),
          null,
          declared.hash(),
          null,
          AssetCheck.MISSING);
    }
    if (!Files.isRegularFile(asset.file())) {
      throw new VerificationInputException("asset " + asset.shown() + " is not a regular file");
    }
    long size = Files.size(asset.file());
    // Upstream hashes even when the size already differs: the report shows both.
    String hash = "blake3:" + hasher.hexOfFile(asset.file());
    String failure = null;
    if (size != declared.size()) {
      failure = AssetCheck.SIZE_MISMATCH;
    } else if (!hash.equals(declared.hash())) {
      failure = AssetCheck.HASH_MISMATCH;
    }
    return new AssetCheck(
        asset.arch(),
        asset.kind(),
        asset.shown(),
        true,
        declared.size(),
        size,
        declared.hash(),
        hash,
        failure);
  }

  private List<ContractCheck> packageContract(Profile profile, ImageInventory inventory) {
    List<ContractCheck> rows = new ArrayList<>();
    rows.addAll(rows("apt", profile.packages().apt(), inventory));
    rows.addAll(rows("python", profile.packages().pythonModules(), inventory));
    rows.addAll(rows("node", profile.packages().nodePackages(), inventory));
    return rows;
  }

  private List<ContractCheck> rows(
      String kind, Map<String, String> expected, ImageInventory inventory) {
    List<ContractCheck> rows = new ArrayList<>();
    for (String name : sortedNames(expected)) {
      rows.add(row(kind, name, expected.get(name), inventory.versions(kind), null, null));
    }
    return rows;
  }

  private List<ContractCheck> toolContract(Profile profile, ImageInventory inventory) {
    List<ContractCheck> rows = new ArrayList<>();
    for (String name : sortedNames(profile.tools())) {
      ToolContract tool = profile.tools().get(name);
      if (tool.required()) {
        rows.add(row("tool", name, tool.version(), inventory.tools(), tool.source(), true));
      }
    }
    return rows;
  }

  private ContractCheck row(
      String kind,
      String name,
      String expected,
      Map<String, String> installed,
      String source,
      Boolean required) {
    String actual = installed.get(name);
    if (actual == null) {
      return new ContractCheck(kind, name, expected, null, source, required, ContractCheck.MISSING);
    }
    String failure =
        matching.satisfies(kind, expected, actual) ? null : ContractCheck.VERSION_MISMATCH;
    return new ContractCheck(kind, name, expected, actual, source, required, failure);
  }

  private static List<String> sortedNames(Map<String, ?> map) {
    return map.keySet().stream().sorted(CodePointOrder.INSTANCE).toList();
  }

  /**
   * The file an asset of {@code kind} is stored under: as {@link #fileName(String)}, except that a
   * registry blob URL ({@code .../blobs/sha256:<hex>}) names no file, and its asset is found under
   * the name the build gives that kind ({@code rootfs.squashfs}).
   */
  public static String fileName(String url, String kind) {
    String name = fileName(url);
    return BLOB.matcher(name).matches() ? AssetNames.BY_KIND.get(kind) : name;
  }

  /**
   * The file an asset is stored under: the last segment of its URL's path (not decoded; query and
   * fragment ignored), as Python's {@code PurePosixPath(url.path).name}.
   */
  public static String fileName(String url) {
    String path = url;
    for (char end : new char[] {'#', '?'}) {
      int cut = path.indexOf(end);
      if (cut >= 0) {
        path = path.substring(0, cut);
      }
    }
    int authority = path.indexOf("://");
    if (authority >= 0) {
      int slash = path.indexOf('/', authority + 3);
      path = slash < 0 ? "" : path.substring(slash);
    } else {
      path = path.substring(path.indexOf(':') + 1);
    }
    String name = DoctorBundleReader.baseName(path);
    if (name.isEmpty()) {
      throw new VerificationInputException("asset URL '" + url + "' does not include a filename");
    }
    return name;
  }
}
