package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.docker.oci.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release push} and {@code release pull} with the real jib-core client against Debian's
 * {@code docker-registry} on loopback: a small signed release folder goes up and comes back byte
 * for byte; a blob tampered in the registry's storage is E554 and leaves no folder; the registry
 * options refuse a password without a user. Skips without {@code docker-registry} (fails under
 * CI=true).
 */
class RegistryCommandsTest {

  @TempDir Path root;
  private LocalRegistry registry;
  private Path release;
  private String target;

  @BeforeEach
  void signedReleaseAndRegistry() throws Exception {
    registry = LocalRegistry.start(root, false, false);
    target = registry.address() + "/capsem/registry-test:1";
    release = Files.createDirectories(root.resolve("release/x86_64")).getParent();
    Files.writeString(release.resolve("manifest.json"), "{\"format\": 2}\n");
    byte[] blob = new byte[70_000];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (i * 31);
    }
    Files.write(release.resolve("x86_64/rootfs.squashfs"), blob);
    Admin.Run hash =
        Admin.run(
            "hash",
            release.resolve("manifest.json").toString(),
            release.resolve("x86_64/rootfs.squashfs").toString());
    assertThat(hash.exitCode()).as(hash.stderr()).isZero();
    Files.writeString(release.resolve("B3SUMS"), hash.stdout().replace(release + "/", ""));
    ok(Admin.run("key", "generate", "--out-dir", root.resolve("keys").toString(), "--unencrypted"));
    ok(
        Admin.run(
            "manifest",
            "sign",
            release.resolve("B3SUMS").toString(),
            "--key",
            root.resolve("keys/minisign.key").toString()));
  }

  @AfterEach
  void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushThenPull_withThePublicKey_givesEveryFileBackByteForByte() throws Exception {
    Admin.Run push = ok(Admin.run("release", "push", release.toString(), "--to", target, "--json"));
    assertThat(push.stdout()).contains("\"schema\": \"capsem.release-push.v1\"");

    Admin.Run pull =
        ok(
            Admin.run(
                "release",
                "pull",
                target,
                "--out",
                root.resolve("pulled").toString(),
                "--pubkey",
                root.resolve("keys/minisign.pub").toString(),
                "--json"));

    assertThat(pull.stdout()).contains("capsem.release-pull.v1").doesNotContain("W550");
    assertThat(contents(root.resolve("pulled"))).isEqualTo(contents(release));
  }

  @Test
  void pull_withoutAPublicKey_warnsW550() throws Exception {
    ok(Admin.run("release", "push", release.toString(), "--to", target));

    Admin.Run pull =
        ok(Admin.run("release", "pull", target, "--out", root.resolve("pulled").toString()));

    assertThat(pull.stdout() + pull.stderr()).contains("W550");
  }

  @Test
  void pull_blobTamperedInTheRegistry_isE554AsJsonAndLeavesNoFolder() throws Exception {
    Admin.Run push = ok(Admin.run("release", "push", release.toString(), "--to", target, "--json"));
    Matcher layer =
        Pattern.compile(
                "\"name\": \"x86_64/rootfs.squashfs\",[^}]*\"digest\": \"(sha256:[0-9a-f]{64})\"")
            .matcher(push.stdout());
    assertThat(layer.find()).as(push.stdout()).isTrue();
    Path blob = registry.blobData(layer.group(1));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(blob, bytes);

    Admin.Run pull =
        Admin.run("release", "pull", target, "--out", root.resolve("pulled").toString(), "--json");

    assertThat(pull.exitCode()).isNotZero();
    assertThat(pull.stdout()).contains("\"code\": \"E554\"");
    assertThat(root.resolve("pulled")).doesNotExist();
  }

  @Test
  void push_passwordFileWithoutAUser_isAUsageError() throws Exception {
    Path password = Files.writeString(root.resolve("password"), "secret\n");

    Admin.Run push =
        Admin.run(
            "release",
            "push",
            release.toString(),
            "--to",
            target,
            "--registry-password-file",
            password.toString());

    assertThat(push.exitCode()).isEqualTo(2);
    assertThat(push.stderr()).contains("--registry-password-file needs --registry-username");
  }

  private static Admin.Run ok(Admin.Run run) {
    assertThat(run.exitCode()).as("%s%n%s", run.stdout(), run.stderr()).isZero();
    return run;
  }

  /** Every file under {@code dir}: relative path to its text (ISO-8859-1, byte for byte). */
  private static Map<String, String> contents(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(file).toString(),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
