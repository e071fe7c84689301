package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.manifest.AssetNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * After a build, the profile names what was built (issue 13): its TOML is edited in place by {@link
 * ProfileAssetsEdit}, so that {@code image verify PROFILE --assets-dir DIR} passes on the build's
 * own folder. A profile this cannot edit (JSON, inline tables) is left unchanged with W019.
 */
public final class ProfileAssetsWriter {

  /** What was done: the line for the console, or the warning. */
  public record Result(String line, Diagnostic warning) {}

  private ProfileAssetsWriter() {}

  /** Writes {@code built}'s assets into {@code profile}; {@code assets} is the build's folder. */
  public static Result write(GivenPath profile, BuildOutcome built, GivenPath assets) {
    List<ProfileAssetsEdit.Built> files = new ArrayList<>();
    Set<String> held = new LinkedHashSet<>();
    for (BuildOutcome.BuiltAsset asset : built.assets()) {
      String kind = kindOf(asset.name());
      if (kind != null) {
        files.add(new ProfileAssetsEdit.Built(asset.arch(), kind, asset.hash(), asset.size()));
        held.add(asset.arch());
      }
    }
    if (files.isEmpty()) {
      return new Result(null, null);
    }
    try (var arches = Files.list(assets.path())) {
      arches
          .filter(dir -> Files.isRegularFile(dir.resolve(AssetNames.KERNEL)))
          .forEach(dir -> held.add(dir.getFileName().toString()));
    } catch (IOException e) {
      // Only the architectures built now are known to be there.
    }
    try {
      String text = Files.readString(profile.path(), StandardCharsets.UTF_8);
      Optional<String> edited =
          profile.path().toString().endsWith(".json")
              ? Optional.empty()
              : ProfileAssetsEdit.apply(text, files, held);
      if (edited.isEmpty()) {
        return new Result(
            null,
            new Diagnostic(
                Code.W019,
                profile.shown(),
                "",
                null,
                "profile left unchanged: its vm.assets are not [vm.assets.<arch>.<kind>] TOML"
                    + " tables; verify the release profile the Maven pipeline writes instead"));
      }
      if (!edited.get().equals(text)) {
        replace(profile.path(), edited.get());
      }
      return new Result(
          "profile: vm.assets of " + String.join(", ", held) + " written into " + profile.shown(),
          null);
    } catch (IOException e) {
      return new Result(
          null,
          new Diagnostic(
              Code.W019,
              profile.shown(),
              "",
              null,
              "profile left unchanged: cannot rewrite it: " + e.getMessage()));
    }
  }

  /** The new text beside the profile, then moved over it: never a half-written profile. */
  private static void replace(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path partial = Files.createTempFile(absolute.getParent(), "." + file.getFileName(), ".partial");
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      try {
        Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static String kindOf(String name) {
    for (Map.Entry<String, String> entry : AssetNames.BY_KIND.entrySet()) {
      if (entry.getValue().equals(name)) {
        return entry.getKey();
      }
    }
    return null;
  }
}
