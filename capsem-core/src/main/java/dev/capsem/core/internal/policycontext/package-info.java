/**
 * The policy context: what an enforcement rule's CEL condition and a detection rule see of one
 * event ({@code common}, {@code http}, {@code dns}, {@code mcp}, {@code model}, {@code file},
 * {@code process}, {@code profile}), declared once and read from {@code
 * capsem.policy-context-fixture.v1} JSONL corpora.
 */
package dev.capsem.core.internal.policycontext;
