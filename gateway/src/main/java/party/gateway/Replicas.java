package party.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of each service (its {@code url} lists them) and which of them are ready, asked every second of
 * their own readiness check. Requests go round the ready ones; one that cannot be connected to is tried on the next,
 * so a replica that died since the last check costs a request nothing. Only when none is ready are the others tried
 * too: better an answer from a replica that is still starting than a certain 502. A service with one url (behind a
 * Kubernetes Service, which balances itself) is never probed.
 */
@ApplicationScoped
public class Replicas {

    private static final int PROBE_EVERY_MS = 1_000;

    /** A replica's address and what its readiness check said last. */
    static final class Replica {
        final URI url;
        volatile boolean ready = true; // until the first check says otherwise

        Replica(URI url) {
            this.url = url;
        }

        SocketAddress address() {
            return SocketAddress.inetSocketAddress(url.getPort(), url.getHost());
        }
    }

    private record Pool(List<Replica> replicas, AtomicInteger next) {
    }

    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final HttpClient probes;

    public Replicas(GatewayConfig config, Vertx vertx) {
        config.services().forEach((name, service) -> pools.put(name,
                new Pool(service.url().stream().map(Replica::new).toList(), new AtomicInteger())));
        probes = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1_000));
    }

    void probeEverySecond(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(PROBE_EVERY_MS, tick -> pools.values().stream().filter(pool -> pool.replicas().size() > 1)
                .flatMap(pool -> pool.replicas().stream()).forEach(this::probe));
    }

    private void probe(Replica replica) {
        probes.request(new RequestOptions().setMethod(HttpMethod.GET).setServer(replica.address())
                        .setHost(replica.url.getHost()).setPort(replica.url.getPort()).setURI("/q/health/ready")
                        .setTimeout(PROBE_EVERY_MS))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    replica.ready = response.statusCode() == 200;
                    response.body(); // read to the end, so the connection goes back to the pool
                })
                .onFailure(failure -> replica.ready = false);
    }

    /** The proxy's connection for one request: the ready replicas in turn, then the rest. */
    Future<HttpClientRequest> connect(String service, HttpClient client) {
        return connect(client, inTurn(service), 0);
    }

    private static Future<HttpClientRequest> connect(HttpClient client, List<Replica> order, int at) {
        return client.request(new RequestOptions().setServer(order.get(at).address()))
                .recover(failure -> at + 1 < order.size() ? connect(client, order, at + 1) : Future.failedFuture(failure));
    }

    /** A ready replica's url (the first if none is), for the gateway's own calls: the merged OpenAPI document. */
    URI url(String service) {
        return inTurn(service).get(0).url;
    }

    private List<Replica> inTurn(String service) {
        Pool pool = pools.get(service);
        List<Replica> all = pool.replicas();
        int start = Math.floorMod(pool.next().getAndIncrement(), all.size());
        var ready = new ArrayList<Replica>(all.size());
        var others = new ArrayList<Replica>();
        for (int i = 0; i < all.size(); i++) {
            Replica replica = all.get((start + i) % all.size());
            (replica.ready ? ready : others).add(replica);
        }
        ready.addAll(others);
        return ready;
    }
}
