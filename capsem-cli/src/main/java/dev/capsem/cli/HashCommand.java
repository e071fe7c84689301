package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin hash FILE...}: BLAKE3 lines exactly as {@code b3sum} prints them. */
@Command(name = "hash", description = "Print the BLAKE3 of each file, as b3sum does.")
final class HashCommand extends CapsemCommand {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to hash.")
  List<String> files;

  @Option(names = "--json", description = "Print the hashes as a JSON report.")
  boolean json;

  HashCommand(Capsem capsem) {
    super(capsem);
  }

  @Override
  public Integer call() {
    return print(capsem.signing().hash(files.stream().map(GivenPath::of).toList()), json);
  }
}
