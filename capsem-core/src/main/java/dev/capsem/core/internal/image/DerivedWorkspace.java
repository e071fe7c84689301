package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A build workspace as the build uses it: every derived file in memory, and the guest configuration
 * bound from them. The same files are written to disk for the user (upstream's output, linted
 * there), but the build reads them from here.
 */
public record DerivedWorkspace(List<WorkspaceFile> files, GuestConfig config) {

  public DerivedWorkspace {
    files = List.copyOf(files);
    Objects.requireNonNull(config, "config");
  }

  /** The file at {@code path} ({@code artifacts/capsem-init}). */
  WorkspaceFile file(String path) {
    for (WorkspaceFile file : files) {
      if (file.path().equals(path)) {
        return file;
      }
    }
    throw new IllegalStateException("the derived workspace has no " + path);
  }

  /**
   * The files of the folder {@code dir} ({@code artifacts/diagnostics}) by their path below it, in
   * sorted order; a single file {@code dir} is returned under the empty name.
   */
  Map<String, WorkspaceFile> tree(String dir) {
    Map<String, WorkspaceFile> found = new LinkedHashMap<>();
    List<WorkspaceFile> sorted = new ArrayList<>(files);
    sorted.sort((a, b) -> a.path().compareTo(b.path()));
    for (WorkspaceFile file : sorted) {
      if (file.path().equals(dir)) {
        found.put("", file);
      } else if (file.path().startsWith(dir + "/")) {
        found.put(file.path().substring(dir.length() + 1), file);
      }
    }
    return found;
  }
}
