package dev.capsem.core.internal.provenance;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.ports.ArtifactNames;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.RawSignatureVerifier.RawVerification;
import dev.capsem.core.ports.Signer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks one envelope, in the order a reader trusts it: the envelope's shape (E560), a signature by
 * the release key over the PAE (E561), the in-toto statement (E560), its SLSA predicate (E564),
 * every subject against the released file (E562, E563), the expectations (E565, E566), and files
 * the statement does not cover (W551). A failed signature does not stop the later checks: the
 * report lists everything, and is not ok.
 */
final class ProvenanceVerifier {

  private final String envelopeName;
  private final Path folder;
  private final Hasher hasher;
  private final RawSignatureVerifier verifier;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  ProvenanceVerifier(
      String envelopeName, Path folder, Hasher hasher, RawSignatureVerifier verifier) {
    this.envelopeName = envelopeName;
    this.folder = folder;
    this.hasher = hasher;
    this.verifier = verifier;
  }

  ProvenanceVerification verify(String text, byte[] publicKeyFile, Expectations expectations) {
    ObjectNode envelope = asObject(parse(text, "envelope"), "");
    if (envelope == null) {
      return result(null, null, 0);
    }
    String payloadType = requiredString(envelope, "payloadType", Code.E560);
    byte[] payload = base64(requiredString(envelope, "payload", Code.E560), "payload");
    List<Dsse.Signature> signatures = signatures(envelope);
    if (payloadType == null || payload == null || signatures.isEmpty()) {
      return result(null, null, 0);
    }
    if (!payloadType.equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
      report(
          Code.E560,
          "payloadType",
          "payloadType must be " + Dsse.IN_TOTO_PAYLOAD_TYPE + ": " + payloadType);
      return result(null, null, 0);
    }
    String keyId = checkSignatures(Dsse.pae(payloadType, payload), signatures, publicKeyFile);

    String statementText;
    try {
      statementText =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      report(Code.E560, "payload", "the payload is not UTF-8 text");
      return result(keyId, null, 0);
    }
    ObjectNode statement = asObject(parse(statementText, "payload"), "payload");
    if (statement == null) {
      return result(keyId, null, 0);
    }
    if (!Statement.STATEMENT_TYPE.equals(statement.string("_type"))) {
      report(
          Code.E560,
          "payload._type",
          "not an in-toto Statement v1: _type must be "
              + Statement.STATEMENT_TYPE
              + ", found "
              + describe(statement.get("_type")));
      return result(keyId, null, 0);
    }
    List<Subject> subjects = subjects(statement);
    String builderId = checkPredicate(statement, expectations);
    Set<String> covered = new HashSet<>();
    for (Subject subject : subjects) {
      covered.add(subject.name());
      checkSubject(subject);
    }
    reportUncovered(covered);
    return result(keyId, builderId, subjects.size());
  }

  private ProvenanceVerification result(String keyId, String builderId, int subjects) {
    return new ProvenanceVerification(envelopeName, keyId, builderId, subjects, diagnostics);
  }

  // --- envelope and signature -------------------------------------------------------------

  private List<Dsse.Signature> signatures(ObjectNode envelope) {
    List<Dsse.Signature> out = new ArrayList<>();
    if (!(envelope.get("signatures") instanceof ArrayNode array) || array.size() == 0) {
      report(Code.E560, "signatures", "the envelope has no signatures");
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "signatures." + i;
      if (!(array.get(i) instanceof ObjectNode signature)) {
        report(Code.E560, path, "a signature must be an object");
        continue;
      }
      byte[] sig =
          base64(requiredString(signature, "sig", Code.E560, path + ".sig"), path + ".sig");
      String keyid = signature.get("keyid") instanceof StringNode s ? s.value() : "";
      if (sig != null) {
        out.add(new Dsse.Signature(keyid, sig));
      }
    }
    return out;
  }

  private String checkSignatures(
      byte[] pae, List<Dsse.Signature> signatures, byte[] publicKeyFile) {
    RawVerification last = null;
    for (Dsse.Signature signature : signatures) {
      RawVerification outcome = verifier.verifyRaw(pae, signature.sig(), publicKeyFile);
      if (outcome.ok()) {
        return outcome.keyId().hex();
      }
      if (outcome.keyId() == null) {
        report(
            Code.E561,
            "signatures",
            "the public key cannot be read: " + outcome.failure().message().strip());
        return null;
      }
      last = outcome;
    }
    report(
        Code.E561,
        "signatures",
        "no signature verifies with public key "
            + last.keyId().hex()
            + " ("
            + signatures.size()
            + " tried): "
            + last.failure().message().strip()
            + "; the envelope or its payload changed after signing, or another key signed it");
    return null;
  }

