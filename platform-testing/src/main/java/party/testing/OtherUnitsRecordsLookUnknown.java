package party.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Org scope on every operation that names a record in its path: called by an outsider of a sibling unit who holds
 * every role, a real record of another unit answers exactly as a record that does not exist — same status, same
 * problem type — for reads and writes alike, and never 2xx. Writes carry a plausible body, so a broken scope
 * check would show as a success. The owner's reads of the same records find them, which proves them real.
 * An operation with a path parameter the subclass gives no record for fails the test unless it is listed in
 * {@link #unscoped()}.
 */
public abstract class OtherUnitsRecordsLookUnknown {

    private static final Pattern PARAMETER = Pattern.compile("([^/]+)/\\{(\\w+)}");

    /** Records of a unit the outsider may not see, keyed by the path segment before the parameter and the parameter: {@code items/{id}}. */
    protected abstract Map<String, String> records();

    /** Every role, bound to a sibling of the records' unit. */
    protected abstract String outsider();

    /** An account that sees the records. */
    protected abstract String owner();

    /** Operations ({@code METHOD path}) whose path parameters name nothing scoped, with the reason in a comment. */
    protected Set<String> unscoped() {
        return Set.of();
    }

    @TestFactory
    Stream<DynamicTest> aRecordOfAnotherUnitAnswersAsOneThatDoesNotExist() {
        var api = OpenApiOperations.read();
        Map<String, String> records = records();
        var uncovered = new TreeSet<String>();
        var tests = new ArrayList<DynamicTest>();
        var random = new Random(20261122L);
        for (var operation : api.operations()) {
            List<String> keys = parameterKeys(operation.path());
            if (keys.isEmpty() || unscoped().contains(operation.key())) {
                continue;
            }
            if (!records.keySet().containsAll(keys)) {
                uncovered.add(operation.key());
                continue;
            }
            String real = fill(operation.path(), records);
            String unknown = fill(operation.path(), null);
            String body = operation.bodyType() != null && operation.bodyType().contains("json")
                    ? api.sample(api.resolve(operation.spec().path("requestBody").path("content")
                            .path(operation.bodyType()).path("schema")), random, new ArrayList<>()).toString()
                    : null;
            tests.add(DynamicTest.dynamicTest(operation.key(), () -> {
                Response forReal = call(given().auth().oauth2(outsider()), operation, real, body);
                Response forNothing = call(given().auth().oauth2(outsider()), operation, unknown, body);
                assertThat(forReal.statusCode()).as(operation.key() + " on another unit's record")
                        .isEqualTo(forNothing.statusCode()).isGreaterThanOrEqualTo(400);
                assertThat(problemType(forReal)).as(operation.key() + ": problem type").isEqualTo(problemType(forNothing));
                if (operation.method().equals("GET")) { // found (maybe not in a state to answer 200): the record is real
                    assertThat(call(given().auth().oauth2(owner()), operation, real, null).statusCode())
                            .as(operation.key() + " by its owner").isNotIn(401, 403, 404);
                }
            }));
        }
        assertThat(uncovered).as("operations naming records the test has none for").isEmpty();
        return tests.stream();
    }

    private static List<String> parameterKeys(String path) {
        var keys = new ArrayList<String>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            keys.add(matcher.group(1) + "/{" + matcher.group(2) + "}");
        }
        return keys;
    }

    /** The path with each parameter a record from {@code records}, or, when null, something that does not exist. */
    private static String fill(String path, Map<String, String> records) {
        Matcher matcher = PARAMETER.matcher(path);
        var filled = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1) + "/{" + matcher.group(2) + "}";
            String value = records != null ? records.get(key) : unknownLike(matcher.group(2));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + "/" + value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String unknownLike(String parameter) {
        return parameter.equals("id") || parameter.endsWith("Id") ? UUID.randomUUID().toString() : "no-such-" + parameter;
    }

    private static Response call(RequestSpecification request, OpenApiOperations.Operation operation, String path,
                                 String body) {
        if (body != null) {
            request = request.contentType("application/json").body(body);
        } else if (operation.bodyType() != null && operation.bodyType().startsWith("multipart/")) {
            request = request.multiPart("file", "evidence.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        }
        return request.request(operation.method(), path);
    }

    private static String problemType(Response response) {
        String type = response.contentType();
        if (type == null || !type.contains("json")) {
            return type;
        }
        return response.jsonPath().getString("type");
    }
}
