package dev.capsem.core.internal.oci;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.manifest.B3Sums;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.ports.ArtifactFile;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes a finished release folder as one OCI artifact and fetches it back (the entry the {@code
 * release push} / {@code release pull} steps call). A release folder holds the assets ({@code
 * <arch>/vmlinuz}, {@code initrd.img}, {@code rootfs.squashfs}), {@code manifest.json}, {@code
 * B3SUMS}, SBOMs, the release profile, the catalog, the provenance and every {@code .minisig}. A
 * pull checks, in order: each blob's sha256 (the registry port), each file's BLAKE3 against its
 * annotation and against {@code B3SUMS}, then every signature; only a release that passes all of
 * them is moved into the target folder.
 */
public final class ReleasePublication {

  /** The artifact type of a capsem release. */
  public static final String ARTIFACT_TYPE = "application/vnd.capsem.release.v1";

  /** The layer annotation holding the file's BLAKE3 (64 hex). */
  public static final String BLAKE3_ANNOTATION = "dev.capsem.blake3";

  private final OciRegistry registry;
  private final Hasher hasher;
  private final SignatureVerifier verifier;

  public ReleasePublication(OciRegistry registry, Hasher hasher, SignatureVerifier verifier) {
    this.registry = registry;
    this.hasher = hasher;
    this.verifier = verifier;
  }

  /**
   * Pushes every file of {@code folder} to {@code target} ({@code REGISTRY/REPO:TAG}) as one
   * artifact, after checking each file listed in {@code B3SUMS} against its BLAKE3.
   */
  public PushOutcome push(Path folder, String target) {
    List<Diagnostic> problems = new ArrayList<>();
    OciReference reference = reference(target, problems);
    if (reference != null && reference.tag() == null) {
      problems.add(
          error(Code.E550, target, "", target + ": a push needs a tag (REGISTRY/REPO:TAG)"));
    }
    if (!Files.isDirectory(folder)) {
      problems.add(error(Code.E558, folder.toString(), "", folder + ": not a release folder"));
    }
    if (!problems.isEmpty()) {
      return new PushOutcome(target, null, problems);
    }
    try {
      List<String> names = ReleaseFiles.list(folder);
      if (names.isEmpty()) {
        problems.add(
            error(Code.E558, folder.toString(), "", folder + ": the release folder is empty"));
        return new PushOutcome(target, null, problems);
      }
      Map<String, String> blake3 = new LinkedHashMap<>();
      for (String name : names) {
        blake3.put(name, hasher.hexOfFile(folder.resolve(name)));
      }
      checkB3Sums(folder, blake3, Code.E558, problems);
      if (!problems.isEmpty()) {
        return new PushOutcome(target, null, problems);
      }
      List<ArtifactFile> files = new ArrayList<>();
      for (String name : names) {
        files.add(
            new ArtifactFile(
                name,
                folder.resolve(name),
                ReleaseFiles.mediaType(name),
                Map.of(BLAKE3_ANNOTATION, blake3.get(name))));
      }
      PublishedArtifact pushed = registry.push(reference, new OciArtifact(ARTIFACT_TYPE, files));
      return new PushOutcome(target, pushed, problems);
    } catch (RegistryException e) {
      problems.add(registryProblem(target, e));
    } catch (IOException e) {
      problems.add(
          error(Code.E558, folder.toString(), "", "cannot read the release: " + e.getMessage()));
    }
    return new PushOutcome(target, null, problems);
  }

  /**
   * Fetches {@code source} into {@code target} (absent or empty), verifying digests, BLAKE3 and,
   * with {@code publicKey}, every signature; nothing is placed unless every check passes.
   *
   * @param publicKey the release's minisign {@code .pub} file, or null to skip signatures (W550)
   */
  public PullOutcome pull(String source, Path target, Path publicKey) {
    List<Diagnostic> problems = new ArrayList<>();
    OciReference reference = reference(source, problems);
    if (reference == null) {
      return new PullOutcome(source, null, 0, problems);
    }
    try {
      if (Files.exists(target) && !isEmptyFolder(target)) {
        problems.add(
            error(
                Code.E558,
                target.toString(),
                "",
                target + ": the pull target must be an empty folder"));
        return new PullOutcome(source, null, 0, problems);
      }
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staging =
          Files.createTempDirectory(parent, "." + target.getFileName() + ".capsem-pull-");
      try {
        PublishedArtifact pulled = registry.pull(reference, ARTIFACT_TYPE, staging);
        int verified = verify(pulled, staging, publicKey, problems);
        if (!DiagnosticJson.noErrors(problems)) {
          return new PullOutcome(source, null, 0, problems);
        }
        place(staging, target);
        return new PullOutcome(source, pulled, verified, problems);
      } catch (RegistryException e) {
        problems.add(registryProblem(source, e));
        return new PullOutcome(source, null, 0, problems);
      } finally {
        deleteTree(staging);
      }
    } catch (IOException e) {
      problems.add(
          error(Code.E558, target.toString(), "", "cannot write the release: " + e.getMessage()));
      return new PullOutcome(source, null, 0, problems);
    }
  }

  // --- verification of a pulled release ------------------------------------------------------

