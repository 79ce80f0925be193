package party.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(null, Duration.ofSeconds(60), clock);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aTokenSeenAgainIsNotCheckedAgain() {
        Supplier<Uni<SecurityIdentity>> check = verifiedAs("leader-a", NOW.plusSeconds(300));
        assertThat(tokens.identityOf("token-1", check).await().indefinitely().getPrincipal().getName()).isEqualTo("leader-a");
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.identityOf("token-1", check).await().indefinitely().getPrincipal().getName()).isEqualTo("leader-a");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aTokenDifferentInAnyByteIsCheckedAfresh() {
        tokens.identityOf("header.claims.signature", verifiedAs("leader-a", NOW.plusSeconds(300))).await().indefinitely();
        assertThatThrownBy(() -> tokens.identityOf("header.claims.signaturf", refused()).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFailedCheckIsNotRemembered() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.identityOf("forged", refused()).await().indefinitely())
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(checks).hasValue(2);
    }

    @Test
    void neverPastTheTokensExpiry() {
        Supplier<Uni<SecurityIdentity>> check = verifiedAs("leader-a", NOW.plusSeconds(10));
        tokens.identityOf("short-lived", check).await().indefinitely();
        clock.advance(Duration.ofSeconds(10));
        tokens.identityOf("short-lived", check).await().indefinitely();
        assertThat(checks).hasValue(2);
    }

    @Test
    void neverLongerThanTheTimeToKeep() {
        Supplier<Uni<SecurityIdentity>> check = verifiedAs("leader-a", NOW.plusSeconds(3600));
        tokens.identityOf("long-lived", check).await().indefinitely();
        clock.advance(Duration.ofSeconds(60));
        tokens.identityOf("long-lived", check).await().indefinitely();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRememberedIdentityCarriesNothingOfTheRequestThatVerifiedIt() {
        Object firstRequest = new Object();
        Supplier<Uni<SecurityIdentity>> check = () -> {
            checks.incrementAndGet();
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt("leader-a", NOW.plusSeconds(300)))
                    .addRole("unit-leader").addAttribute("io.vertx.ext.web.RoutingContext", firstRequest)
                    .addCredential(new TokenCredential("token-1", "bearer")).build());
        };
        SecurityIdentity first = tokens.identityOf("token-1", check).await().indefinitely();
        SecurityIdentity second = tokens.identityOf("token-1", check).await().indefinitely();

        assertThat(first.getAttributes()).containsValue(firstRequest);
        assertThat(second.getAttributes()).isEmpty();
        assertThat(second.getCredentials()).isEmpty();
        assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
        assertThat(second.getRoles()).containsExactly("unit-leader");
        assertThat(second.isAnonymous()).isFalse();
    }

    private Supplier<Uni<SecurityIdentity>> verifiedAs(String user, Instant expiry) {
        return () -> {
            checks.incrementAndGet();
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt(user, expiry)).build());
        };
    }

    private Supplier<Uni<SecurityIdentity>> refused() {
        return () -> {
            checks.incrementAndGet();
            return Uni.createFrom().failure(new AuthenticationFailedException());
        };
    }

    private static JsonWebToken jwt(String user, Instant expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return user;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
