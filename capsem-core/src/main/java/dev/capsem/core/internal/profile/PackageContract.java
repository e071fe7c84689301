package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/** What the image must contain: runtimes, Python modules, npm packages and Debian packages. */
public record PackageContract(
    Map<String, String> runtimes,
    Map<String, String> pythonModules,
    Map<String, String> nodePackages,
    String distro,
    String release,
    Map<String, String> apt) {

  public PackageContract {
    runtimes = Nodes.ordered(runtimes);
    pythonModules = Nodes.ordered(pythonModules);
    nodePackages = Nodes.ordered(nodePackages);
    apt = Nodes.ordered(apt);
  }
}
