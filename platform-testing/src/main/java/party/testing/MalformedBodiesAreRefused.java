package party.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded fuzzing of every JSON request body the service's OpenAPI document declares: bodies that are not JSON,
 * cut short, nested thousands deep, with strings of megabytes, a field of the wrong type, or text PostgreSQL
 * cannot store. Each answers 4xx, never 5xx, and leaves every table as it was (the audit trail aside, which
 * records the refusals). The caller holds every role, so authorization never hides a parsing fault.
 * {@code -Dfuzz.seed} replays a run; {@code -Dfuzz.bodies} sets the bodies per operation.
 */
public abstract class MalformedBodiesAreRefused {

    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int BODIES = Integer.getInteger("fuzz.bodies", 24);
    private static final String EVERY_ROLE = TestTokens.forAccount("fuzzer", "/city", "organization", "admin",
            "organizer", "reviewer", "inspector", "discipline", "unit-leader", "voter", "teller", "integration");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind { NOT_JSON, EMPTY, CUT_SHORT, DEEP, HUGE_STRING, WRONG_TYPE, BAD_TEXT }

    @Inject
    DataSource db;

    /** Values for path parameters, so bodies reach real records; the rest are made up. */
    protected Map<String, String> pathValues() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedAndStoreNothing() {
        var api = OpenApiOperations.read();
        var random = new Random(SEED);
        return api.operations().stream().filter(op -> op.bodyType() != null && op.bodyType().contains("json"))
                .flatMap(operation -> {
                    String path = operation.concretePath(pathValues());
                    JsonNode schema = api.resolve(operation.spec().path("requestBody").path("content")
                            .path(operation.bodyType()).path("schema"));
                    var cases = new ArrayList<DynamicTest>();
                    for (int i = 0; i < BODIES; i++) {
                        Kind kind = Kind.values()[i % Kind.values().length];
                        byte[] body = body(kind, api, schema, new Random(random.nextLong()));
                        String name = operation.key() + " " + kind + " #" + i + " (seed " + SEED + ")";
                        cases.add(DynamicTest.dynamicTest(name, () -> {
                            Map<String, Long> before = rows();
                            int status = given().auth().oauth2(EVERY_ROLE).contentType("application/json").body(body)
                                    .request(operation.method(), path).statusCode();
                            assertThat(status).as(name + ": " + preview(body)).isBetween(400, 499);
                            assertThat(rows()).as(name + ": rows per table").isEqualTo(before);
                        }));
                    }
                    return cases.stream();
                });
    }

    private static byte[] body(Kind kind, OpenApiOperations api, JsonNode schema, Random random) {
        var mutable = new ArrayList<Consumer<JsonNode>>();
        JsonNode sample = sample(api, schema, random, 0, mutable::add);
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
            case HUGE_STRING -> mutated(sample, mutable, random, NODES.textNode("长".repeat(150_000 + random.nextInt(450_000))));
            case WRONG_TYPE -> mutated(sample, mutable, random, null);
            case BAD_TEXT -> mutated(sample, mutable, random, NODES.textNode(List.of("a\u0000b", "\ud800", "x\udfff",
                    "\u0007bell", "\u001b[31m").get(random.nextInt(5))));
        };
    }

    /** One field of the sample replaced by {@code value}, or by a value of a type that field cannot take. */
    private static byte[] mutated(JsonNode sample, List<Consumer<JsonNode>> fields, Random random, JsonNode value) {
        if (fields.isEmpty()) { // a body with no fields of its own: the whole body is the wrong thing
            return (value != null ? value : NODES.arrayNode().add(NODES.objectNode())).toString().getBytes(StandardCharsets.UTF_8);
        }
        fields.get(random.nextInt(fields.size())).accept(value);
        return sample.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A plausible value for {@code schema}; each field of an object is offered to {@code field} as a setter that
     * puts the value it is given, or one of a type the field cannot take when given null.
     */
    private static JsonNode sample(OpenApiOperations api, JsonNode schema, Random random, int depth,
                                   Consumer<Consumer<JsonNode>> field) {
        schema = api.resolve(schema);
        if (schema.has("allOf")) {
            schema = api.resolve(schema.path("allOf").path(0));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                schema.path("properties").properties().forEach(property -> {
                    JsonNode propertySchema = api.resolve(property.getValue());
                    object.set(property.getKey(), sample(api, propertySchema, random, depth + 1, field));
                    field.accept(value -> object.set(property.getKey(), value != null ? value : wrongFor(api.resolve(propertySchema))));
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth <= 4) {
                    array.add(sample(api, schema.path("items"), random, depth + 1, field));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1 + random.nextInt(5));
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                if (schema.has("enum")) {
                    return schema.path("enum").path(random.nextInt(schema.path("enum").size()));
                }
                return NODES.textNode(switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> LocalDate.of(2026, 11, 1).toString();
                    case "date-time" -> "2026-11-01T08:00:00Z";
                    default -> "district-a";
                });
            }
        }
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
