package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the real {@code minisign} 0.11 CLI in both directions (decision D7, spec
 * manifest-signing.md §4.8): its keys sign with us and its {@code -V} verifies our signatures; our
 * keys open in its {@code -S}; for malformed input both give the same outcome and text.
 */
class MinisignCliInteropTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final byte[] PAYLOAD =
      "{\"format\":1,\"profiles\":{\"caf\u00e9\":\"d\u00e9j\u00e0 vu\"}}"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private MinisignCli minisign;
  private Path payload;

  @BeforeEach
  void setUp() throws Exception {
    minisign = MinisignCli.require();
    payload = Files.write(dir.resolve("payload.json"), PAYLOAD);
  }

  @Test
  void minisignVerify_ourSignatureWithMinisignUnencryptedKey_verifies() throws Exception {
    assertSucceeded(minisign.run(dir, "", "-G", "-W", "-p", "mini.pub", "-s", "mini.key"));

    Minisign.signer()
        .signFile(
            payload,
            dir.resolve("mini.key"),
            PasswordSource.none(),
            SignatureComments.defaults("payload.json", 1779328520L),
            dir.resolve("payload.json.minisig"));

    assertMinisignAndWeVerify("mini.pub", "payload.json.minisig");
  }

  @Test
  void minisignVerify_ourSignatureWithMinisignEncryptedKey_verifies() throws Exception {
    assertSucceeded(
        minisign.run(
            dir, PASSWORD + "\n" + PASSWORD + "\n", "-G", "-p", "mini.pub", "-s", "mini.key"));

    try (SigningKey key =
        Minisign.signer()
            .open(dir.resolve("mini.key"), PasswordSource.of(PASSWORD.toCharArray()))) {
      key.signFile(
          payload,
          SignatureComments.trusted("signed by capsem with a key minisign made"),
          dir.resolve("payload.json.minisig"));
      assertThat(key.publicKeyText()).isEqualTo(Files.readString(dir.resolve("mini.pub")));
    }

    assertMinisignAndWeVerify("mini.pub", "payload.json.minisig");
  }

  @Test
  void minisignSign_ourUnencryptedKey_signsAndRecreatesOurPublicKey() throws Exception {
    KeyId keyId =
        Minisign.keyGenerator()
            .generateFiles(
                dir.resolve("our.pub"), dir.resolve("our.key"), KeyProtection.unencrypted(), false);

    assertSucceeded(
        minisign.run(
            dir, "", "-S", "-s", "our.key", "-m", "payload.json", "-x", "m.minisig", "-t", "tc"));
    assertSucceeded(minisign.run(dir, "", "-R", "-s", "our.key", "-p", "recreated.pub"));

    assertThat(Files.readString(dir.resolve("recreated.pub")))
        .isEqualTo(Files.readString(dir.resolve("our.pub")))
        .contains(keyId.hex());
    SignatureVerification verified = assertMinisignAndWeVerify("our.pub", "m.minisig");
    assertThat(((SignatureVerification.Verified) verified).trustedComment()).isEqualTo("tc");
  }

  @Test
  void generate_unencrypted_hasTheLayoutOfMinisignDashW() throws Exception {
    assertSucceeded(minisign.run(dir, "", "-G", "-W", "-p", "mini.pub", "-s", "mini.key"));
    GeneratedKeyPair ours = TestKeys.unencrypted(7);

    String[] theirs = Files.readString(dir.resolve("mini.key")).split("\n", -1);
    String[] mine = ours.secretKeyText().split("\n", -1);
    assertThat(mine).hasSize(3);
    assertThat(mine[0])
        .isEqualTo(theirs[0])
        .isEqualTo("untrusted comment: minisign encrypted secret key");
    assertThat(mine[2]).isEqualTo(theirs[2]).isEmpty();
    byte[] theirKey = Base64.getDecoder().decode(theirs[1]);
    byte[] myKey = Base64.getDecoder().decode(mine[1]);
    assertThat(myKey).hasSize(158).hasSameSizeAs(theirKey);
    // Algorithms, salt and limits (zero for -W), then key id, seed, public key, zero checksum.
    assertThat(Arrays.copyOfRange(myKey, 0, 54)).isEqualTo(Arrays.copyOfRange(theirKey, 0, 54));
    assertThat(Arrays.copyOfRange(myKey, 126, 158)).isEqualTo(new byte[32]);
    assertThat(Arrays.copyOfRange(theirKey, 126, 158)).isEqualTo(new byte[32]);
    String[] theirPub = Files.readString(dir.resolve("mini.pub")).split("\n", -1);
    assertThat(theirPub[0]).startsWith("untrusted comment: minisign public key ");
    assertThat(ours.publicKeyText())
        .startsWith("untrusted comment: minisign public key ")
        .endsWith("\n");
  }

  @Test
  void minisignSign_ourEncryptedKeyWithMinisignLimits_opensWithThePasswordOnly() throws Exception {
    Minisign.keyGenerator()
        .generateFiles(
            dir.resolve("our.pub"),
            dir.resolve("our.key"),
            KeyProtection.scrypt(PasswordSource.of(PASSWORD.toCharArray())),
            false);

    MinisignCli.Result wrong =
        minisign.run(dir, "wrong password\n", "-S", "-s", "our.key", "-m", "payload.json");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.stderr()).endsWith("Wrong password for that key\n");
    assertThat(dir.resolve("payload.json.minisig")).doesNotExist();

    assertSucceeded(
        minisign.run(dir, PASSWORD + "\n", "-S", "-s", "our.key", "-m", "payload.json"));
    assertMinisignAndWeVerify("our.pub", "payload.json.minisig");
  }

  /**
   * Small limits that make libsodium pick p = 16 (its second branch): minisign decrypting the key
   * proves our copy of the parameter derivation, not just the default.
   */
  @Test
  void minisignSign_ourEncryptedKeyWithParallelScrypt_opens() throws Exception {
    assertThat(ScryptParameters.fromLimits(8_388_608L, 16_777_216L))
        .isEqualTo(new ScryptParameters(14, 8, 16));
    Minisign.keyGenerator()
        .generateFiles(
            dir.resolve("our.pub"),
            dir.resolve("our.key"),
            new KeyProtection.Scrypt(
                PasswordSource.of(PASSWORD.toCharArray()), 8_388_608L, 16_777_216L),
            false);

    assertSucceeded(
        minisign.run(dir, PASSWORD + "\n", "-S", "-s", "our.key", "-m", "payload.json"));
    assertMinisignAndWeVerify("our.pub", "payload.json.minisig");
  }

  @Test
  void verify_minisignSignatureWithBothComments_returnsThem() throws Exception {
    assertSucceeded(minisign.run(dir, "", "-G", "-W", "-p", "mini.pub", "-s", "mini.key"));
    assertSucceeded(
        minisign.run(
            dir,
            "",
            "-S",
            "-s",
            "mini.key",
            "-m",
            "payload.json",
            "-c",
            "made by minisign",
            "-t",
            "timestamp:1\tfile:payload.json\thashed"));

    SignatureVerification result = assertMinisignAndWeVerify("mini.pub", "payload.json.minisig");

    SignatureVerification.Verified verified = (SignatureVerification.Verified) result;
    assertThat(verified.untrustedComment()).isEqualTo("made by minisign");
    assertThat(verified.trustedComment()).isEqualTo("timestamp:1\tfile:payload.json\thashed");
  }

  @Test
  void verify_minisignLegacySignature_needsTheOptIn() throws Exception {
    assertSucceeded(minisign.run(dir, "", "-G", "-W", "-p", "mini.pub", "-s", "mini.key"));
    assertSucceeded(minisign.run(dir, "", "-S", "-l", "-s", "mini.key", "-m", "payload.json"));
    byte[] signature = Files.readAllBytes(dir.resolve("payload.json.minisig"));
    byte[] publicKey = Files.readAllBytes(dir.resolve("mini.pub"));

    SignatureVerification refused =
        Minisign.verifier().verify(PAYLOAD, signature, publicKey, VerifyOptions.cli());
    MinisignCli.Result requirePrehash =
        minisign.run(dir, "", "-Vm", "payload.json", "-p", "mini.pub", "-H");

    assertThat(refused.failure().orElseThrow().kind())
        .isEqualTo(SignatureFailureKind.LEGACY_NOT_ALLOWED);
    assertThat(requirePrehash.exitCode()).isEqualTo(1);
    assertThat(refused.message()).isEqualTo(requirePrehash.stderr());
    assertThat(
            Minisign.verifier()
                .verify(PAYLOAD, signature, publicKey, VerifyOptions.runtime())
                .message())
        .isEqualTo("verify: Unexpected signature algorithm");
    assertThat(
            Minisign.verifier()
                .verify(PAYLOAD, signature, publicKey, VerifyOptions.cli().allowingLegacy())
                .ok())
        .isTrue();
  }

  /**
   * For each malformed or altered input, our CLI policy gives minisign's exit code and its exact
   * stderr (or stdout on success); once as {@code minisign -V} (legacy allowed), once with {@code
   * -H}.
   */
  @TestFactory
  Stream<DynamicTest> verify_malformedInput_sameOutcomeAndTextAsMinisign() {
    GeneratedKeyPair pair = TestKeys.unencrypted(42);
    String signature;
    try (SigningKey key = TestKeys.open(pair)) {
      signature = key.sign(PAYLOAD, SignatureComments.defaults("payload.json", 1779328520L));
    }
    String pub = pair.publicKeyText();
    String[] s = signature.split("\n");
    String[] p = pub.split("\n");
    List<ParityCase> cases = new ArrayList<>();
    cases.add(new ParityCase("valid", signature, pub));
    cases.add(new ParityCase("empty signature file", "", pub));
    cases.add(new ParityCase("only the untrusted comment", s[0] + "\n", pub));
    cases.add(new ParityCase("untrusted comment without newline", s[0], pub));
    cases.add(new ParityCase("untrusted comment prefix wrong", "U" + signature.substring(1), pub));
    cases.add(
        new ParityCase(
            "untrusted comment too long",
            "untrusted comment: " + "x".repeat(1100) + "\n" + rest(s, 1),
            pub));
    cases.add(
        new ParityCase(
            "untrusted comment at the limit",
            "untrusted comment: " + "x".repeat(1003) + "\n" + rest(s, 1),
            pub));
    cases.add(
        new ParityCase("NUL in untrusted comment", "untrusted comment: a\0b\n" + rest(s, 1), pub));
    cases.add(new ParityCase("signature line not base64", lines(s[0], "!!!!", s[2], s[3]), pub));
    cases.add(
        new ParityCase(
            "signature line one byte short",
            lines(s[0], b64(Arrays.copyOf(decode(s[1]), 73)), s[2], s[3]),
            pub));
    cases.add(
        new ParityCase("signature line too long", lines(s[0], s[1] + "AAAA", s[2], s[3]), pub));
    cases.add(
        new ParityCase(
            "signature line without padding", lines(s[0], s[1].replace("=", ""), s[2], s[3]), pub));
    cases.add(new ParityCase("trusted comment missing", s[0] + "\n" + s[1] + "\n", pub));
    cases.add(
        new ParityCase(
            "trusted comment prefix wrong",
            lines(s[0], s[1], "Trusted" + s[2].substring(7), s[3]),
            pub));
    cases.add(
        new ParityCase(
            "trusted comment too long",
            lines(s[0], s[1], "trusted comment: " + "y".repeat(9000), s[3]),
            pub));
    cases.add(new ParityCase("trusted comment last line", s[0] + "\n" + s[1] + "\n" + s[2], pub));
    cases.add(
        new ParityCase("global signature missing", s[0] + "\n" + s[1] + "\n" + s[2] + "\n", pub));
    cases.add(new ParityCase("global signature not base64", lines(s[0], s[1], s[2], "%%%%"), pub));
    cases.add(
        new ParityCase(
            "global signature one byte long",
            lines(s[0], s[1], s[2], b64(Arrays.copyOf(decode(s[3]), 65))),
            pub));
    cases.add(
        new ParityCase(
            "unknown algorithm",
            lines(s[0], b64(withBytes(decode(s[1]), 0, 'X', 'x')), s[2], s[3]),
            pub));
    cases.add(
        new ParityCase(
            "prehashed signature tagged legacy",
            lines(s[0], b64(withBytes(decode(s[1]), 1, 'd')), s[2], s[3]),
            pub));
    cases.add(
        new ParityCase(
            "other key id", lines(s[0], b64(withBytes(decode(s[1]), 2, 0x55)), s[2], s[3]), pub));
    cases.add(
        new ParityCase(
            "signature changed",
            lines(s[0], b64(withBytes(decode(s[1]), 40, 0x55)), s[2], s[3]),
            pub));
    cases.add(
        new ParityCase(
            "global signature changed",
            lines(s[0], s[1], s[2], b64(withBytes(decode(s[3]), 5, 0x55))),
            pub));
    cases.add(new ParityCase("trusted comment changed", lines(s[0], s[1], s[2] + "!", s[3]), pub));
    cases.add(
        new ParityCase(
            "CR inside the trusted comment",
            lines(s[0], s[1], s[2].replace('\t', '\r'), s[3]),
            pub));
    cases.add(
        new ParityCase(
            "CRLF line endings", signature.replace("\n", "\r\n"), pub.replace("\n", "\r\n")));
    cases.add(
        new ParityCase(
            "no final newline",
            signature.substring(0, signature.length() - 1),
            pub.substring(0, pub.length() - 1)));
    cases.add(
        new ParityCase("extra lines after the signature", signature + "anything\nat all\n", pub));
    cases.add(new ParityCase("empty public key file", signature, ""));
    cases.add(new ParityCase("public key without comment line", signature, p[1] + "\n"));
    cases.add(new ParityCase("public key not base64", signature, p[0] + "\n" + "RW??\n"));
    cases.add(
        new ParityCase(
            "public key one byte short",
            signature,
            p[0] + "\n" + b64(Arrays.copyOf(decode(p[1]), 41)) + "\n"));
    cases.add(
        new ParityCase(
            "public key tagged ED",
            signature,
            p[0] + "\n" + b64(withBytes(decode(p[1]), 1, 'D')) + "\n"));
    cases.add(
        new ParityCase(
            "public key changed",
            signature,
            p[0] + "\n" + b64(withBytes(decode(p[1]), 20, 0x55)) + "\n"));
    cases.add(new ParityCase("public key comment anything", signature, "whatever\n" + p[1] + "\n"));

    List<DynamicTest> tests = new ArrayList<>();
    for (ParityCase parityCase : cases) {
      tests.add(dynamicTest(parityCase.name(), () -> checkParity(parityCase, false)));
      tests.add(dynamicTest(parityCase.name() + " (-H)", () -> checkParity(parityCase, true)));
    }
    return tests.stream();
  }

  private void checkParity(ParityCase parityCase, boolean requirePrehash) throws Exception {
    Files.write(
        dir.resolve("case.minisig"), parityCase.signature().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("case.pub"), parityCase.publicKey().getBytes(StandardCharsets.UTF_8));
    List<String> arguments =
        new ArrayList<>(List.of("-Vm", "payload.json", "-x", "case.minisig", "-p", "case.pub"));
    if (requirePrehash) {
      arguments.add("-H");
    }
    MinisignCli.Result theirs = minisign.run(dir, "", arguments.toArray(String[]::new));
    VerifyOptions options = VerifyOptions.cli().namingSignature("case.minisig");

    SignatureVerification ours =
        Minisign.verifier()
            .verify(
                PAYLOAD,
                parityCase.signature(),
                parityCase.publicKey(),
                requirePrehash ? options : options.allowingLegacy());

    if (theirs.exitCode() == 0) {
      assertThat(ours.ok()).as("minisign accepted it").isTrue();
      assertThat(ours.message()).isEqualTo(theirs.stdout());
    } else {
      assertThat(ours.failure()).as("minisign refused it: " + theirs.stderr()).isPresent();
      assertThat(ours.failure().orElseThrow().kind().cliExitCode()).isEqualTo(theirs.exitCode());
      assertThat(ours.message()).isEqualTo(theirs.stderr());
    }
  }

  /**
   * The one place we are stricter than minisign on purpose: base64 whose unused low bits are not
   * zero. minisign ignores those bits, so two texts would carry the same signature; we refuse the
   * non-canonical one, so no edit of a signature line goes unnoticed.
   */
  @Test
  void verify_nonCanonicalBase64_minisignAcceptsWeRefuse() throws Exception {
    GeneratedKeyPair pair = TestKeys.unencrypted(42);
    String signature;
    try (SigningKey key = TestKeys.open(pair)) {
      signature = key.sign(PAYLOAD, SignatureComments.defaults("payload.json", 1779328520L));
    }
    String[] s = signature.split("\n");
    // 74 bytes end in a 3-character group: its last character carries 2 unused bits.
    String line = s[1];
    char last = line.charAt(line.length() - 2);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String altered = lines(s[0], line.substring(0, line.length() - 2) + sibling + "=", s[2], s[3]);
    Files.write(dir.resolve("case.minisig"), altered.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("case.pub"), pair.publicKeyText());

    MinisignCli.Result theirs =
        minisign.run(dir, "", "-Vm", "payload.json", "-x", "case.minisig", "-p", "case.pub");
    SignatureVerification ours =
        Minisign.verifier().verify(PAYLOAD, altered, pair.publicKeyText(), VerifyOptions.cli());

    assertThat(theirs.exitCode()).isZero();
    assertThat(ours.failure().orElseThrow().kind())
        .isEqualTo(SignatureFailureKind.MALFORMED_BASE64);
    assertThat(ours.message())
        .isEqualTo("base64 conversion failed - was an actual signature given?\n");
  }

  private SignatureVerification assertMinisignAndWeVerify(String publicKey, String signature)
      throws Exception {
    MinisignCli.Result theirs =
        minisign.run(dir, "", "-Vm", "payload.json", "-x", signature, "-p", publicKey, "-H");
    SignatureVerification ours =
        Minisign.verifier()
            .verifyFiles(
                payload, dir.resolve(signature), dir.resolve(publicKey), VerifyOptions.cli());

    assertThat(theirs.exitCode()).as(theirs.stderr()).isZero();
    assertThat(ours.ok()).as(ours.message()).isTrue();
    assertThat(ours.message()).isEqualTo(theirs.stdout());
    return ours;
  }

  private static void assertSucceeded(MinisignCli.Result result) {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  private record ParityCase(String name, String signature, String publicKey) {}

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static String rest(String[] lines, int from) {
    return lines(Arrays.copyOfRange(lines, from, lines.length));
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] withBytes(byte[] bytes, int offset, int... values) {
    byte[] copy = bytes.clone();
    for (int i = 0; i < values.length; i++) {
      copy[offset + i] = (byte) values[i];
    }
    return copy;
  }
}
