package party.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers, for a short while, the bearer tokens the gateway has verified. A client sends the same token for
 * minutes, and checking it again on every request (parsing the JWT, the RSA signature, building the identity) was a
 * quarter of the gateway's CPU under load (a profile of the platform benchmark). Each service behind still checks
 * every token in full: this only spares the gateway repeating its own check (decision 013).
 *
 * <p>Runs before Quarkus OIDC's mechanism and hands it everything it does not know. An entry is keyed by the SHA-256
 * of the whole token, so a token that differs in any byte (claims or signature) is verified afresh; it never outlives
 * the token's {@code exp} nor the configured time; a failed check is never remembered. What is kept is a new identity
 * with the principal and roles only: Quarkus attaches per-request attributes (the routing context) to the identity it
 * builds, and one request's must never reach another; and the token itself (its credential) is not kept, the request
 * carries it on to the service.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    /** Tokens in memory at most; a client with many tokens cannot grow the gateway past this. */
    private static final int MOST_TOKENS = 10_000;

    private final HttpAuthenticationMechanism oidc;
    private final Duration timeToKeep;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokens(OidcAuthenticationMechanism oidc, GatewayConfig config) {
        this(oidc, config.verifiedTokensKeptFor(), Clock.systemUTC());
    }

    VerifiedTokens(HttpAuthenticationMechanism oidc, Duration timeToKeep, Clock clock) {
        this.oidc = oidc;
        this.timeToKeep = timeToKeep;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MOST_TOKENS).expireAfterWrite(timeToKeep).build();
    }

    private record Verified(SecurityIdentity identity, Instant until) {}

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem(); // no token: OIDC's own mechanism, next in line, answers
        }
        return identityOf(authorization.substring(BEARER.length()), () -> oidc.authenticate(context, identities));
    }

    /** The identity a token stands for: remembered, or verified by {@code verify} and then remembered. */
    Uni<SecurityIdentity> identityOf(String token, Supplier<Uni<SecurityIdentity>> verify) {
        String key = sha256(token);
        Verified known = verified.getIfPresent(key);
        if (known != null && clock.instant().isBefore(known.until())) {
            return Uni.createFrom().item(known.identity());
        }
        return verify.get().invoke(identity -> remember(key, identity));
    }

    private void remember(String key, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Instant until = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant latest = clock.instant().plus(timeToKeep);
        SecurityIdentity withoutRequestState = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt).addRoles(identity.getRoles()).build();
        verified.put(key, new Verified(withoutRequestState, until.isBefore(latest) ? until : latest));
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    /** Ahead of OIDC's mechanism ({@code DEFAULT_PRIORITY + 1}), so that a known token never reaches it. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 2;
    }
}
