package dev.capsem.core.internal.detection;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * PyYAML's implicit typing of plain scalars (YAML 1.1, {@code yaml/resolver.py}), which upstream
 * reads packs and Sigma rules with. It differs from SnakeYAML's own in places that matter: {@code
 * 1e5} is a string (a float needs a dot), and {@code 0o17} is a string.
 */
final class PyYamlResolver extends Resolver {

  static final Pattern BOOL =
      Pattern.compile(
          "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN))$");
  static final Pattern INT =
      Pattern.compile(
          "^(?:[-+]?0b[0-1_]+"
              + "|[-+]?0[0-7_]+"
              + "|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  static final Pattern MERGE = Pattern.compile("^(?:<<)$");
  static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  static final Pattern TIMESTAMP =
      Pattern.compile(
          "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
              + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, NULL, "~nN\u0000");
    addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
  }
}