  // --- statement and predicate ------------------------------------------------------------

  private List<Subject> subjects(ObjectNode statement) {
    List<Subject> subjects = new ArrayList<>();
    if (!(statement.get("subject") instanceof ArrayNode array) || array.size() == 0) {
      report(Code.E560, "payload.subject", "the statement names no subject");
      return subjects;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "payload.subject." + i;
      ObjectNode subject = array.get(i) instanceof ObjectNode o ? o : null;
      String name = subject == null ? null : subject.string("name");
      if (name == null || ArtifactNames.problem(name).isPresent()) {
        report(Code.E560, path + ".name", "a subject needs a safe relative file name");
        continue;
      }
      ObjectNode digest = subject.object("digest");
      String sha256 = digest.string("sha256");
      String blake3 = digest.string("blake3");
      if (sha256 == null
          || blake3 == null
          || !Subject.HEX64.matcher(sha256).matches()
          || !Subject.HEX64.matcher(blake3).matches()) {
        report(
            Code.E560,
            path + ".digest",
            name + ": a subject needs sha256 and blake3 digests of 64 lower-case hex digits");
        continue;
      }
      if (!names.add(name)) {
        report(Code.E560, path + ".name", name + ": named by two subjects");
        continue;
      }
      subjects.add(new Subject(name, sha256, blake3));
    }
    return subjects;
  }

  /** Checks the SLSA v1 predicate; returns the builder id when there is one. */
  private String checkPredicate(ObjectNode statement, Expectations expectations) {
    String predicateType = statement.string("predicateType");
    if (!Statement.PREDICATE_TYPE.equals(predicateType)) {
      report(
          Code.E564,
          "payload.predicateType",
          "predicateType must be "
              + Statement.PREDICATE_TYPE
              + ", found "
              + describe(statement.get("predicateType")));
    }
    ObjectNode predicate = requiredObject(statement, "predicate", "payload.predicate");
    if (predicate == null) {
      return null;
    }
    ObjectNode definition =
        requiredObject(predicate, "buildDefinition", "payload.predicate.buildDefinition");
    if (definition != null) {
      String buildType =
          requiredString(
              definition, "buildType", Code.E564, "payload.predicate.buildDefinition.buildType");
      if (buildType != null && !buildType.equals(Statement.BUILD_TYPE)) {
        report(
            Code.E564,
            "payload.predicate.buildDefinition.buildType",
            "buildType must be " + Statement.BUILD_TYPE + ", found " + buildType);
      }
      ObjectNode external =
          requiredObject(
              definition,
              "externalParameters",
              "payload.predicate.buildDefinition.externalParameters");
      if (external != null) {
        checkProfile(external, expectations);
      }
      checkDependencies(definition);
    }
    ObjectNode run = requiredObject(predicate, "runDetails", "payload.predicate.runDetails");
    if (run == null) {
      return null;
    }
    ObjectNode builder = requiredObject(run, "builder", "payload.predicate.runDetails.builder");
    String builderId =
        builder == null
            ? null
            : requiredString(builder, "id", Code.E564, "payload.predicate.runDetails.builder.id");
    if (run.get("metadata") instanceof ObjectNode metadata) {
      Instant started = time(metadata, "startedOn");
      Instant finished = time(metadata, "finishedOn");
      if (started != null && finished != null && finished.isBefore(started)) {
        report(
            Code.E564,
            "payload.predicate.runDetails.metadata.finishedOn",
            "finishedOn " + finished + " is before startedOn " + started);
      }
    }
    expectations
        .builder()
        .filter(expected -> !expected.equals(builderId))
        .ifPresent(
            expected ->
                report(
                    Code.E565,
                    "payload.predicate.runDetails.builder.id",
                    "builder "
                        + (builderId == null ? "(none)" : builderId)
                        + " but --builder expects "
                        + expected));
    return builderId;
  }

  private void checkProfile(ObjectNode external, Expectations expectations) {
    String path = "payload.predicate.buildDefinition.externalParameters.profile.digest.sha256";
    String sha256 = external.object("profile").object("digest").string("sha256");
    if (sha256 == null || !Subject.HEX64.matcher(sha256).matches()) {
      report(Code.E564, path, "the profile's sha256 must be 64 lower-case hex digits");
      sha256 = null;
    }
    String found = sha256;
    expectations
        .profile()
        .filter(expected -> !expected.equals(found))
        .ifPresent(
            expected ->
                report(
                    Code.E566,
                    path,
                    "profile sha256 "
                        + (found == null ? "(none)" : found)
                        + " but --profile-digest expects "
                        + expected));
  }

