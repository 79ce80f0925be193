package party.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** The operations the running service publishes in its OpenAPI document: what the security tests walk. */
public record OpenApiOperations(JsonNode document, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation; {@code bodyType} is the first media type of its request body, or null. */
    public record Operation(String method, String path, JsonNode spec, String bodyType) {

        public String key() {
            return method + " " + path;
        }

        /** The path with each parameter filled: a random UUID, an enum's first value, a number, or a code nobody has. */
        public String concretePath() {
            String concrete = path;
            for (JsonNode parameter : spec.path("parameters")) {
                if (!"path".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                String value = schema.has("enum") ? schema.path("enum").path(0).asText()
                        : "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                        : Set.of("integer", "number").contains(schema.path("type").asText()) ? "1"
                        : "no-such-" + name;
                concrete = concrete.replace("{" + name + "}", value);
            }
            return concrete;
        }
    }

    public static OpenApiOperations read() {
        try {
            JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
            var operations = new ArrayList<Operation>();
            document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    var content = operation.getValue().path("requestBody").path("content");
                    String bodyType = content.isEmpty() ? null : content.fieldNames().next();
                    operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                            bodyType));
                }
            }));
            return new OpenApiOperations(document, operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema with {@code $ref}s resolved against the document's components. */
    public JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? resolve(document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())))
                : schema;
    }

    /** A field of a sample body, to be replaced by a test. */
    public record Field(ObjectNode owner, String name, JsonNode schema) {
        public void set(JsonNode value) {
            owner.set(name, value);
        }
    }

    /** A plausible value for {@code schema} (often valid, never guaranteed to be); its object fields are added to {@code fields}. */
    public JsonNode sample(JsonNode schema, Random random, List<Field> fields) {
        return sample(schema, random, fields, 0);
    }

    private JsonNode sample(JsonNode schema, Random random, List<Field> fields, int depth) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            schema = resolve(schema.path("allOf").path(0));
        }
        var nodes = JsonNodeFactory.instance;
        switch (schema.path("type").asText(schema.has("properties") ? "object" : "string")) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth <= 4) {
                    schema.path("properties").properties().forEach(property -> {
                        JsonNode propertySchema = resolve(property.getValue());
                        object.set(property.getKey(), sample(propertySchema, random, fields, depth + 1));
                        fields.add(new Field(object, property.getKey(), propertySchema));
                    });
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth <= 4) {
                    array.add(sample(schema.path("items"), random, fields, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return nodes.numberNode(1 + random.nextInt(5));
            }
            case "number" -> {
                return nodes.numberNode(1.5);
            }
            case "boolean" -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            default -> {
                if (schema.has("enum")) {
                    return schema.path("enum").path(random.nextInt(schema.path("enum").size()));
                }
                return nodes.textNode(switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> LocalDate.of(2026, 11, 1).toString();
                    case "date-time" -> "2026-11-01T08:00:00Z";
                    default -> "district-a";
                });
            }
        }
    }
}
