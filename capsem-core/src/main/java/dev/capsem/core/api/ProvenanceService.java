package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.provenance.Expectations;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.internal.provenance.ProvenanceVerification;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** The provenance use cases over the domain's verifier. */
final class ProvenanceService implements ProvenanceUseCases {

  private final Ports ports;

  ProvenanceService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public Outcome<TextReport> verify(ProvenanceVerifyRequest request) {
    GivenPath envelope =
        request.envelope() != null
            ? request.envelope()
            : request.folder().resolve(Provenance.FILE_NAME);
    Expectations expectations;
    try {
      expectations = new Expectations(request.builderId(), request.profileDigest());
    } catch (IllegalArgumentException e) {
      return Outcome.failed(
          e.getMessage(),
          List.of(Diagnostic.of(Code.E005, null, "--profile-digest", null, e.getMessage())));
    }
    byte[] envelopeBytes;
    byte[] publicKey;
    GivenPath reading = envelope;
    try {
      envelopeBytes = ports.files().read(envelope.path());
      reading = request.publicKey();
      publicKey = ports.files().read(request.publicKey().path());
    } catch (NoSuchFileException e) {
      return Outcome.failed(
          "no such file: " + reading.shown(),
          List.of(
              Diagnostic.of(
                  Code.E016,
                  reading.shown(),
                  "",
                  null,
                  "Missing required file: " + reading.shown())));
    } catch (IOException e) {
      return Outcome.failed("cannot read " + reading.shown() + ": " + e.getMessage(), List.of());
    }
    ProvenanceVerification verified =
        Provenance.verify(
            envelopeBytes,
            envelope.shown(),
            publicKey,
            request.folder().path(),
            expectations,
            ports.hasher(),
            ports.rawVerifier());
    TextReport report =
        new TextReport(
            verified.json(), verified.text(), verified.failures(), verified.summary(), false);
    return Outcome.checked(
        report, verified.ok(), verified.diagnostics(), "the provenance does not verify");
  }
}
