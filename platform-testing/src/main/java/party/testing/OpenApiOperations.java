package party.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        public String concretePath(Map<String, String> known) {
            String concrete = path;
            for (JsonNode parameter : spec.path("parameters")) {
                if (!"path".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                String value = known.containsKey(name) ? known.get(name)
                        : schema.has("enum") ? schema.path("enum").path(0).asText()
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
}
