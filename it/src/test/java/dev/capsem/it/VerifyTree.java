package dev.capsem.it;

import dev.capsem.core.testing.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The derived verify scenario laid out in a temporary folder with symbolic links to the conformance
 * files (read in place, never copied), so that a test can take one file away or put another in its
 * place and run {@code capsem-admin} with the vectors' relative paths.
 */
final class VerifyTree {

  static final String VECTORS = "derived/image-build/verify/";
  static final List<String> ARCHES = List.of("arm64", "x86_64");
  static final List<String> ASSETS = List.of("vmlinuz", "initrd.img", "rootfs.squashfs");

  final Path root;

  VerifyTree(Path root) throws IOException {
    this.root = root;
    link("profile.json", VECTORS + "profile.json");
    for (String bundle :
        List.of(
            "doctor-bundle-pass.tar",
            "doctor-bundle-fail.tar",
            "doctor-bundle-pytest-testsuites-root.tar")) {
      link(bundle, VECTORS + bundle);
    }
    for (String arch : ARCHES) {
      for (String asset : ASSETS) {
        link("assets/" + arch + "/" + asset, VECTORS + "assets/" + arch + "/" + asset);
      }
      link(
          "assets/" + arch + "/image-inventory.json",
          VECTORS + "assets/" + arch + "/image-inventory.json");
    }
  }

  /** Points {@code relative} at a conformance file. */
  void link(String relative, String conformance) throws IOException {
    Path at = root.resolve(relative);
    Files.createDirectories(at.getParent());
    Files.deleteIfExists(at);
    Files.createSymbolicLink(at, Conformance.file(conformance));
  }

  /** Replaces {@code relative} with a file of its own. */
  void write(String relative, byte[] content) throws IOException {
    Path at = root.resolve(relative);
    byte[] bytes = content;
    Files.deleteIfExists(at);
    Files.write(at, bytes);
  }

  byte[] original(String relative) {
    return Conformance.bytes(VECTORS + relative);
  }

  void delete(String relative) throws IOException {
    Files.delete(root.resolve(relative));
  }

  static String expected(String name) {
    return Conformance.text(VECTORS + "expected/" + name);
  }
}
