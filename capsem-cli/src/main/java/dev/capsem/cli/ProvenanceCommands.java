package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ProvenanceVerifyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin provenance verify}. */
final class ProvenanceCommands {

  private ProvenanceCommands() {}

  @Command(
      name = "provenance",
      description = "Check a release's signed SLSA provenance (an in-toto statement in DSSE).")
  static final class Group extends CommandGroup {}

  @Command(
      name = "verify",
      description =
          "Verify a release folder's provenance: the envelope, its signature by the release key,"
              + " the SLSA v1 predicate, every subject's sha256 and BLAKE3 against the folder's"
              + " file, and the expected builder and profile digest.")
  static final class Verify extends CapsemCommand {

    @Parameters(
        paramLabel = "FOLDER",
        description = "The release folder (a pulled release, or target/capsem/publish).")
    String folder;

    @Option(
        names = "--pubkey",
        required = true,
        paramLabel = "PUB",
        description = "The release's minisign public key.")
    String publicKey;

    @Option(
        names = "--envelope",
        paramLabel = "FILE",
        description = "The DSSE envelope (default: FOLDER/provenance.intoto.jsonl).")
    String envelope;

    @Option(
        names = "--builder",
        paramLabel = "ID",
        description = "The builder id the provenance must name (runDetails.builder.id).")
    String builder;

    @Option(
        names = "--profile-digest",
        paramLabel = "SHA256",
        description = "The profile file's sha256 the provenance must name.")
    String profileDigest;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Verify(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(
          capsem
              .provenance()
              .verify(
                  new ProvenanceVerifyRequest(
                      existingDirectory(folder, "FOLDER"),
                      optionalFile(envelope, "--envelope"),
                      existingFile(publicKey, "--pubkey"),
                      builder,
                      profileDigest)),
          json);
    }
  }
}
