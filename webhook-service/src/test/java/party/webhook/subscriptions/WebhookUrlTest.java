package party.webhook.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import party.common.problem.Refused;

class WebhookUrlTest {

    @Test
    void acceptsAbsoluteHttpsAddressesOfPublicHosts() {
        assertThat(WebhookUrl.check("https://93.184.215.14/hooks/party?x=1", true, List.of()))
                .isEqualTo("https://93.184.215.14/hooks/party?x=1");
        assertThat(WebhookUrl.check("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8080/hooks", false, List.of()))
                .startsWith("http://[2606:");
    }

    @Test
    void refusesWhatCannotBeASignedDestination() {
        for (String url : new String[] {"http://93.184.215.14/hooks", "ftp://93.184.215.14/x", "/hooks", "https:///x",
                "https://user:pw@93.184.215.14/x", "https://93.184.215.14/x#frag", "https://oa gov.cn/"}) {
            assertThatThrownBy(() -> WebhookUrl.check(url, true, List.of())).as(url).isInstanceOf(Refused.class)
                    .extracting(e -> ((Refused) e).field()).isEqualTo("url");
        }
    }

    /** The addresses the attack run subscribed to: every spelling of an inside address, and one that resolves to none. */
    @Test
    void refusesHostsThatAreOrResolveToInsideAddresses() {
        for (String host : new String[] {"127.0.0.1:15432", "169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                "localhost", "[::1]", "[::ffff:127.0.0.1]", "[fd00::1]", "[fe80::1]", "0", "0.0.0.0", "2130706433",
                "0x7f000001", "224.0.0.1", "100.64.0.1", "198.18.0.1", "192.0.0.8", "0.1.2.3", "[::7f00:1]",
                "[64:ff9b::a9fe:a9fe]", "[2002:a00:1::]", "no-such-host.invalid"}) {
            assertThatThrownBy(() -> WebhookUrl.check("http://" + host + "/hooks", false, List.of())).as(host)
                    .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("url"));
        }
    }

    @Test
    void anAllowedHostIsPushedToWhateverItsAddress() {
        assertThat(WebhookUrl.check("http://127.0.0.1:9000/hooks", false, List.of("127.0.0.1")))
                .isEqualTo("http://127.0.0.1:9000/hooks");
        assertThatThrownBy(() -> WebhookUrl.check("http://127.0.0.2:9000/hooks", false, List.of("127.0.0.1")))
                .isInstanceOf(Refused.class);
    }
}
