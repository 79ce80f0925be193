package party.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class MergedOpenApiTest {

    @Test
    void pathsAndSchemasOfEveryServiceAreKeptAndClashingSchemasRenamed() {
        var documents = new LinkedHashMap<String, JsonObject>();
        documents.put("assessment", new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/assessment/org-units":{"get":{"responses":{"200":{"content":
                {"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                "components":{"schemas":{"Page":{"type":"object","properties":{"total":{"type":"integer"}}},
                "Problem":{"type":"object"}}}}"""));
        documents.put("ballots", new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/ballots/sessions":{"get":{"responses":{"200":{"content":
                {"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                "components":{"schemas":{"Page":{"type":"array"},"Problem":{"type":"object"}}}}"""));

        JsonObject merged = MergedOpenApi.merge(documents);

        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/assessment/org-units", "/api/ballots/sessions");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactlyInAnyOrder("Page", "ballots.Page", "Problem");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").getJsonObject("ballots.Page")
                .getString("type")).isEqualTo("array");
        assertThat(ref(merged, "/api/ballots/sessions")).isEqualTo("#/components/schemas/ballots.Page");
        assertThat(ref(merged, "/api/assessment/org-units")).isEqualTo("#/components/schemas/Page");
    }

    private static String ref(JsonObject document, String path) {
        return document.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref");
    }
}
