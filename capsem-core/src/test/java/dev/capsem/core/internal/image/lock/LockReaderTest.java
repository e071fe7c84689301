package dev.capsem.core.internal.image.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.oci.PinnedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lock files read back exactly, and every value a Dockerfile would get checked first. */
class LockReaderTest {

  private static final String DIGEST = "sha256:" + "b2".repeat(32);

  private static PackageLock lock() {
    Map<String, Locked> apt = new LinkedHashMap<>();
    apt.put("python3", new Locked("3.11.2-1+b1", "a".repeat(64)));
    apt.put("jq", new Locked("1.6-2.1", null));
    apt.put("libc6", new Locked("2.36-9+deb12u14", "b".repeat(64)));
    Map<String, Locked> npm = new LinkedHashMap<>();
    npm.put("@google/gemini-cli", new Locked("0.6.1", "sha512-" + "Q".repeat(86) + "=="));
    return new PackageLock(
        "corp-dev",
        "2026.0520.1",
        "c".repeat(64),
        Map.of(
            "x86_64",
            new ArchLock(
                new PinnedImage("debian:bookworm-slim", DIGEST, PinnedImage.ENGINE, DIGEST),
                new LockedKernel("6.12.30", "linux-source-6.12.tar.xz", "d".repeat(64)),
                apt,
                Map.of("six", new Locked("1.16.0", null)),
                npm)));
  }

  @Test
  void parse_writtenLock_givesTheSameLockBack() {
    String text = lock().json();

    LockReader.Read read = LockReader.parse(text, "corp-dev.profile.lock.json");

    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.lock().json()).isEqualTo(text);
    assertThat(read.lock().arches().get("x86_64").apt().keySet())
        .containsExactly("jq", "libc6", "python3");
    assertThat(read.lock().arches().get("x86_64").baseImage().pinned()).isEqualTo(DIGEST);
  }

  @Test
  void parse_registryImage_pinsRepositoryAtTheDigest() {
    String text =
        lock()
            .json()
            .replace("\"debian:bookworm-slim\"", "\"ghcr.io/corp/base:1\"")
            .replace("\"engine\"", "\"registry\"");

    LockReader.Read read = LockReader.parse(text, "l.json");

    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.lock().arches().get("x86_64").baseImage().pinned())
        .isEqualTo("ghcr.io/corp/base@" + DIGEST);
  }

  @Test
  void parse_shellInAVersionAndAName_isE601AtEachValue() {
    String text =
        lock()
            .json()
            .replace("\"1.6-2.1\"", "\"1.6; rm -rf /\"")
            .replace("\"six\"", "\"six$(id)\"");

    LockReader.Read read = LockReader.parse(text, "corp-dev.profile.lock.json");

    assertThat(read.lock()).isNull();
    assertThat(read.diagnostics()).extracting(Diagnostic::code).containsOnly(Code.E601).hasSize(2);
    assertThat(read.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("not a Debian version: '1.6; rm -rf /'"))
        .anySatisfy(m -> assertThat(m).contains("not a Python package name: six$(id)"));
    assertThat(read.diagnostics()).allSatisfy(d -> assertThat(d.position()).isNotNull());
    Diagnostic version =
        read.diagnostics().stream().filter(d -> d.path().endsWith("jq.version")).findFirst().get();
    int line = (int) text.lines().takeWhile(l -> !l.contains("1.6; rm")).count() + 1;
    assertThat(version.position().line()).isEqualTo(line);
  }

  @Test
  void parse_badDigestSchemaAndHash_areE601Each() {
    String text =
        lock()
            .json()
            .replace(DIGEST, "sha256:short")
            .replace("capsem.image-lock.v1", "capsem.image-lock.v9")
            .replace("a".repeat(64), "A".repeat(64));

    LockReader.Read read = LockReader.parse(text, "l.json");

    assertThat(read.lock()).isNull();
    assertThat(read.diagnostics())
        .extracting(Diagnostic::path)
        .contains("schema", "arches.x86_64.base_image.digest", "arches.x86_64.apt.python3.sha256");
  }

  @Test
  void parse_notJson_isE601WithPosition() {
    LockReader.Read read = LockReader.parse("{\"schema\": ", "l.json");

    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E601);
              assertThat(d.position()).isNotNull();
            });
  }
}
