package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.rootfs.RootfsCatalog;
import dev.capsem.core.internal.image.verify.ImageVerifier;
import dev.capsem.core.internal.image.verify.LocatedInventory;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.profile.ArchAssets;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.squashfs.SquashfsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code image sbom} and {@code image verify} read from the rootfs itself (issue 17), when the
 * assets folder holds one: the SBOM is then made from the filesystem, and the inventory is
 * cross-checked against it (E537). A rootfs file that is not a squashfs image is not read: it is
 * only checked for size and hash as before (upstream's test vectors hold placeholder text there),
 * and the SBOM comes from the inventory as upstream's does.
 */
final class RootfsEvidence {

  /** "hsqs": a squashfs superblock's first four bytes. */
  private static final byte[] MAGIC = {'h', 's', 'q', 's'};

  private final Rootfs rootfs;

  RootfsEvidence(Rootfs rootfs) {
    this.rootfs = rootfs;
  }

  /** One architecture's rootfs: where it is and how the user sees that path. */
  record Located(String arch, Path file, String shown) {}

  /**
   * The rootfs of {@code arch} under the assets folder, as the profile names it, when it is a
   * squashfs image; else the build's own {@code rootfs.squashfs}, which is what a profile whose
   * assets are still the draft's placeholders (the release's source profile) was built into.
   */
  static Optional<Located> locate(
      Profile profile, String arch, Path assetsDir, String assetsDirShown) {
    ArchAssets assets = profile.vm().assets().get(arch);
    if (assets == null) {
      return Optional.empty();
    }
    String named = ImageVerifier.fileName(assets.rootfs().url());
    for (String name : List.of(named, AssetNames.ROOTFS)) {
      Path file = assetsDir.resolve(arch).resolve(name);
      if (!name.isEmpty() && isSquashfs(file)) {
        return Optional.of(
            new Located(
                arch, file, PythonPath.normalize(assetsDirShown + "/" + arch + "/" + name)));
      }
    }
    return Optional.empty();
  }

  private static boolean isSquashfs(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(MAGIC.length);
      return java.util.Arrays.equals(head, MAGIC);
    } catch (IOException e) {
      return false; // The asset check reports an unreadable file.
    }
  }

  /**
   * E537 for every disagreement between each inventory and its rootfs; the image's own code
   * (E530-E533) when a rootfs that looks like squashfs cannot be read.
   */
  List<Diagnostic> crossCheck(List<Located> located, Map<String, LocatedInventory> inventories) {
    List<Diagnostic> findings = new ArrayList<>();
    for (Located each : located) {
      LocatedInventory inventory = inventories.get(each.arch());
      if (inventory == null) {
        continue; // The missing inventory is the verification's own failure.
      }
      try {
        RootfsCatalog catalog = rootfs.catalog(each.file());
        findings.addAll(
            rootfs.crossCheck(inventory.inventory(), inventory.path(), catalog, each.arch()));
      } catch (SquashfsException e) {
        findings.add(new Diagnostic(e.code(), each.shown(), "", null, e.getMessage()));
      } catch (IOException e) {
        findings.add(
            BuildStop.error(
                dev.capsem.core.diag.Code.E531,
                "cannot read " + each.shown() + ": " + e.getMessage()));
      }
    }
    return findings;
  }

  /** The SPDX document of a rootfs as it is, with the kernel and initrd beside it. */
  String sbom(Profile profile, String contract, Located located, Path assetsDir, Instant created)
      throws IOException {
    ArchAssets assets = profile.vm().assets().get(located.arch());
    List<Path> boot = new ArrayList<>();
    for (String url : List.of(assets.kernel().url(), assets.initrd().url())) {
      Path file = assetsDir.resolve(located.arch()).resolve(ImageVerifier.fileName(url));
      if (Files.isRegularFile(file)) {
        boot.add(file);
      }
    }
    return rootfs
        .sbom(
            new Rootfs.SbomRequest(
                profile.id(),
                profile.revision(),
                contract,
                located.arch(),
                located.file(),
                boot,
                created))
        .json();
  }
}
