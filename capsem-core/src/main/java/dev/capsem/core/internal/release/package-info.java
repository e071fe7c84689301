/**
 * The release: one use case from a profile to a signed, verified release, as a list of steps in
 * four stages (validate, test, package, verify) that the command line, the Maven lifecycle and an
 * embedding tool all run.
 */
package dev.capsem.core.internal.release;
