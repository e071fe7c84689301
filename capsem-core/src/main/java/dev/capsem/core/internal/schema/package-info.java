/** A small declarative validator with Pydantic's lax input rules, messages and error order. */
package dev.capsem.core.internal.schema;
