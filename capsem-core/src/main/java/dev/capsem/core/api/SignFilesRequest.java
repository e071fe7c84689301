package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.ports.PasswordSource;
import java.util.List;
import java.util.Objects;

/**
 * Sign several files with one key, opened (decrypted) once: a release's assets, its asset manifest,
 * its profile and its catalog. Each signature is {@code <file>.minisig}.
 *
 * <p>A record of what was signed ({@code signatures.json} beside {@code publicKey}) lets a later
 * run keep a signature without opening the key when the key file, the signed file and the signature
 * are all unchanged: signatures are deterministic (the trusted comment's timestamp comes from the
 * clock), so signing again would write the same bytes.
 *
 * @param key the minisign secret key
 * @param password read only when the key is encrypted and must be opened
 * @param files the files to sign, in order
 * @param publicKey where to write the key's public half (verifiers and {@code minisign -V} use it)
 */
public record SignFilesRequest(
    GivenPath key, PasswordSource password, List<GivenPath> files, GivenPath publicKey) {

  public SignFilesRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    files = List.copyOf(files);
    Objects.requireNonNull(publicKey, "publicKey");
  }
}
