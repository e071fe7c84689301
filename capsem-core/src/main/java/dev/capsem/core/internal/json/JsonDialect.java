package dev.capsem.core.internal.json;

/**
 * Whose words a JSON syntax error is reported in. Upstream validates profiles with Pydantic (the
 * jiter parser) and checks provider file contents with Python's {@code json} module; each has its
 * own messages and column conventions.
 */
public enum JsonDialect {
  /** Pydantic's {@code Invalid JSON: <message> at line L column C}, without the prefix. */
  PYDANTIC,
  /** Python's {@code json}: {@code Expecting value: line L column C (char N)}. */
  PYTHON
}