  private int verify(
      PublishedArtifact pulled, Path staging, Path publicKey, List<Diagnostic> problems)
      throws IOException {
    Map<String, String> blake3 = new LinkedHashMap<>();
    for (ArtifactLayer layer : pulled.layers()) {
      String actual = hasher.hexOfFile(staging.resolve(layer.name()));
      blake3.put(layer.name(), actual);
      String annotated = layer.annotations().get(BLAKE3_ANNOTATION);
      if (annotated == null) {
        problems.add(
            error(Code.E555, layer.name(), layer.name(), layer.name() + ": no BLAKE3 annotation"));
      } else if (!annotated.equals(actual)) {
        problems.add(
            error(
                Code.E555,
                layer.name(),
                layer.name(),
                layer.name() + ": BLAKE3 " + actual + " but its annotation says " + annotated));
      }
    }
    checkB3Sums(staging, blake3, Code.E555, problems);
    if (!DiagnosticJson.noErrors(problems)) {
      return 0; // signatures over bytes that already failed prove nothing more
    }
    return verifySignatures(staging, blake3.keySet().stream().toList(), publicKey, problems);
  }

  private int verifySignatures(
      Path folder, List<String> names, Path publicKey, List<Diagnostic> problems) {
    List<String> signatures =
        names.stream().filter(name -> name.endsWith(Signer.SIGNATURE_SUFFIX)).toList();
    if (publicKey == null) {
      problems.add(
          Diagnostic.of(
              Code.W550,
              null,
              "",
              null,
              "signatures of "
                  + signatures.size()
                  + " files not verified: no public key given (--pubkey)"));
      return 0;
    }
    if (signatures.isEmpty()) {
      problems.add(error(Code.E556, null, "", "the release has no .minisig signature to verify"));
      return 0;
    }
    int verified = 0;
    for (String signature : signatures) {
      String payload =
          signature.substring(0, signature.length() - Signer.SIGNATURE_SUFFIX.length());
      if (!names.contains(payload)) {
        problems.add(
            error(
                Code.E556,
                signature,
                signature,
                signature + ": signs " + payload + ", which the release lacks"));
        continue;
      }
      SignatureVerification result =
          verifier.verifyFiles(
              folder.resolve(payload),
              folder.resolve(signature),
              publicKey,
              VerifyOptions.cli().namingSignature(signature));
      if (result.ok()) {
        verified++;
      } else {
        problems.add(
            error(Code.E556, signature, signature, signature + ": " + result.message().strip()));
      }
    }
    return verified;
  }

  /** Each {@code B3SUMS} file's lines against the BLAKE3 of the files they name. */
  private static void checkB3Sums(
      Path folder, Map<String, String> blake3, Code code, List<Diagnostic> problems)
      throws IOException {
    for (String name : blake3.keySet()) {
      if (!name.equals(B3Sums.FILE_NAME) && !name.endsWith("/" + B3Sums.FILE_NAME)) {
        continue;
      }
      String base = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
      for (B3Sums.Line line : B3Sums.parse(Files.readString(folder.resolve(name)))) {
        String listed = base + line.path();
        String actual = blake3.get(listed);
        if (actual == null) {
          problems.add(
              error(
                  code,
                  name,
                  line.path(),
                  name + " lists " + line.path() + ", which the release lacks"));
        } else if (!actual.equals(line.hash())) {
          problems.add(
              error(
                  code,
                  listed,
                  listed,
                  listed + ": BLAKE3 " + actual + " but " + name + " says " + line.hash()));
        }
      }
    }
  }

  // --- small helpers ----------------------------------------------------------------------

  private static OciReference reference(String text, List<Diagnostic> problems) {
    try {
      OciReference reference = OciReference.parse(text);
      if (!reference.explicitRegistry()) {
        problems.add(
            error(
                Code.E550, text, "", "'" + text + "' names no registry: write REGISTRY/REPO:TAG"));
        return null;
      }
      return reference;
    } catch (IllegalArgumentException e) {
      problems.add(
          error(
              Code.E550,
              text,
              "",
              "'" + text + "' is not a registry reference: " + e.getMessage()));
      return null;
    }
  }

  private static Diagnostic registryProblem(String reference, RegistryException e) {
    Code code =
        switch (e.kind()) {
          case UNAUTHORIZED -> Code.E551;
          case UNREACHABLE, FAILED -> Code.E552;
          case NOT_FOUND -> Code.E553;
          case DIGEST_MISMATCH -> Code.E554;
          case NOT_AN_ARTIFACT -> Code.E557;
        };
    return error(code, reference, "", e.getMessage());
  }

  private static Diagnostic error(Code code, String file, String path, String message) {
    return Diagnostic.of(code, file, path, null, message);
  }

  private static boolean isEmptyFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return !entries.iterator().hasNext();
    }
  }

  /** Moves the verified release into place: the whole folder when it can, else entry by entry. */
  private static void place(Path staging, Path target) throws IOException {
    if (!Files.exists(target)) {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        Files.createDirectories(staging); // the caller's cleanup expects it
        return;
      } catch (AtomicMoveNotSupportedException e) {
        Files.createDirectories(target);
      }
    }
    Map<Path, Path> moves = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
      for (Path entry : entries) {
        moves.put(entry, target.resolve(entry.getFileName().toString()));
      }
    }
    for (Map.Entry<Path, Path> move : moves.entrySet()) {
      Files.move(move.getKey(), move.getValue());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
