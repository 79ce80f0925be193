package party.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindTheIngress = new ClientAddresses(List.of("10.244.0.0/16", "fd00::/8"));

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        assertThat(new ClientAddresses(List.of()).of("198.51.100.4", "203.0.113.7")).isEqualTo("198.51.100.4");
    }

    @Test
    void aCallerThatIsNoTrustedProxyCannotNameAnotherAddress() {
        assertThat(behindTheIngress.of("198.51.100.4", "203.0.113.7")).isEqualTo("198.51.100.4");
    }

    @Test
    void theTrustedProxyNamesTheClient() {
        assertThat(behindTheIngress.of("10.244.3.9", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindTheIngress.of("10.244.3.9", null)).isEqualTo("10.244.3.9");
        assertThat(behindTheIngress.of("fd00::9", "[2001:db8::7]")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void readFromTheRightTheFirstHopThatIsNoTrustedProxyIsTheClientWhateverTheClientWroteInFront() {
        assertThat(behindTheIngress.of("10.244.3.9", "1.2.3.4, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindTheIngress.of("10.244.3.9", "1.2.3.4, 203.0.113.7, 10.244.1.1")).isEqualTo("203.0.113.7");
        assertThat(behindTheIngress.of("10.244.3.9", "10.244.1.2 , 10.244.1.1")).isEqualTo("10.244.1.2");
    }

    @Test
    void entriesMayCarryAPort() {
        assertThat(behindTheIngress.of("10.244.3.9", "203.0.113.7:5555")).isEqualTo("203.0.113.7");
        assertThat(behindTheIngress.of("10.244.3.9", "[2001:db8::7]:443")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindTheIngress.of("10.244.3.9", "203.0.113.7, 10.244.1.1:80")).isEqualTo("203.0.113.7");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheChainAndIsNeverLookedUp() {
        assertThat(behindTheIngress.of("10.244.3.9", "evil.example, 10.244.1.1")).isEqualTo("10.244.1.1");
        assertThat(behindTheIngress.of("10.244.3.9", "unknown")).isEqualTo("10.244.3.9");
        assertThat(behindTheIngress.of("10.244.3.9", "")).isEqualTo("10.244.3.9");
    }

    @Test
    void aProxyListThatIsNoListOfAddressesStopsTheGatewayFromStarting() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("ingress.local"))).hasMessageContaining("ingress.local");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
