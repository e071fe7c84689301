package dev.capsem.core.internal.release;

import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import java.io.IOException;

/**
 * The release key, opened at most once per release (an encrypted key costs a password prompt and a
 * second of scrypt) for every signature and the provenance envelope, and wiped when the release
 * ends.
 */
final class ReleaseKey implements AutoCloseable {

  private final ReleaseConfig.Signing signing;
  private final Signer signer;
  private SigningKey opened;

  ReleaseKey(ReleaseConfig.Signing signing, Signer signer) {
    this.signing = signing;
    this.signer = signer;
  }

  /** The opened key; the caller must not close it. */
  SigningKey open() throws IOException, SigningException {
    if (opened == null) {
      opened = signer.open(signing.key().path(), signing.password());
    }
    return opened;
  }

  @Override
  public void close() {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }
}
