package party.gateway;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request really comes from, for the rate limits and the audit trail. Behind a reverse proxy (the
 * Ingress) every connection comes from the proxy, which names the client in {@code X-Forwarded-For}; but anybody can
 * send that header, so it counts only on a connection from a configured proxy ({@code gateway.trusted-proxies}), and
 * then only its entries a trusted proxy wrote: read from the right, the first hop that is not a trusted proxy is the
 * client. What a client put in front is never believed. With no proxies configured the header is ignored.
 */
final class ClientAddresses {

    private final List<IpSubnetFilterRule> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges, e.g. {@code 10.244.0.0/16} */
    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddresses::range).toList();
    }

    String of(HttpServerRequest request) {
        List<String> lines = request.headers().getAll("X-Forwarded-For"); // a proxy may add a line of its own
        return of(request.remoteAddress().hostAddress(), lines.isEmpty() ? null : String.join(",", lines));
    }

    /** @param peer the address the connection comes from; @param forwarded its X-Forwarded-For, or {@code null} */
    String of(String peer, String forwarded) {
        if (forwarded == null || !trusted(literal(peer))) {
            return peer;
        }
        String client = peer;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].trim());
            if (hop == null) {
                break; // not an address: nothing left of it was written by a proxy we trust
            }
            client = hop.getHostAddress();
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        if (address == null) {
            return false;
        }
        var socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(range -> range.matches(socket));
    }

    /**
     * An IP literal, with or without a port ({@code 203.0.113.7:5555}, {@code [2001:db8::1]:443}), or {@code null}
     * for anything else: never a name, so never a DNS lookup.
     */
    private static InetAddress literal(String text) {
        String bare = text;
        if (text.startsWith("[") && text.contains("]")) {
            bare = text.substring(1, text.indexOf(']'));
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            bare = text.substring(0, text.indexOf(':')); // IPv4 and a port; a bare IPv6 address has several colons
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpSubnetFilterRule range(String entry) {
        String[] parts = entry.trim().split("/", 2);
        InetAddress address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + entry + "' is not an address or CIDR range");
        }
        int bits = address.getAddress().length * 8;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + entry + "' has no valid prefix length");
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