  private void checkDependencies(ObjectNode definition) {
    Node node = definition.get("resolvedDependencies");
    if (node == null) {
      return;
    }
    String base = "payload.predicate.buildDefinition.resolvedDependencies";
    if (!(node instanceof ArrayNode array)) {
      report(Code.E564, base, "resolvedDependencies must be a list");
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof ObjectNode dependency)
          || (dependency.string("uri") == null && !dependency.has("digest"))) {
        report(Code.E564, base + "." + i, "a resolved dependency needs a uri or a digest");
        continue;
      }
      for (ObjectNode.Member digest : dependency.object("digest").entries()) {
        if (!(digest.value() instanceof StringNode value) || !value.value().matches("[0-9a-f]+")) {
          report(
              Code.E564,
              base + "." + i + ".digest." + digest.key(),
              "a digest must be lower-case hex");
        }
      }
    }
  }

  private Instant time(ObjectNode metadata, String key) {
    if (!(metadata.get(key) instanceof StringNode value)) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.value(), Instant::from);
    } catch (DateTimeParseException e) {
      report(
          Code.E564,
          "payload.predicate.runDetails.metadata." + key,
          key + " is not an RFC 3339 time: " + value.value());
      return null;
    }
  }

  // --- subjects against the files ---------------------------------------------------------

  private void checkSubject(Subject subject) {
    Path file = folder.resolve(subject.name());
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.add(
          Diagnostic.of(
              Code.E562,
              envelopeName,
              subject.name(),
              null,
              subject.name() + ": named by the provenance but not a file in " + folder));
      return;
    }
    try {
      String sha256 = Sha256.hexOfFile(file);
      if (!sha256.equals(subject.sha256())) {
        mismatch(subject, "sha256", sha256, subject.sha256());
      }
      String blake3 = hasher.hexOfFile(file);
      if (!blake3.equals(subject.blake3())) {
        mismatch(subject, "blake3", blake3, subject.blake3());
      }
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.of(
              Code.E562,
              envelopeName,
              subject.name(),
              null,
              subject.name() + ": cannot be read: " + e.getMessage()));
    }
  }

  private void mismatch(Subject subject, String algorithm, String actual, String stated) {
    diagnostics.add(
        Diagnostic.of(
            Code.E563,
            envelopeName,
            subject.name(),
            null,
            subject.name()
                + ": "
                + algorithm
                + " "
                + actual
                + " but the provenance says "
                + stated));
  }

  private void reportUncovered(Set<String> covered) {
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files
          .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .forEach(present::add);
    } catch (IOException e) {
      return; // the subjects' own checks have said what cannot be read
    }
    for (String name : present) {
      String last = name.substring(name.lastIndexOf('/') + 1);
      if (covered.contains(name)
          || name.endsWith(Signer.SIGNATURE_SUFFIX)
          || last.equals(Provenance.FILE_NAME)
          || last.startsWith(".")) {
        continue;
      }
      diagnostics.add(
          Diagnostic.of(
              Code.W551,
              envelopeName,
              name,
              null,
              name + ": in the release folder but not a provenance subject"));
    }
  }

  // --- small readers ----------------------------------------------------------------------

  private Node parse(String text, String what) {
    try {
      return JsonReader.read(text, JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      report(
          Code.E560, what.equals("envelope") ? "" : what, what + " is not JSON: " + e.getMessage());
      return null;
    }
  }

  private ObjectNode asObject(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    report(Code.E560, path, (path.isEmpty() ? "the envelope" : path) + " must be a JSON object");
    return null;
  }

  private String requiredString(ObjectNode object, String key, Code code) {
    return requiredString(object, key, code, key);
  }

  private String requiredString(ObjectNode object, String key, Code code, String path) {
    if (object.get(key) instanceof StringNode value && !value.value().isEmpty()) {
      return value.value();
    }
    report(code, path, key + ": required, a non-empty string");
    return null;
  }

  private ObjectNode requiredObject(ObjectNode object, String key, String path) {
    if (object.get(key) instanceof ObjectNode value) {
      return value;
    }
    report(Code.E564, path, key + ": required, an object");
    return null;
  }

  private byte[] base64(String text, String path) {
    if (text == null) {
      return null;
    }
    // DSSE lets writers use either alphabet, with or without padding.
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException standard) {
      try {
        return Base64.getUrlDecoder().decode(text);
      } catch (IllegalArgumentException urlSafe) {
        report(Code.E560, path, path + " is not base64");
        return null;
      }
    }
  }

  private static String describe(Node node) {
    return node instanceof StringNode s ? s.value() : node == null ? "(none)" : "a non-string";
  }

  private void report(Code code, String path, String message) {
    diagnostics.add(Diagnostic.of(code, envelopeName, path, null, message));
  }
}
