package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the three minisign file parsers (issue 15, item 12): signatures, public keys and secret
 * keys. Bad input is a refusal (a result or a {@link SigningException}), never another exception.
 * The fixed halves are a throwaway key pair of these tests.
 */
class SignatureFilesFuzzTest {

  private static final byte[] PAYLOAD = "capsem fuzz payload\n".getBytes(StandardCharsets.UTF_8);

  private static final String PUBLIC_KEY =
      "untrusted comment: minisign public key 94B9533D4859560\n"
          + "RWRglYXUM5VLCXrkrx/gmgY7KYW3ONDTzXef5BeiHGifk3Km7KZsAFUf\n";

  private static final String SIGNATURE =
      "untrusted comment: signature from minisign secret key\n"
          + "RURglYXUM5VLCYchCDt4FfLv4g8hbRwoSz4elboza57hLBNlKqXUW15a72EwboN5ZCvUgZD94+ubF2usosieBvW32vnhmTMkWgs=\n"
          + "trusted comment: timestamp:1796463012\tfile:payload.txt\thashed\n"
          + "r5kZOjD+q5Sa9Dg/t6PESZTptjfbJXwQMSdL1z2L2ZG5Wwzk5lzg/3EsEESToxXhg7QSAtqFlTlbuA62wNczBA==\n";

  @FuzzTest
  void minisig(byte[] input) {
    for (VerifyOptions options :
        new VerifyOptions[] {VerifyOptions.cli(), VerifyOptions.runtime()}) {
      SignatureVerification result =
          Minisign.verifier()
              .verify(PAYLOAD, input, PUBLIC_KEY.getBytes(StandardCharsets.UTF_8), options);
      assertThat(result.message()).isNotBlank();
    }
  }

  @FuzzTest
  void publicKey(byte[] input) {
    SignatureVerification result =
        Minisign.verifier()
            .verify(
                PAYLOAD, SIGNATURE.getBytes(StandardCharsets.UTF_8), input, VerifyOptions.cli());
    assertThat(result.message()).isNotBlank();
  }

  @FuzzTest
  void secretKey(byte[] input) throws IOException {
    // No password: an encrypted key is refused before scrypt runs, so one input never takes a
    // gigabyte; every parsing step before it, and all of an unencrypted key, is fuzzed.
    try (SigningKey key = Minisign.signer().open(input, PasswordSource.none())) {
      assertThat(key.publicKeyText()).startsWith("untrusted comment: ");
      key.sign(PAYLOAD, dev.capsem.core.ports.SignatureComments.defaults("fuzz", 0));
    } catch (SigningException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
