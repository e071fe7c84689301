package dev.capsem.core.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement validates against the in-toto Statement v1 and SLSA Provenance v1 schemas (written
 * from the published specifications, see the schema files' descriptions), and the schemas do catch
 * a statement that breaks them.
 */
class StatementSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir java.nio.file.Path temp;

  @Test
  void statement_realisticRelease_validatesAgainstInTotoStatementV1() throws IOException {
    JsonNode statement = statement();

    assertThat(errors("in-toto-statement-v1.schema.json", statement)).isEmpty();
    assertThat(statement.get("subject")).hasSize(ProvenanceFixture.FILES.size());
  }

  @Test
  void predicate_realisticRelease_validatesAgainstSlsaProvenanceV1() throws IOException {
    JsonNode statement = statement();

    assertThat(statement.get("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(errors("slsa-provenance-v1.schema.json", statement.get("predicate"))).isEmpty();
  }

  @Test
  void statementSchema_subjectWithoutDigest_isRejected() throws IOException {
    ObjectNode statement = (ObjectNode) statement();
    ((ObjectNode) statement.get("subject").get(0)).remove("digest");

    assertThat(errors("in-toto-statement-v1.schema.json", statement)).isNotEmpty();
  }

  @Test
  void statementSchema_uppercaseSha256_isRejected() throws IOException {
    ObjectNode statement = (ObjectNode) statement();
    ObjectNode digest = (ObjectNode) statement.get("subject").get(0).get("digest");
    digest.put("sha256", digest.get("sha256").asText().toUpperCase(java.util.Locale.ROOT));

    assertThat(errors("in-toto-statement-v1.schema.json", statement)).isNotEmpty();
  }

  @Test
  void provenanceSchema_builderWithoutId_isRejected() throws IOException {
    ObjectNode predicate = (ObjectNode) statement().get("predicate");
    ((ObjectNode) predicate.get("runDetails").get("builder")).remove("id");

    assertThat(errors("slsa-provenance-v1.schema.json", predicate)).isNotEmpty();
  }

  @Test
  void provenanceSchema_timeWithoutZone_isRejected() throws IOException {
    ObjectNode predicate = (ObjectNode) statement().get("predicate");
    ((ObjectNode) predicate.get("runDetails").get("metadata")).put("startedOn", "2026-05-21 12:00");

    assertThat(errors("slsa-provenance-v1.schema.json", predicate)).isNotEmpty();
  }

  private JsonNode statement() throws IOException {
    ProvenanceInputs inputs = new ProvenanceFixture(temp, 7).inputs();
    return JSON.readTree(Statement.bytes(inputs));
  }

  private static List<Error> errors(String schemaFile, JsonNode document) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in =
        StatementSchemaTest.class.getResourceAsStream("/provenance/" + schemaFile)) {
      Schema schema = registry.getSchema(in, InputFormat.JSON);
      return schema.validate(document);
    }
  }
}
