package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.JsonPrinter;

/**
 * The compact JSON of a profile's {@code packages} ({@code runtimes, python_modules, node_packages,
 * system}), the input of the package-contract hash.
 */
public final class PackageContractJson {

  private PackageContractJson() {}

  public static String compact(Profile profile) {
    return JsonPrinter.compact().print(profile.document().object("packages"));
  }
}
