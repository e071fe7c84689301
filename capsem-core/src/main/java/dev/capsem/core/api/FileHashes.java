package dev.capsem.core.api;

import java.util.List;

/**
 * The outcome of {@code hash}: one {@code b3sum}-style line per readable file, one error per
 * unreadable one.
 *
 * @param lines {@code <64 hex> <path>}, in argument order
 * @param errors {@code <path>: <reason>}
 */
public record FileHashes(List<String> lines, List<String> errors) {

  public FileHashes {
    lines = List.copyOf(lines);
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
