package party.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The role × endpoint matrix: every operation of the service's OpenAPI document, called as every demo user of
 * the realm file (and no token at all), answers as the service's {@code access-rules.txt}
 * says — a role the rule names gets past authorization (any status but 401/403), any other gets 403, no token
 * gets 401. An operation without a rule, or a rule without an operation, fails the test, so a new endpoint cannot
 * ship without one.
 *
 * <p>A rule line: {@code METHOD /path/{param}  role role ...}, or {@code authenticated} (any valid token), or
 * {@code public} (no token needed).
 */
public abstract class EveryEndpointHasItsRoles {

    private static final Path REALM = Path.of("../deploy/keycloak/party-realm.json");

    record Caller(String name, Set<String> roles, String token) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEveryCallerAsItsRuleSays() {
        var api = OpenApiOperations.read();
        Map<String, Set<String>> rules = rules();
        var published = new TreeSet<String>();
        api.operations().forEach(operation -> published.add(operation.key()));
        assertThat(published).as("operations without a rule in access-rules.txt")
                .isSubsetOf(rules.keySet());
        assertThat(rules.keySet()).as("rules naming no operation").isSubsetOf(published);

        List<Caller> callers = callers();
        return api.operations().stream().flatMap(operation -> {
            Set<String> allowed = rules.get(operation.key());
            String path = operation.concretePath();
            return Stream.concat(
                    Stream.of(DynamicTest.dynamicTest(operation.key() + " without a token", () -> {
                        int status = call(given(), operation, path);
                        if (allowed.contains("public")) {
                            assertThat(status).as(operation.key() + " without a token").isNotIn(401, 403);
                        } else {
                            assertThat(status).as(operation.key() + " without a token").isEqualTo(401);
                        }
                    })),
                    callers.stream().map(caller -> DynamicTest.dynamicTest(operation.key() + " as " + caller.name(), () -> {
                        int status = call(given().auth().oauth2(caller.token()), operation, path);
                        boolean permitted = allowed.contains("public") || allowed.contains("authenticated")
                                || caller.roles().stream().anyMatch(allowed::contains);
                        if (permitted) {
                            assertThat(status).as(operation.key() + " as " + caller.name()).isNotIn(401, 403);
                        } else {
                            assertThat(status).as(operation.key() + " as " + caller.name()).isEqualTo(403);
                        }
                    })));
        });
    }

    private static int call(RequestSpecification request, OpenApiOperations.Operation operation, String path) {
        if (operation.bodyType() != null) {
            if (operation.bodyType().startsWith("multipart/")) {
                request = request.multiPart("file", "empty.txt", new byte[0]);
            } else {
                request = request.contentType(operation.bodyType()).body(operation.bodyType().contains("json") ? "{}" : "");
            }
        }
        return request.request(operation.method(), path).statusCode();
    }

    /** The realm's demo users with their roles, org path and department. */
    static List<Caller> callers() {
        try {
            var callers = new ArrayList<Caller>();
            for (JsonNode user : new ObjectMapper().readTree(REALM.toFile()).path("users")) {
                String[] roles = user.path("realmRoles").valueStream().map(JsonNode::asText).toArray(String[]::new);
                JsonNode attributes = user.path("attributes");
                String department = attributes.path("department").path(0).asText(null);
                callers.add(new Caller(user.path("username").asText(), Set.of(roles), TestTokens.forAccount(
                        user.path("username").asText(), attributes.path("org_path").path(0).asText(), department, roles)));
            }
            return callers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Set<String>> rules() {
        var rules = new LinkedHashMap<String, Set<String>>();
        var stream = getClass().getResourceAsStream("/access-rules.txt");
        assertThat(stream).as("src/test/resources/access-rules.txt").isNotNull();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                String[] words = line.split("\\s+");
                assertThat(words).as("rule '" + line + "'").hasSizeGreaterThanOrEqualTo(3);
                String key = words[0] + " " + words[1];
                assertThat(rules.put(key, Set.copyOf(Arrays.asList(words).subList(2, words.length))))
                        .as("rule given twice: " + key).isNull();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
