package party.webhook.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import party.common.problem.Refused;

class WebhookUrlTest {

    @Test
    void acceptsAbsoluteHttpsAddresses() {
        assertThat(WebhookUrl.check("https://oa.district-a.gov.cn/hooks/party?x=1", true))
                .isEqualTo("https://oa.district-a.gov.cn/hooks/party?x=1");
        assertThat(WebhookUrl.check("http://10.1.2.3:8080/hooks", false)).isEqualTo("http://10.1.2.3:8080/hooks");
    }

    @Test
    void refusesWhatCannotBeASignedDestination() {
        for (String url : new String[] {"http://oa.gov.cn/hooks", "ftp://oa.gov.cn/x", "/hooks", "https:///x",
                "https://user:pw@oa.gov.cn/x", "https://oa.gov.cn/x#frag", "https://oa gov.cn/"}) {
            assertThatThrownBy(() -> WebhookUrl.check(url, true)).as(url).isInstanceOf(Refused.class)
                    .extracting(e -> ((Refused) e).field()).isEqualTo("url");
        }
    }
}
