/**
 * The Capsem Maven plugin: thin goals that bind capsem-core use cases to lifecycle phases. Every
 * goal reads its parameters, builds one request, calls one use case, writes its JSON report under
 * {@code target/capsem/} and turns the outcome into a build result.
 */
package dev.capsem.maven;
