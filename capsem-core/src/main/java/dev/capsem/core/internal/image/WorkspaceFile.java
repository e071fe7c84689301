package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.Objects;

/**
 * One file of a build workspace, relative to its root with {@code /} separators.
 *
 * @param executable whether the file keeps an executable mode (guest scripts)
 * @param tree the document the file was written from (the TOML the workspace derives), so that the
 *     build binds it without parsing its own output again; null for copied files
 */
public record WorkspaceFile(String path, byte[] content, boolean executable, ObjectNode tree) {

  public WorkspaceFile {
    Objects.requireNonNull(path, "path");
    content = content.clone();
  }

  /** A file copied from the user's inputs. */
  public WorkspaceFile(String path, byte[] content, boolean executable) {
    this(path, content, executable, null);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }
}
