package dev.capsem.core.internal.provenance;

import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.AtomicFiles;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.RawSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The provenance of a release: make the subjects from the release's files, sign the statement into
 * a DSSE envelope with the release key, write it, verify it. The release steps call this; {@code
 * provenance verify} calls {@link #verify}.
 */
public final class Provenance {

  /** The envelope's file name in a release folder (one envelope, one line: in-toto's JSONL). */
  public static final String FILE_NAME = "provenance.intoto.jsonl";

  private Provenance() {}

  /**
   * The subjects for {@code names} (paths inside {@code folder}, {@code /}-separated): each file's
   * sha256 and BLAKE3.
   */
  public static List<Subject> subjects(Path folder, List<String> names, Hasher hasher)
      throws IOException {
    List<Subject> subjects = new ArrayList<>(names.size());
    for (String name : names) {
      Path file = folder.resolve(name);
      subjects.add(new Subject(name, Sha256.hexOfFile(file), hasher.hexOfFile(file)));
    }
    return subjects;
  }

  /** The signed envelope of the statement {@code inputs} describe. */
  public static Dsse.Envelope sign(ProvenanceInputs inputs, RawSigner key) {
    return Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, Statement.bytes(inputs), key);
  }

  /**
   * The key id of {@code envelopeFile} when it already states exactly {@code statement} under a
   * signature that {@code publicKeyFile} verifies, else empty: an unchanged release keeps its
   * provenance without opening the key (Ed25519 would give the same bytes again).
   */
  public static Optional<String> unchanged(
      Path envelopeFile, byte[] statement, byte[] publicKeyFile, RawSignatureVerifier verifier) {
    try {
      if (!Files.isRegularFile(envelopeFile)
          || !(JsonReader.read(Files.readString(envelopeFile), JsonDialect.PYTHON)
              instanceof ObjectNode envelope)
          || !Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.string("payloadType"))
          || !(envelope.get("signatures") instanceof ArrayNode signatures)
          || signatures.size() != 1
          || !(signatures.items().get(0) instanceof ObjectNode signature)) {
        return Optional.empty();
      }
      String payloadText = envelope.string("payload");
      String sigText = signature.string("sig");
      if (payloadText == null || sigText == null) {
        return Optional.empty();
      }
      byte[] payload = Base64.getDecoder().decode(payloadText);
      if (!Arrays.equals(payload, statement)) {
        return Optional.empty();
      }
      byte[] sig = Base64.getDecoder().decode(sigText);
      boolean verified =
          verifier.verifyRaw(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload), sig, publicKeyFile).ok();
      return verified ? Optional.ofNullable(signature.string("keyid")) : Optional.empty();
    } catch (IOException | JsonSyntaxException | IllegalArgumentException e) {
      return Optional.empty(); // anything unreadable is signed again
    }
  }

  /** Signs and writes the envelope to {@code target} atomically. */
  public static Dsse.Envelope write(ProvenanceInputs inputs, RawSigner key, Path target)
      throws IOException {
    Dsse.Envelope envelope = sign(inputs, key);
    AtomicFiles.writeString(target, envelope.json());
    return envelope;
  }

  /**
   * Verifies an envelope file: its shape, a signature by {@code publicKeyFile}'s key, the statement
   * and its SLSA predicate, every subject against the file of that name under {@code folder}, and
   * the expectations. Every problem is reported; nothing is thrown for bad input.
   *
   * @param envelopeFile the envelope's bytes
   * @param envelopeName how messages name it
   * @param publicKeyFile the release's minisign {@code .pub} file
   */
  public static ProvenanceVerification verify(
      byte[] envelopeFile,
      String envelopeName,
      byte[] publicKeyFile,
      Path folder,
      Expectations expectations,
      Hasher hasher,
      RawSignatureVerifier verifier) {
    return new ProvenanceVerifier(envelopeName, folder, hasher, verifier)
        .verify(new String(envelopeFile, StandardCharsets.UTF_8), publicKeyFile, expectations);
  }

  /** Reads the envelope file and verifies it (see the other overload). */
  public static ProvenanceVerification verify(
      Path envelopeFile,
      byte[] publicKeyFile,
      Path folder,
      Expectations expectations,
      Hasher hasher,
      RawSignatureVerifier verifier)
      throws IOException {
    return verify(
        Files.readAllBytes(envelopeFile),
        envelopeFile.toString(),
        publicKeyFile,
        folder,
        expectations,
        hasher,
        verifier);
  }
}
