package party.testing;

import static io.restassured.RestAssured.given;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad token answers 401 at the service itself, as if the gateway were not there. A service's
 * {@code @QuarkusTest} extends this and names a path the genuine token may read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the forgeries carry the subclass's role
public abstract class ForgedTokensAreRefused {

    private static final String USER = "leader-a";
    private static final String SCOPE = "/city/district-a";

    /** A GET the genuine token of {@code /city/district-a} with {@link #role()} may call (200). */
    protected abstract String readablePath();

    protected String role() {
        return "unit-leader";
    }

    Stream<Arguments> forgeries() {
        String role = role();
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of("expired", TestTokens.expired(USER, SCOPE, role)),
                Arguments.of("not yet valid", TestTokens.notYetValid(USER, SCOPE, role)),
                Arguments.of("another issuer", TestTokens.fromOtherIssuer(USER, SCOPE, role)),
                Arguments.of("another audience", TestTokens.forOtherAudience(USER, SCOPE, role)),
                Arguments.of("alg none", TestTokens.unsigned(USER, SCOPE, role)),
                Arguments.of("another key", TestTokens.signedByAnotherKey(USER, SCOPE, role)),
                Arguments.of("claims edited to admin of /", TestTokens.tamperedToAdmin(USER, SCOPE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void isRefused(String kind, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        request.get(readablePath()).then().statusCode(401);
    }

    @Test
    void theGenuineTokenIsAccepted() {
        given().auth().oauth2(TestTokens.token(USER, SCOPE, role())).get(readablePath()).then().statusCode(200);
    }
}
