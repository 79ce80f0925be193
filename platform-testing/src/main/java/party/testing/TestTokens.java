package party.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like the party realm's (realm roles, {@code org_path}, audience), verified by
 * the service under test against the public key in this module's microprofile-config.properties.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tokens.test/realms/party";
    public static final String AUDIENCE = "party-platform";
    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    /** A valid token; {@code orgPath} may be {@code null} for an account bound to no unit. */
    public static String token(String user, String orgPath, String... roles) {
        return claims(user, orgPath, roles).sign(KEY);
    }

    /** A reviewer's token: the {@code department} claim names the indicators it may score. */
    public static String reviewer(String user, String orgPath, String department) {
        return claims(user, orgPath, "reviewer").claim("department", department).sign(KEY);
    }

    public static String expired(String user, String orgPath, String... roles) {
        return claims(user, orgPath, roles).issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(300)).sign(KEY);
    }

    public static String fromOtherIssuer(String user, String orgPath, String... roles) {
        return claims(user, orgPath, roles).issuer("https://elsewhere.test/realms/party").sign(KEY);
    }

    public static String forOtherAudience(String user, String orgPath, String... roles) {
        return claims(user, orgPath, roles).audience("another-system").sign(KEY);
    }

    /** A token of the party realm's shape for any account, e.g. a demo user read from the realm file. */
    public static String forAccount(String user, String orgPath, String department, String... roles) {
        JwtClaimsBuilder claims = claims(user, orgPath, roles);
        return (department == null ? claims : claims.claim("department", department)).sign(KEY);
    }

    /** An account holding every realm role, department {@code organization}: authorization never stands in its way. */
    public static String everyRole(String user, String orgPath) {
        return forAccount(user, orgPath, "organization", "admin", "organizer", "reviewer", "inspector", "discipline",
                "unit-leader", "voter", "teller", "integration");
    }

    /** Valid in every other way, but only from ten minutes on ({@code nbf}). */
    public static String notYetValid(String user, String orgPath, String... roles) {
        long later = Instant.now().plusSeconds(600).getEpochSecond();
        return claims(user, orgPath, roles).claim("nbf", later).issuedAt(later).expiresAt(later + 300).sign(KEY);
    }

    /** The claims of a valid token with {@code "alg": "none"} and no signature. */
    public static String unsigned(String user, String orgPath, String... roles) {
        String payload = token(user, orgPath, roles).split("\\.")[1];
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    /** Right issuer, audience and claims, signed by a key nobody trusts. */
    public static String signedByAnotherKey(String user, String orgPath, String... roles) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(user, orgPath, roles).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A genuine unit leader's token whose payload was edited to claim the whole tree as admin; signature kept. */
    public static String tamperedToAdmin(String user, String orgPath) {
        String[] parts = token(user, orgPath, "unit-leader").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + orgPath + "\"", "\"/\"").replace("\"unit-leader\"", "\"admin\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JwtClaimsBuilder claims(String user, String orgPath, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(user)
                .preferredUserName(user)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300);
        return orgPath == null ? claims : claims.claim("org_path", orgPath);
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("test-only-signing-key.pem");
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
