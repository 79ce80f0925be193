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
        if (bytes.length == 16) {
            byte[] embedded = embeddedIpv4(bytes);
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
            return !uniqueLocal && !special(address) && (embedded == null || isPublicIpv4(embedded));
        }
        return isPublicIpv4(bytes) && !special(address);
    }

    private static boolean special(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress();
    }

    /** 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, 224/4 and above: inside. */
    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || first == 100 && (second & 0xc0) == 64 || first == 169 && second == 254
                || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18);
    }

    /** The IPv4 address an IPv6 one carries: IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (compatible || nat64) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        return b[0] == 0x20 && b[1] == 0x02 ? java.util.Arrays.copyOfRange(b, 2, 6) : null;
    }
}
