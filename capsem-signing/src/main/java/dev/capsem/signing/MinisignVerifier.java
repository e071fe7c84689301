package dev.capsem.signing;

import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.VerificationPolicy;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Native minisign verification. One implementation, two policies: they differ in how files are read
 * ({@link CliFormat} or {@link RuntimeFormat}), in the order of the key-id and legacy checks, and
 * in the messages.
 */
final class MinisignVerifier implements SignatureVerifier {

  /**
   * minisign reads at most 1023 + 102 + 8191 + 90 bytes of a signature file and ignores the rest;
   * reading a bounded head keeps a huge or endless "signature" from filling the heap.
   */
  static final int MAX_KEY_OR_SIGNATURE_BYTES = 16 * 1024;

  @Override
  public SignatureVerification verify(
      byte[] payload, byte[] signatureFile, byte[] publicKeyFile, VerifyOptions options) {
    return verify(
        new InMemoryPayload(payload),
        new Source("public key", () -> publicKeyFile),
        new Source(options.signatureName(), () -> signatureFile),
        options);
  }

  @Override
  public SignatureVerification verifyFiles(
      Path payload, Path signatureFile, Path publicKeyFile, VerifyOptions options) {
    return verify(
        new FilePayload(payload),
        new Source(publicKeyFile.toString(), () -> readHead(publicKeyFile)),
        new Source(
            options.signatureName().equals(VerifyOptions.UNNAMED_SIGNATURE)
                ? signatureFile.toString()
                : options.signatureName(),
            () -> readHead(signatureFile)),
        options);
  }

  private SignatureVerification verify(
      Payload payload, Source publicKeyFile, Source signatureFile, VerifyOptions options) {
    boolean cli = options.policy() == VerificationPolicy.MINISIGN_CLI;
    try {
      PublicKeyData key;
      SignatureData signature;
      byte[] signed;
      if (cli) {
        key = CliFormat.parsePublicKey(read(publicKeyFile, true, ""));
        signature = CliFormat.parseSignature(read(signatureFile, true, ""));
        // minisign refuses a legacy signature first, then reads the payload, then compares ids.
        requireAllowed(signature, options, "Legacy (non-prehashed) signature found\n");
        signed = signedBytes(signature.algorithm(), payload, true);
        requireSameKey(signature, key, signatureFile.name(), true);
      } else {
        key = RuntimeFormat.parsePublicKey(read(publicKeyFile, false, "decode pubkey: "));
        signature = RuntimeFormat.parseSignature(read(signatureFile, false, "decode signature: "));
        // minisign-verify compares ids first, then refuses a legacy signature.
        requireSameKey(signature, key, signatureFile.name(), false);
        requireAllowed(signature, options, "verify: Unexpected signature algorithm");
        signed = signedBytes(signature.algorithm(), payload, false);
      }
      if (!MinisignFormat.ed25519Verify(key.key(), signed, signature.signature())) {
        throw new Refusal(
            SignatureFailureKind.BAD_SIGNATURE,
            cli ? "Signature verification failed\n" : "verify: The signature verification failed");
      }
      byte[] global =
          MinisignFormat.globalSignedBytes(signature.signature(), signature.trustedComment());
      if (!MinisignFormat.ed25519Verify(key.key(), global, signature.globalSignature())) {
        throw new Refusal(
            SignatureFailureKind.BAD_GLOBAL_SIGNATURE,
            cli
                ? "Comment signature verification failed\n"
                : "verify: The signature verification failed");
      }
      return new SignatureVerification.Verified(
          signature.keyId(),
          signature.algorithm(),
          new String(signature.trustedComment(), StandardCharsets.UTF_8),
          signature.untrustedComment());
    } catch (Refusal refusal) {
      return new SignatureVerification.Rejected(refusal.failure());
    }
  }

  private static void requireSameKey(
      SignatureData signature, PublicKeyData key, String signatureName, boolean cli)
      throws Refusal {
    if (!signature.keyId().equals(key.keyId())) {
      throw new Refusal(
          SignatureFailureKind.WRONG_KEY_ID,
          cli
              ? "Signature key id in "
                  + signatureName
                  + " is "
                  + signature.keyId().hex()
                  + "\nbut the key id in the public key is "
                  + key.keyId().hex()
                  + "\n"
              : "verify: The signature was created with a different key than the one provided");
    }
  }

  private static void requireAllowed(SignatureData signature, VerifyOptions options, String text)
      throws Refusal {
    if (signature.algorithm() == SignatureAlgorithm.LEGACY && !options.allowLegacy()) {
      throw new Refusal(SignatureFailureKind.LEGACY_NOT_ALLOWED, text);
    }
  }

  /** What the Ed25519 signature covers: the BLAKE2b-512 digest, or the whole legacy payload. */
  private static byte[] signedBytes(SignatureAlgorithm algorithm, Payload payload, boolean cli)
      throws Refusal {
    try {
      return algorithm == SignatureAlgorithm.PREHASHED ? payload.prehash() : payload.bytes();
    } catch (IOException e) {
      throw new Refusal(
          SignatureFailureKind.UNREADABLE,
          cli ? perror(payload.name(), e) : "verify: I/O error: " + reason(e));
    }
  }

  private static byte[] read(Source source, boolean cli, String runtimePrefix) throws Refusal {
    try {
      return source.reader().read();
    } catch (IOException e) {
      throw new Refusal(
          SignatureFailureKind.UNREADABLE,
          cli ? perror(source.name(), e) : runtimePrefix + "I/O error: " + reason(e));
    }
  }

  /** What minisign's {@code exit_err(path)} prints: {@code perror(path)}. */
  private static String perror(String name, IOException e) {
    return name + ": " + reason(e) + "\n";
  }

  /** The {@code strerror} text minisign's {@code perror} would print, where Java knows it. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static byte[] readHead(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_KEY_OR_SIGNATURE_BYTES);
    }
  }

  /**
   * A key or signature file, read only when the check order reaches it.
   *
   * @param name how messages name it
   * @param reader reads its bytes
   */
  private record Source(String name, Reader reader) {}

  @FunctionalInterface
  private interface Reader {
    byte[] read() throws IOException;
  }

  /** The signed payload, hashed or read whole depending on the signature's algorithm. */
  private interface Payload {
    byte[] prehash() throws IOException;

    byte[] bytes() throws IOException;

    String name();
  }

  private record InMemoryPayload(byte[] payload) implements Payload {
    @Override
    public byte[] prehash() {
      return MinisignFormat.prehash(payload);
    }

    @Override
    public byte[] bytes() {
      return payload;
    }

    @Override
    public String name() {
      return "payload";
    }
  }

  private record FilePayload(Path file) implements Payload {
    @Override
    public byte[] prehash() throws IOException {
      return MinisignFormat.prehash(file);
    }

    @Override
    public byte[] bytes() throws IOException {
      return Files.readAllBytes(file);
    }

    @Override
    public String name() {
      return file.toString();
    }
  }
}
