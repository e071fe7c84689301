package dev.capsem.core.internal.provenance;

import dev.capsem.core.testing.ReferenceBlake3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small release folder with seeded random files, and the provenance inputs that describe it. */
final class ProvenanceFixture {

  static final String BUILDER = "https://ci.example.com/capsem/runner@v1";
  static final List<String> FILES =
      List.of(
          "x86_64/vmlinuz",
          "x86_64/initrd.img",
          "x86_64/rootfs.squashfs",
          "manifest.json",
          "B3SUMS",
          "x86_64/guest-sbom.spdx.json",
          "corp-dev.profile.toml",
          "catalog.json");

  final Path folder;
  final Path profile;

  ProvenanceFixture(Path root, long seed) throws IOException {
    this.folder = Files.createDirectories(root.resolve("release"));
    Random random = new Random(seed);
    for (String name : FILES) {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[1 + random.nextInt(5000)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
    }
    this.profile = folder.resolve("corp-dev.profile.toml");
  }

  ProvenanceInputs inputs() throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("kernel-version", "6.12.30");
    options.put("node-source", "debian");
    Map<String, String> internal = new LinkedHashMap<>();
    internal.put("SOURCE_DATE_EPOCH", "1779364800");
    internal.put("container-engine", "docker 20.10.24");
    return new ProvenanceInputs(
        Provenance.subjects(folder, FILES, new ReferenceBlake3()),
        new BuildParameters(
            "profiles/corp-dev.profile.toml",
            dev.capsem.core.internal.io.Sha256.hexOfFile(profile),
            List.of("x86_64"),
            options),
        internal,
        List.of(
            Dependency.baseImage(
                dev.capsem.core.ports.OciReference.parse("debian:bookworm-slim"),
                "sha256:b2e61dfd7a9192b4a1d4e07e88788176c8eadcc2225705c8d4bd0450d5ed5394",
                "engine"),
            Dependency.kernelSource(
                "https://deb.example/linux-source-6.12.tar.xz", "0".repeat(63) + "1", "6.12.30"),
            Dependency.guestKit("0.1.0"),
            Dependency.lockFile("corp-dev.lock.json", "c".repeat(64))),
        BUILDER,
        Map.of("capsem-java", "0.1.0-SNAPSHOT"),
        "urn:uuid:3b1e2f6c-1111-4a4a-9b9b-000000000001",
        Instant.parse("2026-05-21T12:00:00Z"),
        Instant.parse("2026-05-21T12:14:03Z"));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
