package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.capsem.core.testing.Conformance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the real {@code bin/capsem-admin}: the launcher's heap and the scrypt check, key
 * rotation that never loses the old pair, {@code hash} of what is not a plain file, and the build
 * workspace that leaves nothing when it cannot be derived.
 */
class HardeningProcessTest {

  @TempDir Path dir;

  /** A JVM on a machine with 2 GiB of memory: its default heap is 512 MiB. */
  private static final Map<String, String> SMALL_MACHINE =
      Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=2g");

  private Path encryptedKeyPair(Path folder) throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "correct horse\n");
    AdminProcess.Run run =
        AdminProcess.run(
                dir,
                "key",
                "generate",
                "--out-dir",
                folder.toString(),
                "--password-file",
                password.toString())
            .assertNoStackTrace();
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return password;
  }

  @Test
  void manifestSign_minisignsDefaultKeyOnASmallMachine_opensWithTheLaunchersHeap()
      throws Exception {
    Path password = encryptedKeyPair(dir.resolve("keys"));
    Path payload = Files.writeString(dir.resolve("manifest.json"), "{}\n");

    AdminProcess.Run run =
        AdminProcess.run(
                dir,
                SMALL_MACHINE,
                "manifest",
                "sign",
                payload.toString(),
                "--key",
                dir.resolve("keys/minisign.key").toString(),
                "--password-file",
                password.toString())
            .assertNoStackTrace();

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(dir.resolve("manifest.json.minisig")).isRegularFile();
  }

  @Test
  void manifestSign_heapTooSmallForScrypt_isE571NamingTheMemoryAndTheOption() throws Exception {
    Path password = encryptedKeyPair(dir.resolve("keys"));
    Path payload = Files.writeString(dir.resolve("manifest.json"), "{}\n");

    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            Map.of("CAPSEM_JAVA_OPTS", "-Xmx256m"),
            "manifest",
            "sign",
            payload.toString(),
            "--key",
            dir.resolve("keys/minisign.key").toString(),
            "--password-file",
            password.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr())
        .contains("E571")
        .contains("needs about 1088 MiB")
        .contains("CAPSEM_JAVA_OPTS=-Xmx1536m")
        .doesNotContain("OutOfMemoryError");
    run.assertNoStackTrace();
    assertThat(dir.resolve("manifest.json.minisig")).doesNotExist();
  }

  @Test
  void keyGenerateForce_outOfMemoryHalfWay_keepsTheOldPair() throws Exception {
    Path keys = dir.resolve("keys");
    encryptedKeyPair(keys);
    byte[] oldSecret = Files.readAllBytes(keys.resolve("minisign.key"));
    byte[] oldPublic = Files.readAllBytes(keys.resolve("minisign.pub"));
    Path password = Files.writeString(dir.resolve("new-password"), "battery staple\n");

    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            Map.of("CAPSEM_JAVA_OPTS", "-Xmx256m"),
            "key",
            "generate",
            "--out-dir",
            keys.toString(),
            "--password-file",
            password.toString(),
            "--force");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("E571");
    run.assertNoStackTrace();
    assertThat(Files.readAllBytes(keys.resolve("minisign.key"))).isEqualTo(oldSecret);
    assertThat(Files.readAllBytes(keys.resolve("minisign.pub"))).isEqualTo(oldPublic);
  }

  @Test
  void keyGenerateForce_passwordRefusedHalfWay_keepsTheOldPair() throws Exception {
    Path keys = dir.resolve("keys");
    AdminProcess.Run first =
        AdminProcess.run(dir, "key", "generate", "--out-dir", keys.toString(), "--unencrypted");
    assertThat(first.exitCode()).isZero();
    byte[] oldSecret = Files.readAllBytes(keys.resolve("minisign.key"));
    // A password minisign could not read back (a NUL): refused while the new key is encoded.
    Path password = Files.write(dir.resolve("bad-password"), new byte[] {'a', 0, 'b', '\n'});

    AdminProcess.Run run =
        AdminProcess.run(
                dir,
                "key",
                "generate",
                "--out-dir",
                keys.toString(),
                "--password-file",
                password.toString(),
                "--force")
            .assertNoStackTrace();

    assertThat(run.exitCode()).isNotZero();
    assertThat(Files.readAllBytes(keys.resolve("minisign.key"))).isEqualTo(oldSecret);
    try (var files = Files.list(keys)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("minisign.key", "minisign.pub");
    }
  }

  @Test
  void hash_fifoStandardInputAndProcFiles_matchB3sum() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    byte[] content = "bytes through a pipe\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    AdminProcess.Run piped =
        AdminProcess.run(dir, "hash", fifo.toString(), "/proc/version").assertNoStackTrace();
    writer.join(10_000);
    Path plain = Files.write(dir.resolve("plain"), content);

    assertThat(piped.exitCode()).as(piped.stderr()).isZero();
    String[] lines = piped.stdout().split("\n");
    assertThat(lines[0]).isEqualTo(b3sum(plain).replace(plain.toString(), fifo.toString()));
    assertThat(lines[1]).isEqualTo(b3sum(Path.of("/proc/version")));
    assertThat(lines[0])
        .doesNotStartWith("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
  }

  @Test
  void hash_dashIsStandardInput() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain"), "from standard input\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                AdminProcess.repositoryRoot().resolve("bin/capsem-admin").toString(), "hash", "-")
            .redirectInput(plain.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(out).isEqualTo(b3sum(plain).replace(plain.toString(), "-") + "\n");
  }

  @Test
  void buildWorkspace_profileMissingAnArchsAssets_leavesNoOutFolder() throws Exception {
    // Ours, kept (docs/differences.md): upstream leaves an empty --out folder behind.
    Path out = dir.resolve("workspace");

    AdminProcess.Run run =
        AdminProcess.run(
                dir,
                "image",
                "build-workspace",
                Conformance.file("schemas/fixtures/profile-v2-valid.json").toString(),
                "--out",
                out.toString())
            .assertNoStackTrace();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("error[E102]");
    assertThat(out).doesNotExist();
  }

  /** {@code b3sum FILE}'s line, or skips (fails under CI) without b3sum. */
  private static String b3sum(Path file) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder("b3sum", file.toString()).start();
    } catch (IOException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but b3sum is not installed");
      }
      abort("b3sum is not installed");
      throw e;
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }
}
