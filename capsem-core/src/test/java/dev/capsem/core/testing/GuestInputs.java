package dev.capsem.core.testing;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.image.WorkspaceSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The build inputs a test needs besides the profile, made in a temporary folder: placeholder guest
 * artifacts (ours, not upstream's scripts), upstream's banner and tips read from the conformance
 * folder, a test CA certificate, and placeholder guest agent binaries. Provider definitions, the VM
 * environment and the defconfigs are upstream's, read in place from {@code guest/config}.
 */
public final class GuestInputs {

  private GuestInputs() {}

  /** Workspace sources over {@code dir}, which receives the artifacts and the CA. */
  public static WorkspaceSources sources(Path dir) {
    Path artifacts = artifacts(dir.resolve("artifacts"));
    Path ca = caCertificate(dir.resolve("capsem-ca.crt"));
    Path guest = Conformance.file("guest/config");
    return new WorkspaceSources(
        new GivenPath(guest.resolve("ai"), "guest/config/ai"),
        new GivenPath(guest.resolve("vm/environment.toml"), "guest/config/vm/environment.toml"),
        new GivenPath(guest.resolve("kernel"), "guest/config/kernel"),
        new GivenPath(artifacts, "artifacts"),
        new GivenPath(ca, "capsem-ca.crt"));
  }

  /** The guest artifacts folder: placeholders that do what the build asks of them. */
  public static Path artifacts(Path dir) {
    try {
      Files.createDirectories(dir.resolve("capsem_bench"));
      Files.createDirectories(dir.resolve("diagnostics"));
      script(
          dir.resolve("capsem-init"), "#!/bin/sh\n# placeholder PID 1 for tests\nexec /bin/sh\n");
      Files.writeString(dir.resolve("capsem-bashrc"), "# placeholder capsem-bashrc for tests\n");
      script(dir.resolve("capsem-doctor"), "#!/bin/sh\necho 2026.05.20\n");
      script(dir.resolve("capsem-bench"), "#!/bin/sh\necho placeholder capsem-bench\n");
      script(dir.resolve("snapshots"), "#!/bin/sh\necho placeholder snapshots\n");
      Files.writeString(dir.resolve("capsem_bench/__main__.py"), "print('placeholder')\n");
      Files.writeString(
          dir.resolve("diagnostics/test_placeholder.py"), "def test_placeholder():\n    pass\n");
      Files.write(dir.resolve("banner.txt"), Conformance.bytes("guest/artifacts/banner.txt"));
      Files.write(dir.resolve("tips.txt"), Conformance.bytes("guest/artifacts/tips.txt"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A self-signed test CA certificate (no private key exists for it). */
  public static Path caCertificate(Path target) {
    try (InputStream in = GuestInputs.class.getResourceAsStream("capsem-test-ca.crt")) {
      Files.createDirectories(target.getParent());
      Files.write(target, in.readAllBytes());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Placeholder guest agents for every architecture: small scripts naming themselves. */
  public static GuestBinaries guestBinaries(Path dir) {
    try {
      for (String arch : new String[] {"arm64", "x86_64"}) {
        Files.createDirectories(dir.resolve(arch));
        for (String name : GuestBinaries.NAMES) {
          script(
              dir.resolve(arch).resolve(name),
              "#!/bin/sh\necho '" + name + " placeholder for " + arch + "'\n");
        }
      }
      return GuestBinaries.in(new GivenPath(dir, dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void script(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
