package party.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded fuzzing of every JSON request body the service's OpenAPI document declares: bodies that are not JSON,
 * cut short, nested thousands deep, with strings of megabytes, a field of the wrong type, or text PostgreSQL
 * cannot store. Each answers 4xx, never 5xx, and leaves every table as it was (the audit trail aside, which
 * records the refusals). The caller holds every role, so authorization never hides a parsing fault.
 * Query parameters get the same treatment. {@code -Dfuzz.seed} replays a run; {@code -Dfuzz.bodies} sets the bodies
 * per operation.
 */
public abstract class MalformedBodiesAreRefused {

    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int BODIES = Integer.getInteger("fuzz.bodies", 24);
    private static final String FUZZER = TestTokens.everyRole("fuzzer", "/city");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind { NOT_JSON, EMPTY, CUT_SHORT, DEEP, HUGE_STRING, WRONG_TYPE, BAD_TEXT }

    @Inject
    DataSource db;

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedAndStoreNothing() {
        var api = OpenApiOperations.read();
        var random = new Random(SEED);
        return api.operations().stream().filter(op -> op.bodyType() != null && op.bodyType().contains("json"))
                .flatMap(operation -> {
                    String path = operation.concretePath();
                    JsonNode schema = api.resolve(operation.spec().path("requestBody").path("content")
                            .path(operation.bodyType()).path("schema"));
                    var cases = new ArrayList<DynamicTest>();
                    for (int i = 0; i < BODIES; i++) {
                        Kind kind = Kind.values()[i % Kind.values().length];
                        byte[] body = body(kind, api, schema, new Random(random.nextLong()));
                        String name = operation.key() + " " + kind + " #" + i + " (seed " + SEED + ")";
                        cases.add(DynamicTest.dynamicTest(name, () -> {
                            Map<String, Long> before = rows();
                            int status = given().auth().oauth2(FUZZER).contentType("application/json").body(body)
                                    .request(operation.method(), path).statusCode();
                            assertThat(status).as(name + ": " + preview(body)).isBetween(400, 499);
                            assertThat(rows()).as(name + ": rows per table").isEqualTo(before);
                        }));
                    }
                    return cases.stream();
                });
    }

    /**
     * Every query parameter of every GET, one at a time, at the edges of its type (the largest int, a negative, a
     * number too large for any type, text where a number goes, long text, a NUL), and a page whose offset overflows:
     * never a server error, and the overflowing page a 400.
     */
    @TestFactory
    Stream<DynamicTest> oddQueryParametersAreAnsweredWithoutAServerError() {
        var api = OpenApiOperations.read();
        return api.operations().stream().filter(op -> op.method().equals("GET")).flatMap(operation -> {
            var cases = new ArrayList<DynamicTest>();
            var names = new ArrayList<String>();
            for (JsonNode parameter : operation.spec().path("parameters")) {
                if (!parameter.path("in").asText().equals("query")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                names.add(name);
                boolean number = List.of("integer", "number").contains(parameter.path("schema").path("type").asText());
                List<String> values = number ? List.of("2147483647", "-1", "99999999999999999999", "1e99", "十二")
                        : List.of("长".repeat(400), "a\u0000b", "%", "../..");
                for (String value : values) {
                    String label = operation.key() + " ?" + name + "="
                            + (value.length() > 20 ? value.substring(0, 20) + "…" : value);
                    cases.add(DynamicTest.dynamicTest(label, () -> assertThat(given().auth().oauth2(FUZZER)
                            .queryParam(name, value).get(operation.concretePath()).statusCode()).as(label)
                            .isLessThan(500)));
                }
            }
            if (names.containsAll(List.of("page", "size"))) { // a record named in the path may not exist: 404 first
                String label = operation.key() + " ?page=1073741824&size=2";
                List<Integer> expected = operation.path().contains("{") ? List.of(400, 404) : List.of(400);
                cases.add(DynamicTest.dynamicTest(label, () -> assertThat(given().auth().oauth2(FUZZER)
                        .queryParam("page", 1073741824).queryParam("size", 2).get(operation.concretePath())
                        .statusCode()).as(label).isIn(expected)));
            }
            return cases.stream();
        });
    }

    private static byte[] body(Kind kind, OpenApiOperations api, JsonNode schema, Random random) {
        var fields = new ArrayList<OpenApiOperations.Field>();
        JsonNode sample = api.sample(schema, random, fields);
        return switch (kind) {
            case NOT_JSON -> random.nextBoolean()
                    ? List.of("{'unit': 'district-a'}", "<xml/>", "undefined", "{\"a\":1,}", "[1 2]", "{\"a\"}", "NaN")
                            .get(random.nextInt(7)).getBytes(StandardCharsets.UTF_8)
                    : randomBytes(random);
            case EMPTY -> new byte[0];
            case CUT_SHORT -> {
                String text = sample.isContainerNode() ? sample.toString() : "{\"value\":" + sample + "}";
                yield text.substring(0, 1 + random.nextInt(text.length() - 1)).getBytes(StandardCharsets.UTF_8);
            }
            case DEEP -> {
                int depth = 1_000 + random.nextInt(50_000);
                yield ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case HUGE_STRING -> mutated(sample, fields, random, NODES.textNode("长".repeat(150_000 + random.nextInt(450_000))));
            case WRONG_TYPE -> mutated(sample, fields, random, null);
            case BAD_TEXT -> mutated(sample, fields, random, NODES.textNode(List.of("a\u0000b", "\ud800", "x\udfff",
                    "\u0007bell", "\u001b[31m").get(random.nextInt(5))));
        };
    }

    /** One field of the sample replaced by {@code value}, or by a value of a type that field cannot take. */
    private static byte[] mutated(JsonNode sample, List<OpenApiOperations.Field> fields, Random random, JsonNode value) {
        if (fields.isEmpty()) { // a body with no fields of its own: the whole body is the wrong thing
            return (value != null ? value : NODES.arrayNode().add(NODES.objectNode())).toString().getBytes(StandardCharsets.UTF_8);
        }
        var field = fields.get(random.nextInt(fields.size()));
        field.set(value != null ? value : wrongFor(field.schema()));
        return sample.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value Jackson will not coerce into a field of this schema. */
    private static JsonNode wrongFor(JsonNode schema) {
        return switch (schema.path("type").asText(schema.has("properties") ? "object" : "string")) {
            case "string" -> NODES.objectNode().put("not", "text");
            case "integer", "number" -> NODES.textNode("十二");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.objectNode().put("not", "a list");
            default -> NODES.arrayNode().add("not an object");
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        bytes[0] = (byte) '{';
        return bytes;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        return text + (body.length > 160 ? "… (" + body.length + " bytes)" : "");
    }

    /** Rows per table of the service's database, the audit trail and Flyway's history aside. */
    private Map<String, Long> rows() throws SQLException {
        var counts = new TreeMap<String, Long>();
        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            var tables = new ArrayList<String>();
            try (var result = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name not in ('audit_entry', 'flyway_schema_history')")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (var result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        }
        return counts;
    }
}
