package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.FileHashes;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin hash FILE...}: BLAKE3 lines exactly as {@code b3sum} prints them. */
@Command(name = "hash", description = "Print the BLAKE3 of each file, as b3sum does.")
final class HashCommand extends CapsemCommand {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to hash.")
  List<String> files;

  HashCommand(Capsem capsem) {

    super(capsem);
  }

  @Override
  public Integer call() {
    FileHashes hashes = capsem.signing().hash(files.stream().map(Path::of).toList(), files);
    Console console = console();
    hashes.lines().forEach(console::out);
    hashes.errors().forEach(error -> console.err("Error: " + error));
    return ExitCodes.of(hashes.ok());
  }
}
