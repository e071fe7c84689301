package dev.capsem.core.internal.image.verify;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.image.VerifyFlow;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A verify scenario in a temporary folder, shaped like the conformance one: the derived profile
 * (its hashes swapped for the stand-in hasher's), payloads {@code kernel-<arch>}, ... and matching
 * inventories, which each test then breaks in one way.
 */
final class VerifyScenario {

  static final List<String> ARCHES = List.of("arm64", "x86_64");
  static final Map<String, String> FILES =
      Map.of("kernel", "vmlinuz", "initrd", "initrd.img", "rootfs", "rootfs.squashfs");
  static final String INVENTORY =
      """
      {
        "schema": "capsem.image-inventory.v1",
        "apt": {"coreutils": "9.1", "curl": "8.0.0"},
        "python_modules": {"pytest": "8.3.5", "requests": "2.32.3"},
        "node_packages": {"@openai/codex": "0.1.0"},
        "tools": {"capsem_doctor": "2026.05.20", "codex": "0.17.0"}
      }""";

  final Path root;
  final Path profile;
  final Path assets;

  VerifyScenario(Path root) {
    this.root = root;
    this.profile = root.resolve("profile.json");
    this.assets = root.resolve("assets");
    String text = Conformance.text("derived/image-build/verify/profile.json");
    try {
      for (String arch : ARCHES) {
        Files.createDirectories(assets.resolve(arch));
        for (Map.Entry<String, String> kind : FILES.entrySet()) {
          byte[] payload = (kind.getKey() + "-" + arch).getBytes(StandardCharsets.US_ASCII);
          Files.write(assets.resolve(arch).resolve(kind.getValue()), payload);
          text =
              Pattern.compile(
                      "(/"
                          + arch
                          + "/"
                          + Pattern.quote(kind.getValue())
                          + "\",\\s*\"hash\": \"blake3:)[0-9a-f]{64}")
                  .matcher(text)
                  .replaceFirst("$1" + ShaHasher.sha256(payload));
        }
        Files.writeString(assets.resolve(arch).resolve("image-inventory.json"), INVENTORY);
      }
      Files.writeString(profile, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path asset(String arch, String kind) {
    return assets.resolve(arch).resolve(FILES.get(kind));
  }

  void writeInventory(String arch, String json) throws IOException {
    Files.writeString(assets.resolve(arch).resolve("image-inventory.json"), json);
  }

  void editProfile(String from, String to) throws IOException {
    String text = Files.readString(profile);
    if (!text.contains(from)) {
      throw new AssertionError("profile lacks " + from);
    }
    Files.writeString(profile, text.replace(from, to));
  }

  /** What a verification gave: its report, or why there is none, and the findings. */
  record ImageVerification(
      ImageVerificationReport report, String error, List<Diagnostic> diagnostics) {
    boolean ok() {
      return report != null && report.ok();
    }
  }

  ImageVerification verify(String arch, VersionMatching matching, String... bundles) {
    return verify(new ShaHasher(), arch, null, matching, bundles);
  }

  ImageVerification verify(
      Hasher hasher,
      String arch,
      GivenPath inventory,
      VersionMatching matching,
      String... bundles) {
    GivenPath given = new GivenPath(profile, "profile.json");
    Outcome<VerifyFlow.Verification> outcome =
        new VerifyFlow(
                hasher, FileAccess.local(), Rootfs.with(List.of(SquashfsCodec.gzip(9)), hasher))
            .verify(
                ProfileReader.read(FileAccess.local(), given),
                given,
                new GivenPath(assets, "assets"),
                arch,
                inventory,
                List.of(bundles).stream().map(b -> new GivenPath(Path.of(b), b)).toList(),
                matching);
    return new ImageVerification(
        outcome.value() == null ? null : outcome.value().report(),
        outcome.value() == null ? outcome.error() : null,
        outcome.diagnostics());
  }
}
