package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinisignKeyGeneratorTest {

  /** Cheap scrypt (N = 2^10) so these tests stay fast; minisign's limits are tested elsewhere. */
  private static KeyProtection cheapScrypt(String password) {
    return new KeyProtection.Scrypt(
        PasswordSource.of(password.toCharArray()),
        KeyProtection.MIN_OPS_LIMIT,
        KeyProtection.MIN_MEM_LIMIT);
  }

  @TempDir Path dir;

  @Test
  void generate_sameSeed_sameKeyPair() throws Exception {
    GeneratedKeyPair first = TestKeys.unencrypted(9);
    GeneratedKeyPair second = TestKeys.unencrypted(9);

    assertThat(second).isEqualTo(first);
    assertThat(first.toString()).doesNotContain(first.secretKeyText().split("\n")[1]);
    assertThat(first.publicKeyText())
        .startsWith("untrusted comment: minisign public key " + first.keyId().hex() + "\nRW")
        .endsWith("\n");
  }

  @Test
  void generate_scrypt_opensWithItsPasswordOnly() throws Exception {
    GeneratedKeyPair pair = Minisign.keyGenerator().generate(cheapScrypt("pässwörd"));
    byte[] keyFile = pair.secretKeyText().getBytes(StandardCharsets.US_ASCII);

    try (SigningKey key =
        Minisign.signer().open(keyFile, PasswordSource.of("pässwörd".toCharArray()))) {
      String signature = key.sign(new byte[] {1}, SignatureComments.trusted("t"));
      assertThat(
              Minisign.verifier()
                  .verify(new byte[] {1}, signature, pair.publicKeyText(), VerifyOptions.cli())
                  .ok())
          .isTrue();
    }
    assertThatThrownBy(
            () -> Minisign.signer().open(keyFile, PasswordSource.of("passwörd".toCharArray())))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.WRONG_PASSWORD));
    assertThatThrownBy(() -> Minisign.signer().open(keyFile, PasswordSource.none()))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SignatureFailureKind.PASSWORD_REQUIRED);
              assertThat(e.getMessage())
                  .isEqualTo("a password is required to decrypt the secret key");
            });
  }

  @Test
  void generate_scryptWithoutPassword_isPasswordRequired() {
    assertThatThrownBy(
            () -> Minisign.keyGenerator().generate(KeyProtection.scrypt(PasswordSource.none())))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.PASSWORD_REQUIRED));
  }

  @Test
  void generate_passwordMinisignCannotRead_isInvalidPassword() {
    assertThatThrownBy(() -> Minisign.keyGenerator().generate(cheapScrypt("two\nlines")))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.INVALID_PASSWORD));
    assertThatThrownBy(() -> Minisign.keyGenerator().generate(cheapScrypt("x".repeat(1024))))
        .isInstanceOfSatisfying(
            SigningException.class, e -> assertThat(e.getMessage()).contains("1024 UTF-8 bytes"));
  }

  @Test
  void generateFiles_fresh_writesBothFilesSecretOwnerOnly() throws Exception {
    Path pub = dir.resolve("k.pub");
    Path key = dir.resolve("k.key");

    KeyId keyId =
        Minisign.keyGenerator().generateFiles(pub, key, KeyProtection.unencrypted(), false);

    assertThat(Files.readString(pub)).contains(keyId.hex());
    try (SigningKey opened = Minisign.signer().open(key, PasswordSource.none())) {
      assertThat(opened.keyId()).isEqualTo(keyId);
      assertThat(opened.publicKeyText()).isEqualTo(Files.readString(pub));
    }
    if (Files.getFileAttributeView(key, java.nio.file.attribute.PosixFileAttributeView.class)
        != null) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)))
          .isEqualTo("rw-r--r--");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void generateFiles_existingFileWithoutOverwrite_refusesAndChangesNothing() throws Exception {
    Path pub = Files.writeString(dir.resolve("k.pub"), "keep me");
    Path key = dir.resolve("k.key");
    PasswordSource neverAsked =
        () -> {
          throw new AssertionError("no password may be read before the refusal");
        };

    assertThatThrownBy(
            () ->
                Minisign.keyGenerator()
                    .generateFiles(pub, key, KeyProtection.scrypt(neverAsked), false))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("k.pub");

    assertThat(Files.readString(pub)).isEqualTo("keep me");
    assertThat(key).doesNotExist();
  }

  @Test
  void generateFiles_existingFilesWithOverwrite_replacesBoth() throws Exception {
    Path pub = Files.writeString(dir.resolve("k.pub"), "old");
    Path key = Files.writeString(dir.resolve("k.key"), "old");

    KeyId keyId =
        Minisign.keyGenerator().generateFiles(pub, key, KeyProtection.unencrypted(), true);

    assertThat(Files.readString(pub)).contains(keyId.hex());
    assertThat(Files.readString(key))
        .startsWith("untrusted comment: minisign encrypted secret key\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void generateFiles_samePathTwice_isRefused() {
    Path same = dir.resolve("k");

    assertThatThrownBy(
            () ->
                Minisign.keyGenerator()
                    .generateFiles(same, same, KeyProtection.unencrypted(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generateFiles_overwriteWhoseSecondRenameFails_keepsTheOldPair() throws Exception {
    Path key = Files.writeString(dir.resolve("k.key"), "old secret");
    // A non-empty folder where the public key goes: the secret key's rename succeeds, the public
    // key's fails, as a full disk or a killed process would leave it half way.
    Path pub = Files.createDirectory(dir.resolve("k.pub"));
    Files.writeString(pub.resolve("blocker"), "x");

    assertThatThrownBy(
            () ->
                Minisign.keyGenerator().generateFiles(pub, key, KeyProtection.unencrypted(), true))
        .isInstanceOf(java.io.IOException.class);

    assertThat(Files.readString(key)).isEqualTo("old secret");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no staged or backup file is left behind")
          .containsExactlyInAnyOrder("k.key", "k.pub");
    }
  }

  @Test
  void generateFiles_overwriteWhosePasswordIsRefused_keepsTheOldPair() throws Exception {
    Path pub = Files.writeString(dir.resolve("k.pub"), "old public");
    Path key = Files.writeString(dir.resolve("k.key"), "old secret");

    assertThatThrownBy(
            () -> Minisign.keyGenerator().generateFiles(pub, key, cheapScrypt("line\nbreak"), true))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.INVALID_PASSWORD));

    assertThat(Files.readString(pub)).isEqualTo("old public");
    assertThat(Files.readString(key)).isEqualTo("old secret");
  }

  @Test
  void generateFiles_overwrite_newPairOpensAndNoBackupRemains() throws Exception {
    Path pub = Files.writeString(dir.resolve("k.pub"), "old public");
    Path key = Files.writeString(dir.resolve("k.key"), "old secret");

    KeyId keyId = Minisign.keyGenerator().generateFiles(pub, key, cheapScrypt("pw"), true);

    try (SigningKey opened = Minisign.signer().open(key, PasswordSource.of("pw".toCharArray()))) {
      assertThat(opened.keyId()).isEqualTo(keyId);
      assertThat(opened.publicKeyText()).isEqualTo(Files.readString(pub));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }
}
