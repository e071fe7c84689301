package dev.capsem.core.api;

import java.util.List;

/** {@code capsem-admin key generate} and {@code capsem-admin hash}. */
public interface SigningUseCases {

  /**
   * Writes a new minisign key pair; the result's messages name both files and the key id. A failure
   * to protect the key ({@code error}) comes with the password problem's kind in words.
   */
  Generated generateKeys(GenerateKeysRequest request);

  /** BLAKE3 of each file, as {@code b3sum FILE...} prints it; {@code shownAs} in the same order. */
  FileHashes hash(List<java.nio.file.Path> files, List<String> shownAs);

  /**
   * Signs every file of a release with one key (opened once, and only when a signature must be
   * written), keeping unchanged signatures, and writes the public key.
   */
  SignedFiles signFiles(SignFilesRequest request);
}
