package dev.capsem.core.internal.image;

import java.util.Objects;

/**
 * One file of a build workspace, relative to its root with {@code /} separators.
 *
 * @param executable whether the file keeps an executable mode (guest scripts)
 */
public record WorkspaceFile(String path, byte[] content, boolean executable) {

  public WorkspaceFile {
    Objects.requireNonNull(path, "path");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }
}
