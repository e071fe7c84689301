/**
 * The {@code capsem-admin} command line: thin picocli commands that parse options, call one
 * capsem-core use case, print, and map the outcome to upstream's exit codes (0 ok, 1 invalid, 2
 * usage).
 */
package dev.capsem.cli;
