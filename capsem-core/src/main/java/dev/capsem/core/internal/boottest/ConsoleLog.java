package dev.capsem.core.internal.boottest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a guest's serial console says about how its boot ended: a kernel panic (and whether it was
 * PID 1 exiting), capsem-init's fatal error, or how far capsem-init got.
 */
record ConsoleLog(List<String> lines) {

  private static final Pattern PANIC = Pattern.compile("Kernel panic - not syncing: (.*)");
  private static final Pattern KILLED_INIT =
      Pattern.compile("Attempted to kill init! exitcode=0x([0-9a-fA-F]+)");
  private static final String FATAL = "capsem-init: fatal: ";
  private static final String CHECKS = "capsem-init: running the diagnostics";

  ConsoleLog {
    lines = List.copyOf(lines);
  }

  /** The console's text as lines, without the terminal's carriage returns. */
  static ConsoleLog of(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.replace("\r", ""));
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return new ConsoleLog(lines);
  }

  /** The panic's reason ({@code Attempted to kill init! exitcode=0x00000100}), or null. */
  String panic() {
    for (String line : lines) {
      Matcher matcher = PANIC.matcher(line);
      if (matcher.find()) {
        return matcher.group(1).strip();
      }
    }
    return null;
  }

  /** PID 1's exit status when the panic is PID 1 exiting, or null. */
  Integer initExitStatus() {
    String panic = panic();
    if (panic == null) {
      return null;
    }
    Matcher matcher = KILLED_INIT.matcher(panic);
    return matcher.find() ? (int) (Long.parseLong(matcher.group(1), 16) >> 8) & 0xff : null;
  }

  /** capsem-init's fatal error ({@code cannot mount the rootfs ...}), or null. */
  String fatal() {
    for (String line : lines) {
      int at = line.indexOf(FATAL);
      if (at >= 0) {
        return line.substring(at + FATAL.length()).strip();
      }
    }
    return null;
  }

  /** Whether capsem-init got as far as starting the diagnostics. */
  boolean checksStarted() {
    return lines.stream().anyMatch(line -> line.contains(CHECKS));
  }

  /** The last {@code count} lines, each indented, for a diagnostic's message. */
  String tail(int count) {
    int from = Math.max(0, lines.size() - count);
    StringBuilder out = new StringBuilder();
    for (String line : lines.subList(from, lines.size())) {
      out.append("\n    | ").append(line);
    }
    return out.toString();
  }

  /**
   * The lines from the panic (or the fatal error before it) on, at most {@code count}: what a
   * reader needs to see why the kernel stopped.
   */
  String aroundPanic(int count) {
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(FATAL) || (at < 0 && PANIC.matcher(lines.get(i)).find())) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return tail(count);
    }
    int from = Math.max(0, at - 2);
    int to = Math.min(lines.size(), from + count);
    StringBuilder out = new StringBuilder();
    for (String line : lines.subList(from, to)) {
      out.append("\n    | ").append(line);
    }
    return out.toString();
  }
}
