package party.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * One token bucket per client in front of the proxy, so that one runaway script, integration or flood cannot take
 * the services from everyone else; over its limit a client gets 429 with Retry-After. A caller with a token is
 * counted by its principal, wherever it calls from; a caller without one (voting with a one-time code, public
 * progress) by its address (behind the Ingress, the one the proxy names: ClientAddresses), which a whole meeting
 * hall behind one NAT shares, hence that limit's size.
 * The buckets live in this process: each gateway instance counts on its own.
 */
final class ClientRateLimits implements Handler<RoutingContext> {

    private final Buckets perUser;
    private final Buckets perAddress;

    ClientRateLimits(GatewayConfig.RateLimit config) {
        perUser = new Buckets(config.perUser());
        perAddress = new Buckets(config.perAddress());
    }

    @Override
    public void handle(RoutingContext ctx) {
        ConsumptionProbe probe = bucketOf(ctx).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
        GatewayProblems.answer(ctx, 429, "rate-limited", "请求过于频繁",
                "Too many requests from this client; retry after " + retryAfter + " s.");
    }

    private Bucket bucketOf(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return perUser.of(user.getSecurityIdentity().getPrincipal().getName());
        }
        return perAddress.of(ctx.get(GatewayRoutes.CLIENT));
    }

    /** The buckets of one kind of client, each made on the client's first request. */
    private static final class Buckets {

        /** A ceiling on memory however many clients call at once; past it the least used buckets go first. */
        private static final int MOST_CLIENTS = 100_000;

        private final Bandwidth limit;
        private final Cache<String, Bucket> byClient;

        Buckets(GatewayConfig.Limit config) {
            limit = Bandwidth.builder().capacity(config.burst())
                    .refillGreedy(config.requestsPerSecond(), Duration.ofSeconds(1)).build();
            // An idle bucket is full again after this long and so no different from a new one: forgetting it is free.
            Duration refilled = Duration.ofSeconds(config.burst()).dividedBy(config.requestsPerSecond());
            byClient = Caffeine.newBuilder().expireAfterAccess(refilled).maximumSize(MOST_CLIENTS).build();
        }

        Bucket of(String client) {
            return byClient.get(client, c -> Bucket.builder().addLimit(limit).build());
        }
    }
}
