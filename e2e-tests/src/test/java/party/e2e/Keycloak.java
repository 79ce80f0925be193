package party.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.local.LocalKeycloak;
import party.local.LocalPlatform;

/** Real tokens from the running Keycloak, plus the two kinds of bad token the gateway must refuse. */
final class Keycloak {

    static final String OA_CLIENT = "oa-system";

    private final LocalPlatform platform;

    Keycloak(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Password grant through the local realm's demo client, as scripts and tests do (only there). */
    String token(String user) {
        return passwordGrant(LocalKeycloak.DEMO_CLIENT, user);
    }

    /** The OA system's service account (client credentials). */
    String oaSystemToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", OA_CLIENT,
                        "client_secret", "oa-system-local-demo-secret"))
                .post(platform.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Onboards an account as a committee's administrator does (README): created through the admin API with the unit
     * it acts for in {@code org_path}, given a realm role; its password is a demo user's. Returns it signed in.
     */
    String onboard(String user, String orgPath, String role) {
        String admin = adminToken();
        String realm = platform.keycloakUrl() + "/admin/realms/party";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", user, "enabled", true, "email", user + "@party.local", "emailVerified", true,
                        "firstName", user, "lastName", "e2e", "attributes", Map.of("org_path", List.of(orgPath)),
                        "credentials", List.of(Map.of("type", "password", "value", LocalKeycloak.demoPassword(user),
                                "temporary", false))))
                .post(realm + "/users").then().statusCode(201);
        String id = given().auth().oauth2(admin).queryParams(Map.of("username", user, "exact", true))
                .get(realm + "/users").then().statusCode(200).extract().path("[0].id");
        Map<String, Object> roleRepresentation = given().auth().oauth2(admin).get(realm + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(roleRepresentation))
                .post(realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return token(user);
    }

    String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", LocalKeycloak.ADMIN, "password", LocalKeycloak.ADMIN_PASSWORD))
                .post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A genuine token that expires after {@code seconds}: issued through a client created for this test
     * with a short access-token lifespan and the same claims as the real clients.
     */
    String shortLivedToken(String user, int seconds) {
        return passwordGrant(ownClient(Map.of("access.token.lifespan", String.valueOf(seconds)), true), user);
    }

    /** Access and refresh token of one sign-in, and the client they were issued to. */
    record SignedIn(String client, String accessToken, String refreshToken) {
    }

    /**
     * A sign-in as the realm grants it to people, through a client made for the test that {@link FreshTokens}
     * leaves alone: for the tests that watch what becomes of a token after its user signs out or is disabled.
     */
    SignedIn signInLeftToExpire(String user) {
        String client = ownClient(Map.of(), true);
        var tokens = given().formParams(Map.of("grant_type", "password", "client_id", client,
                        "username", user, "password", LocalKeycloak.demoPassword(user)))
                .post(platform.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        return new SignedIn(client, tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    /** The admin API's id of a user of the party realm. */
    String userId(String user) {
        return given().auth().oauth2(adminToken()).queryParams(Map.of("username", user, "exact", true))
                .get(platform.keycloakUrl() + "/admin/realms/party/users").then().statusCode(200)
                .extract().path("[0].id");
    }

    /**
     * A client with the password grant and the real ones' org_path claim, created for one test; with the platform's
     * audience, or without it.
     */
    private String ownClient(Map<String, String> attributes, boolean platformAudience) {
        String clientId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        var mappers = new ArrayList<Map<String, Object>>(List.of(Map.of("name", "org_path", "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", "org_path", "claim.name", "org_path",
                        "jsonType.label", "String", "access.token.claim", "true"))));
        if (platformAudience) {
            mappers.add(Map.of("name", "audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.custom.audience", "party-platform", "access.token.claim", "true")));
        }
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", attributes, "protocolMappers", mappers))
                .post(platform.keycloakUrl() + "/admin/realms/party/clients")
                .then().statusCode(201);
        return clientId;
    }

    /** Well-formed and signed, with the right audience and claims, but by a key and issuer nobody trusts. */
    static String foreignToken() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"foreign\"}";
        String payload = ("{\"iss\":\"http://127.0.0.1:1/realms/party\",\"aud\":\"party-platform\",\"sub\":\"intruder\","
                + "\"iat\":%d,\"exp\":%d,\"org_path\":\"/city\",\"realm_access\":{\"roles\":[\"admin\"]}}")
                .formatted(now, now + 300);
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64(signature.sign());
    }

    /** A genuine token of the realm, but issued to a client without the platform's audience. */
    String tokenForAnotherAudience(String user) {
        return passwordGrant(ownClient(Map.of(), false), user);
    }

    /** A genuine token whose payload was edited to claim the whole tree as admin; Keycloak's signature kept. */
    static String tamperedToAdmin(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"org_path\":\"[^\"]*\"", "\"org_path\":\"/\"")
                .replaceAll("\"roles\":\\[[^\\]]*\\]", "\"roles\":[\"admin\"]");
        return parts[0] + "." + base64(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A genuine token's claims under {@code "alg": "none"}, without its signature. */
    static String unsigned(String token) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + token.split("\\.")[1] + ".";
    }

    private String passwordGrant(String clientId, String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", clientId,
                        "username", user, "password", LocalKeycloak.demoPassword(user)))
                .post(platform.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
