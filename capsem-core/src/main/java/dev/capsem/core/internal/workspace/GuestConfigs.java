package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads a guest config for use (not for linting): the typed config, or why it cannot be used. */
public final class GuestConfigs {

  /** The config when it loaded, else the findings that prevented it. */
  public record Loaded(GuestConfig config, List<Diagnostic> diagnostics) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * A file of a guest config held in memory, named below the guest folder ({@code
   * config/build.toml}): its tree when it was made as one, else its bytes.
   */
  public record InMemory(String name, ObjectNode tree, byte[] bytes) {}

  private GuestConfigs() {}

  /**
   * The config of files in memory (a derived workspace): only the {@code config/**.toml} ones are
   * read; trees are bound as they are, bytes parsed.
   */
  public static Loaded load(List<InMemory> files) {
    List<GuestConfigLoader.Source> sources = new ArrayList<>();
    for (InMemory file : files) {
      if (file.name().startsWith("config/") && file.name().endsWith(".toml")) {
        sources.add(new GuestConfigLoader.Source(file.name(), file.tree(), file.bytes(), null));
      }
    }
    GuestConfigLoader.Loaded loaded = GuestConfigLoader.load(sources);
    return new Loaded(loaded.config(), loaded.diagnostics());
  }

  public static Loaded load(Path guestDir, String guestAsGiven) throws IOException {
    String prefix = guestAsGiven.endsWith("/") ? guestAsGiven : guestAsGiven + "/";
    if (!Files.isDirectory(guestDir.resolve("config"))) {
      return new Loaded(
          null,
          List.of(
              new Diagnostic(Code.E016, prefix + "config", "", null, "Missing config directory")));
    }
    if (!Files.isRegularFile(guestDir.resolve("config/build.toml"))) {
      return new Loaded(
          null,
          List.of(
              new Diagnostic(
                  Code.E016,
                  prefix + "config/build.toml",
                  "",
                  null,
                  "Missing required file: build.toml")));
    }
    GuestConfigLoader.Loaded loaded = GuestConfigLoader.load(guestDir);
    return new Loaded(loaded.config(), loaded.diagnostics());
  }
}
