package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.workspace.GuestConfig.WebService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a lint has found so far, and where in the workspace's TOML files a value sits. */
final class LintFindings {

  private final List<Diagnostic> found = new ArrayList<>();
  private Map<String, ConfigFile> files = Map.of();

  List<Diagnostic> found() {
    return found;
  }

  Map<String, ConfigFile> files() {
    return files;
  }

  void files(Map<String, ConfigFile> loaded) {
    // The loader's order is the files' order: E008 names the later file of two.
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(loaded));
  }

  Position position(String file, String... path) {
    ConfigFile config = files.get(file);
    return config == null ? null : config.position(path);
  }

  Position keyPosition(String file, String... path) {
    ConfigFile config = files.get(file);
    return config == null ? null : config.keyPosition(path);
  }

  static Diagnostic at(Code code, String file, Position position, String message) {
    return new Diagnostic(code, file, "", position, message);
  }

  interface ServiceVisitor {
    void visit(String section, String key, WebService service);
  }

  static void forEachWebService(ServiceVisitor visitor, GuestConfig config) {
    if (config.web() == null || !config.web().present()) {
      return;
    }
    for (Map.Entry<String, Map<String, WebService>> section : config.web().sections().entrySet()) {
      for (Map.Entry<String, WebService> service : section.getValue().entrySet()) {
        visitor.visit(section.getKey(), service.getKey(), service.getValue());
      }
    }
  }
}
