package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import java.util.List;

/** Key pairs, hashes and release signatures over the domain's signing flow. */
final class SigningService implements SigningUseCases {

  private final Flows flows;

  SigningService(Flows flows) {
    this.flows = flows;
  }

  @Override
  public Outcome<TextReport> generateKeys(GenerateKeysRequest request) {
    return flows
        .signing()
        .generateKeys(request.outDir(), request.unencrypted(), request.password(), request.force());
  }

  @Override
  public Outcome<TextReport> hash(List<GivenPath> files) {
    return flows.signing().hash(files);
  }

  @Override
  public Outcome<TextReport> signFiles(SignFilesRequest request) {
    return flows
        .signing()
        .signFiles(request.key(), request.password(), request.files(), request.publicKey());
  }
}
