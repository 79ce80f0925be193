package party.rectification.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A reporter's name is unreadable at rest, opens only under its key, and never seals the same way twice. */
class ReporterSealTest {

    private static final String REPORTER = "举报人：李某，电话 13800000000";

    private static ReporterSeal under(String key) {
        return new ReporterSeal(Base64.getEncoder().encodeToString(key.getBytes()), null);
    }

    @Test
    void aSealedReporterOpensOnlyUnderItsKey() {
        ReporterSeal seal = under("test-only-key: clue reporters!!!");
        String sealed = seal.seal(REPORTER);

        assertThat(sealed).startsWith("v1:").doesNotContain("李某", "13800000000");
        assertThat(seal.seal(REPORTER)).isNotEqualTo(sealed);
        assertThat(seal.open(sealed)).isEqualTo(REPORTER);
        assertThatThrownBy(() -> under("another-key-of-32-bytes-exactly!").open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open(sealed.substring(0, sealed.length() - 2) + "AA"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingAndWhatWasStoredBeforeSealingReadAsTheyAre() {
        ReporterSeal seal = under("test-only-key: clue reporters!!!");
        assertThat(seal.seal(null)).isNull();
        assertThat(seal.open(null)).isNull();
        assertThat(seal.open("王某")).isEqualTo("王某");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStart() {
        assertThatThrownBy(() -> under("short")).isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
