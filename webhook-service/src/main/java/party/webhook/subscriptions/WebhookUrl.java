package party.webhook.subscriptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import party.common.problem.Refusal;
import party.common.problem.Refused;
import party.webhook.Destinations;

/** The address a subscriber gives: an absolute http(s) URL without credentials or fragment, on a public host. */
final class WebhookUrl {

    private WebhookUrl() {
    }

    static String check(String url, boolean requireHttps, List<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("不是合法的 URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw refused(requireHttps ? "推送地址须为 https" : "推送地址须为 http 或 https");
        }
        if (uri.getHost() == null) {
            throw refused("推送地址缺少主机名");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("推送地址不得含用户名、密码或 #片段; 用签名验证推送的来源");
        }
        try {
            Destinations.resolve(uri.getHost(), allowedHosts);
        } catch (Destinations.Blocked e) {
            throw refused(e.getMessage());
        }
        return uri.toString();
    }

    private static Refused refused(String detail) {
        return Refusal.INVALID_WEBHOOK_URL.because(detail, "url");
    }
}
