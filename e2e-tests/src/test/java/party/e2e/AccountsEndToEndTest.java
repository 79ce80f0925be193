package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalKeycloak;
import party.local.LocalPlatform;
import party.local.Port;

/**
 * The realm's accounts against the real Keycloak: a signed-out or disabled user loses access everywhere within 30
 * seconds (access tokens live 30 s, decision 019), the password grant exists only on the local demo client, wrong
 * passwords lock an account, and a weak password is refused. Each test signs in accounts made for it.
 */
@ExtendWith(RunningPlatform.class)
class AccountsEndToEndTest {

    /** The longest a token outlives its user's sign-out or disabling: its lifespan. */
    private static final Duration REVOKED_WITHIN = Duration.ofSeconds(30);

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void aSignedOutOrDisabledUserIsRefusedAtTheGatewayAndAtEachServiceWithin30Seconds() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String leaving = "e2e-signs-out-" + run;
        String disabled = "e2e-disabled-" + run;
        keycloak.onboard(leaving, "/city/district-a", "unit-leader");
        keycloak.onboard(disabled, "/city/district-a", "unit-leader");
        var signedOut = keycloak.signInLeftToExpire(leaving);
        var beingDisabled = keycloak.signInLeftToExpire(disabled);
        List<String> urls = List.of(platform.gatewayUrl() + "/api/rectification/org-units",
                platform.settings().url(Port.ASSESSMENT) + "/api/assessment/org-units",
                platform.settings().url(Port.RECTIFICATION) + "/api/rectification/org-units",
                platform.settings().url(Port.BALLOT) + "/api/ballots/org-units",
                platform.settings().url(Port.WEBHOOK) + "/api/webhooks/org-units");
        for (String url : urls) {
            given().auth().oauth2(signedOut.accessToken()).get(url).then().statusCode(200);
            given().auth().oauth2(beingDisabled.accessToken()).get(url).then().statusCode(200);
        }

        long start = System.nanoTime();
        // the user signs out on the page (RP-initiated logout with the refresh token); an administrator disables the other
        given().formParams(Map.of("client_id", signedOut.client(), "refresh_token", signedOut.refreshToken()))
                .post(platform.issuer() + "/protocol/openid-connect/logout").then().statusCode(204);
        given().auth().oauth2(keycloak.adminToken()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(platform.keycloakUrl() + "/admin/realms/party/users/" + keycloak.userId(disabled))
                .then().statusCode(204);

        for (var gone : List.of(signedOut, beingDisabled)) { // at once, no page can renew the session
            given().formParams(Map.of("grant_type", "refresh_token", "client_id", gone.client(),
                            "refresh_token", gone.refreshToken()))
                    .post(platform.issuer() + "/protocol/openid-connect/token").then().statusCode(400)
                    .body("error", equalTo("invalid_grant"));
        }
        // and the access token in hand lasts out its life, no longer (measured from the sign-out, up to 30 s)
        var afterSignOut = CompletableFuture.supplyAsync(() -> secondsUntilRefusedEverywhere(signedOut, urls, start));
        var afterDisabling = CompletableFuture.supplyAsync(() -> secondsUntilRefusedEverywhere(beingDisabled, urls, start));
        System.out.printf("refused everywhere %.1f s after signing out, %.1f s after being disabled "
                + "(the rest of the tokens' 30 s)%n", afterSignOut.join(), afterDisabling.join());
    }

    private static double secondsUntilRefusedEverywhere(Keycloak.SignedIn user, List<String> urls, long start) {
        await().atMost(REVOKED_WITHIN.plusSeconds(2)).pollInterval(Duration.ofMillis(500)).until(() -> urls.stream()
                .allMatch(url -> given().auth().oauth2(user.accessToken()).get(url).statusCode() == 401));
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void thePasswordGrantExistsOnlyOnTheLocalDemoClient() {
        // the phone pages' client, for people: authorization code with PKCE only; and Keycloak's own admin-cli
        for (String client : List.of("mobile", "admin-cli")) {
            given().formParams(Map.of("grant_type", "password", "client_id", client, "username", "organizer",
                            "password", LocalKeycloak.demoPassword("organizer")))
                    .post(platform.issuer() + "/protocol/openid-connect/token").then().statusCode(400)
                    .body("error", equalTo("unauthorized_client"));
        }
        assertThat(keycloak.token("organizer")).isNotBlank();
    }

    @Test
    void guessesInQuickSuccessionLockTheAccountEvenAgainstTheRightPassword() {
        String user = "e2e-guessed-" + UUID.randomUUID().toString().substring(0, 6);
        keycloak.onboard(user, "/city/district-a", "unit-leader");
        String wrong = signIn(user, "guess-0").then().statusCode(400).body("error", equalTo("invalid_grant"))
                .extract().path("error_description");
        signIn(user, "guess-1").then().statusCode(400).body("error_description", equalTo(wrong));
        // two failures within a second lock it for a minute (five spread out would too): the right password is
        // refused, with the same answer as a wrong one, so the guesser learns nothing
        signIn(user, LocalKeycloak.demoPassword(user)).then().statusCode(400)
                .body("error", equalTo("invalid_grant")).body("error_description", equalTo(wrong));
    }

    private Response signIn(String user, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", LocalKeycloak.DEMO_CLIENT,
                "username", user, "password", password)).post(platform.issuer() + "/protocol/openid-connect/token");
    }

    @Test
    void anAdministratorCannotGiveAnAccountAWeakPassword() {
        String user = "e2e-weak-" + UUID.randomUUID().toString().substring(0, 6);
        keycloak.onboard(user, "/city/district-a", "unit-leader");
        String id = keycloak.userId(user);
        // too short, no capital, no digit, no symbol; and the password it has now (none of its last five)
        for (String weak : List.of("Short-1", "password-without-1", "Password-Without", "Password12345",
                LocalKeycloak.demoPassword(user))) {
            resetPassword(id, weak).then().statusCode(400);
        }
        resetPassword(id, "Another-Pass-2026").then().statusCode(204);
    }

    private Response resetPassword(String id, String password) {
        return given().auth().oauth2(keycloak.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .put(platform.keycloakUrl() + "/admin/realms/party/users/" + id + "/reset-password");
    }
}
