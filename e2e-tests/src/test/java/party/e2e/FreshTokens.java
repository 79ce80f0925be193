package party.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import party.local.LocalKeycloak;

/**
 * Access tokens live 30 seconds (decision 019), and a test holds a user's token across waits longer than that. As
 * the pages refresh theirs, this signs the demo user (or the OA system) in again when a token of the local demo client
 * (or the OA client) is about to expire. Tokens of any other client go out as they are: the tests of expiry and
 * revocation use clients of their own.
 */
final class FreshTokens implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Keycloak keycloak;

    FreshTokens(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        if (request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme bearer
                && bearer.getAccessToken() != null) {
            JsonNode claims = claims(bearer.getAccessToken());
            if (claims != null && claims.path("exp").asLong() - Instant.now().getEpochSecond() < 5) {
                String client = claims.path("azp").asText();
                if (client.equals(LocalKeycloak.DEMO_CLIENT)) {
                    bearer.setAccessToken(keycloak.token(claims.path("preferred_username").asText()));
                } else if (client.equals(Keycloak.OA_CLIENT)) {
                    bearer.setAccessToken(keycloak.oaSystemToken());
                }
            }
        }
        return context.next(request, response);
    }

    /** The payload of a JWT, or {@code null} for a token that is not one (the tests of forged tokens send those). */
    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }
}
