package party.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
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
