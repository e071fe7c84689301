package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import java.util.List;

/** {@code capsem-admin key generate}, {@code capsem-admin hash}, and signing a release's files. */
public interface SigningUseCases {

  /** Writes a new minisign key pair; the text names both files and the key id. */
  Outcome<TextReport> generateKeys(GenerateKeysRequest request);

  /** BLAKE3 of each file, as {@code b3sum FILE...} prints it; unreadable files are failures. */
  Outcome<TextReport> hash(List<GivenPath> files);

  /**
   * Signs every file with one key (opened once, and only when a signature must be written), keeping
   * unchanged signatures, and writes the public key.
   */
  Outcome<TextReport> signFiles(SignFilesRequest request);
}
