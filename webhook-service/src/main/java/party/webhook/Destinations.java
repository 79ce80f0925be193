package party.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where the platform may push: a host whose every address is public. Loopback, link-local (the cloud metadata
 * address among them), private, unique-local, multicast and unspecified addresses are refused, however the host is
 * spelled ({@code localhost}, {@code 0}, {@code 2130706433}, {@code [::ffff:127.0.0.1]}), unless the host is on the
 * configured allow-list (the local demo receiver). A delivery connects to an address checked here, never to a
 * second resolution of the name.
 */
public final class Destinations {

    private Destinations() {
    }

    /** A host the platform will not push to, and why (in a few words, for the subscriber). */
    public static final class Blocked extends Exception {
        public Blocked(String reason) {
            super(reason);
        }
    }

    /** The address to connect to for this host: its first, once all of them are checked. */
    public static InetAddress resolve(String host, List<String> allowedHosts) throws Blocked {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new Blocked("主机名无法解析");
        }
        if (allowedHosts.stream().noneMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new Blocked("推送地址不得指向内部网络（" + address.getHostAddress() + "）");
                }
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        boolean sharedOrReserved = bytes.length == 4 && ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 // 100.64/10
                || (bytes[0] & 0xff) >= 240); // 240/4 and broadcast
        return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedOrReserved);
    }
}
