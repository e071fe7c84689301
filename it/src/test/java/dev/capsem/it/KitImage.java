package dev.capsem.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.core.internal.kit.GuestKit;
import dev.capsem.core.testing.GuestInputs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one x86_64 image every boot test of this module shares, built from nothing but the product:
 * {@code bin/capsem-admin image build --template all} of a small profile with the guest kit as
 * {@code --guest-dir} (materialised from the classpath), placeholder guest agents and a test CA,
 * and Debian's kernel source that {@code scripts/kernel-source.sh} fetched. It is built once per
 * test run into {@code target/kit-image}; a second run with unchanged inputs does no container work
 * (the build's own reuse), and the engine's layer cache keeps the kernel compile.
 *
 * <p>Needs the Docker engine with the base image and the kernel source tarball: without them the
 * tests skip with what to run, except under {@code CI=true}, where they fail. Test classes get it
 * as a parameter through {@code @ExtendWith(KitImage.Provider.class)}.
 */
final class KitImage {

  static final String EPOCH = "1776729600";
  static final String PROFILE = "kit-boot.profile.toml";
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(90);

  /** The build folder: the profile, the kit, the inputs and {@code assets/}. */
  final Path dir;

  /** How long the build took (a reused build: seconds). */
  final Duration buildTime;

  private KitImage(Path dir, Duration buildTime) {
    this.dir = dir;
    this.buildTime = buildTime;
  }

  Path assets() {
    return dir.resolve("assets");
  }

  Path arch() {
    return assets().resolve("x86_64");
  }

  Path profile() {
    return dir.resolve(PROFILE);
  }

  Path kit() {
    return dir.resolve("kit");
  }

  Path ca() {
    return dir.resolve("capsem-ca.crt");
  }

  /**
   * The shared image, built on first use and kept in JUnit's root store for every later test class
   * of the run; skips (or fails under CI) when it cannot be built.
   */
  static final class Provider implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(KitImage.class);

    /** What one attempt to build gave: the image, or why it was skipped or failed. */
    record Attempt(KitImage image, String skipped, String failed) {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == KitImage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Attempt attempt =
          context
              .getRoot()
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(KitImage.class, key -> attempt(), Attempt.class);
      if (attempt.failed() != null) {
        fail(attempt.failed());
      }
      if (attempt.skipped() != null) {
        requireOrSkip(attempt.skipped());
      }
      return attempt.image();
    }

    private static Attempt attempt() {
      try {
        return build();
      } catch (AssertionError e) {
        return new Attempt(null, null, e.getMessage());
      } catch (Exception e) {
        return new Attempt(null, null, "the kit image did not build: " + e);
      }
    }
  }

  /** Skips the calling test with {@code why}, or fails it under {@code CI=true}. */
  static void requireOrSkip(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + why);
    }
    Assumptions.abort(why + "; skipping");
  }

  /** The kernel source tarball the it module was given, or null. */
  static Path kernelSource() {
    String configured = System.getProperty("capsem.it.kernelSource");
    if (configured == null || configured.isBlank() || configured.contains("${")) {
      return null;
    }
    Path source = Path.of(configured);
    return Files.isRegularFile(source) ? source : null;
  }

  private static Provider.Attempt build() throws Exception {
    Path source = kernelSource();
    if (source == null) {
      return new Provider.Attempt(
          null,
          "no kernel source tarball (run scripts/kernel-source.sh; the it module reads"
              + " -Dcapsem.it.kernelSource="
              + System.getProperty("capsem.it.kernelSource")
              + ")",
          null);
    }
    String engine = RealBuilds.engineProblem();
    if (engine != null) {
      return new Provider.Attempt(null, engine, null);
    }
    Path dir = Path.of("target", "kit-image").toAbsolutePath();
    List<String> args = prepare(dir, "x86_64", source);
    long started = System.nanoTime();
    AdminProcess.Run run =
        AdminProcess.run(
            dir, Map.of("SOURCE_DATE_EPOCH", EPOCH), BUILD_TIMEOUT, args.toArray(String[]::new));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (run.exitCode() != 0) {
      fail("the kit image did not build (exit " + run.exitCode() + "):\n" + run.stderr());
    }
    System.out.println(
        "kit image: built in " + took.toSeconds() + " s\n" + lastLines(run.stderr(), 12));
    return new Provider.Attempt(new KitImage(dir, took), null, null);
  }

  /**
   * Fills {@code dir} with the kit image's inputs (the whole kit, the boot profile, a test CA,
   * placeholder guest agents) and returns the {@code image build} arguments for {@code arch} into
   * {@code dir/assets}, the kernel compiled from {@code source}.
   */
  static List<String> prepare(Path dir, String arch, Path source) throws Exception {
    Files.createDirectories(dir);
    // Always this build's kit: a folder left by an earlier checkout would hold its kit files.
    Path kit = dir.resolve("kit");
    if (Files.isDirectory(kit)) {
      try (Stream<Path> old = Files.walk(kit)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    GuestKit.bundled().materialize(kit);
    try (InputStream in = KitImage.class.getClassLoader().getResourceAsStream("boot/" + PROFILE)) {
      Files.write(dir.resolve(PROFILE), in.readAllBytes());
    }
    GuestInputs.caCertificate(dir.resolve("capsem-ca.crt"));
    GuestInputs.guestBinaries(dir.resolve("binaries"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "image",
                "build",
                PROFILE,
                "--arch",
                arch,
                "--template",
                "all",
                "--out",
                "assets",
                "--json",
                "--binary-version",
                "1.0.1776688771",
                "--guest-dir",
                "kit",
                "--ca",
                "capsem-ca.crt",
                "--guest-binaries",
                "binaries",
                "--node-source",
                "none",
                "--uv-installer",
                "none",
                "--kernel-source",
                source.toString(),
                "--kernel-sha256",
                sha256(source)));
    args.addAll(RealBuilds.machineTrust());
    return args;
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 20];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
