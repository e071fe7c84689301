package dev.capsem.core.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.ReferenceBlake3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing and verifying provenance; every kind of tampering fails with its own code. */
class ProvenanceVerifyTest {

  @TempDir Path temp;

  private final JdkEd25519 key = new JdkEd25519(11);
  private ProvenanceFixture release;
  private Path envelopeFile;

  @BeforeEach
  void signRelease() throws Exception {
    release = new ProvenanceFixture(temp, 3);
    envelopeFile = release.folder.resolve(Provenance.FILE_NAME);
    Provenance.write(release.inputs(), key, envelopeFile);
  }

  @Test
  void verify_untouchedRelease_isOkWithTheKeyAndBuilder() throws Exception {
    ProvenanceVerification result = verify(Expectations.none());

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.keyId()).isEqualTo(key.keyId().hex());
    assertThat(result.builderId()).isEqualTo(ProvenanceFixture.BUILDER);
    assertThat(result.subjects()).isEqualTo(ProvenanceFixture.FILES.size());
  }

  @Test
  void write_sameInputs_sameBytes() throws Exception {
    Path again = temp.resolve("again.jsonl");
    Provenance.write(release.inputs(), key, again);

    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(envelopeFile));
  }

  @Test
  void pae_dsseSpecExample_isTheDocumentedBytes() {
    // The example of the DSSE protocol text: type "http://example.com/HelloWorld", body "hello
    // world".
    byte[] pae =
        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void envelope_payload_isTheStatementTheSignatureCovers() throws Exception {
    ObjectNode envelope = readEnvelope();
    byte[] payload = Base64.getDecoder().decode(envelope.string("payload"));
    String sig =
        ((ObjectNode) ((dev.capsem.core.internal.json.ArrayNode) envelope.get("signatures")).get(0))
            .string("sig");

    assertThat(envelope.string("payloadType")).isEqualTo("application/vnd.in-toto+json");
    assertThat(payload).isEqualTo(Statement.bytes(release.inputs()));
    assertThat(
            key.verifyRaw(
                    Dsse.pae("application/vnd.in-toto+json", payload),
                    Base64.getDecoder().decode(sig),
                    key.publicKeyFile())
                .ok())
        .isTrue();
  }

  @Test
  void verify_tamperedSubjectFile_failsWithE563Only() throws Exception {
    Path rootfs = release.folder.resolve("x86_64/rootfs.squashfs");
    byte[] bytes = Files.readAllBytes(rootfs);
    bytes[bytes.length / 2] ^= 1;
    Files.write(rootfs, bytes);

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E563, Code.E563);
    assertThat(result.diagnostics())
        .allSatisfy(d -> assertThat(d.path()).isEqualTo("x86_64/rootfs.squashfs"));
    assertThat(result.diagnostics().get(0).message()).contains("sha256");
    assertThat(result.diagnostics().get(1).message()).contains("blake3");
    assertThat(result.ok()).isFalse();
  }

  @Test
  void verify_tamperedSignature_failsWithE561Only() throws Exception {
    ObjectNode envelope = readEnvelope();
    dev.capsem.core.internal.json.ArrayNode signatures =
        (dev.capsem.core.internal.json.ArrayNode) envelope.get("signatures");
    ObjectNode signature = (ObjectNode) signatures.get(0);
    byte[] sig = Base64.getDecoder().decode(signature.string("sig"));
    sig[5] ^= 0x40;
    writeEnvelope(
        envelope.with(
            "signatures",
            dev.capsem.core.internal.json.ArrayNode.of(
                List.of(
                    signature.with(
                        "sig", StringNode.of(Base64.getEncoder().encodeToString(sig)))))));

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E561);
    assertThat(result.keyId()).isNull();
  }

  @Test
  void verify_otherKey_failsWithE561NamingTheKey() throws Exception {
    JdkEd25519 other = new JdkEd25519(12);

    ProvenanceVerification result =
        Provenance.verify(
            envelopeFile,
            other.publicKeyFile(),
            release.folder,
            Expectations.none(),
            new ReferenceBlake3(),
            other);

    assertThat(codes(result)).containsExactly(Code.E561);
    assertThat(result.diagnostics().get(0).message()).contains(other.keyId().hex());
  }

  @Test
  void verify_predicateEditedAfterSigning_failsWithE561AndTheBuilderExpectation() throws Exception {
    editPayload(
        statement -> {
          ObjectNode predicate = statement.object("predicate");
          ObjectNode run = predicate.object("runDetails");
          ObjectNode builder =
              run.object("builder").with("id", StringNode.of("https://evil.example/builder"));
          return statement.with(
              "predicate", predicate.with("runDetails", run.with("builder", builder)));
        },
        false);

    ProvenanceVerification result = verify(new Expectations(ProvenanceFixture.BUILDER, null));

    assertThat(codes(result)).containsExactly(Code.E561, Code.E565);
  }

  @Test
  void verify_invalidPredicateSignedByTheKey_failsWithE564Only() throws Exception {
    editPayload(
        statement -> {
          ObjectNode predicate = statement.object("predicate");
          ObjectNode run = predicate.object("runDetails");
          ObjectNode metadata =
              run.object("metadata").with("finishedOn", StringNode.of("2026-05-21T11:00:00Z"));
          return statement
              .with("predicateType", StringNode.of("https://slsa.dev/provenance/v0.2"))
              .with("predicate", predicate.with("runDetails", run.with("metadata", metadata)));
        },
        true);

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E564, Code.E564);
    assertThat(result.diagnostics().get(0).path()).isEqualTo("payload.predicateType");
    assertThat(result.diagnostics().get(1).message()).contains("is before startedOn");
  }

  @Test
  void verify_subjectDigestEditedAfterSigning_failsWithE561AndE563() throws Exception {
    editPayload(
        statement -> {
          dev.capsem.core.internal.json.ArrayNode subjects =
              (dev.capsem.core.internal.json.ArrayNode) statement.get("subject");
          ObjectNode first = (ObjectNode) subjects.get(0);
          ObjectNode digest = first.object("digest").with("sha256", StringNode.of("a".repeat(64)));
          List<dev.capsem.core.internal.json.Node> items =
              new java.util.ArrayList<>(subjects.items());
          items.set(0, first.with("digest", digest));
          return statement.with("subject", dev.capsem.core.internal.json.ArrayNode.of(items));
        },
        false);

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E561, Code.E563);
  }

  @Test
  void verify_wrongExpectations_failWithE565AndE566() throws Exception {
    ProvenanceVerification result =
        verify(new Expectations("https://ci.corp.example/other", "sha256:" + "b".repeat(64)));

    assertThat(codes(result)).containsExactlyInAnyOrder(Code.E565, Code.E566);
  }

  @Test
  void verify_rightExpectations_areOk() throws Exception {
    String profileSha = dev.capsem.core.internal.io.Sha256.hexOfFile(release.profile);

    ProvenanceVerification result =
        verify(new Expectations(ProvenanceFixture.BUILDER, "sha256:" + profileSha));

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void verify_missingSubjectFile_failsWithE562() throws Exception {
    Files.delete(release.folder.resolve("catalog.json"));

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E562);
    assertThat(result.diagnostics().get(0).path()).isEqualTo("catalog.json");
  }

  @Test
  void verify_fileNotASubject_warnsW551AndStaysOk() throws Exception {
    Files.writeString(release.folder.resolve("x86_64/extra.bin"), "smuggled");
    Files.writeString(release.folder.resolve("catalog.json.minisig"), "signature files are exempt");

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.W551);
    assertThat(result.diagnostics().get(0).path()).isEqualTo("x86_64/extra.bin");
    assertThat(result.ok()).isTrue();
  }

  @Test
  void verify_otherPayloadType_failsWithE560() throws Exception {
    writeEnvelope(readEnvelope().with("payloadType", StringNode.of("text/plain")));

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E560);
  }

  @Test
  void verify_notJson_failsWithE560() throws Exception {
    Files.writeString(envelopeFile, "{\"payload\": ");

    ProvenanceVerification result = verify(Expectations.none());

    assertThat(codes(result)).containsExactly(Code.E560);
  }

  @Test
  void report_failedVerify_carriesCodesAndOkFalse() throws Exception {
    Files.delete(release.folder.resolve("catalog.json"));

    String report = JsonPrinter.pretty().printLine(verify(Expectations.none()).report());

    assertThat(report)
        .contains("\"schema\": \"capsem.provenance-verification.v1\"")
        .contains("\"ok\": false")
        .contains("\"code\": \"E562\"");
  }

  // --- helpers ----------------------------------------------------------------------------

  private ProvenanceVerification verify(Expectations expectations) throws Exception {
    return Provenance.verify(
        envelopeFile,
        key.publicKeyFile(),
        release.folder,
        expectations,
        new ReferenceBlake3(),
        key);
  }

  private static List<Code> codes(ProvenanceVerification result) {
    return result.diagnostics().stream().map(Diagnostic::code).toList();
  }

  private ObjectNode readEnvelope() throws Exception {
    return (ObjectNode) JsonReader.read(Files.readString(envelopeFile), JsonDialect.PYTHON);
  }

  private void writeEnvelope(ObjectNode envelope) throws Exception {
    Files.writeString(envelopeFile, JsonPrinter.compact().printLine(envelope));
  }

  /** Rewrites the statement; re-signs it with the release key when {@code resign}. */
  private void editPayload(java.util.function.UnaryOperator<ObjectNode> edit, boolean resign)
      throws Exception {
    ObjectNode envelope = readEnvelope();
    byte[] payload = Base64.getDecoder().decode(envelope.string("payload"));
    ObjectNode statement =
        (ObjectNode)
            JsonReader.read(new String(payload, StandardCharsets.UTF_8), JsonDialect.PYTHON);
    byte[] edited =
        JsonPrinter.compact().print(edit.apply(statement)).getBytes(StandardCharsets.UTF_8);
    if (resign) {
      Files.writeString(envelopeFile, Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, edited, key).json());
    } else {
      writeEnvelope(
          envelope.with("payload", StringNode.of(Base64.getEncoder().encodeToString(edited))));
    }
  }
}
