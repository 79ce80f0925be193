package party.ballot.casting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The slip's QR symbol: a square of modules with its three finder patterns where a scanner looks for them. */
class QrImageTest {

    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

    @Test
    void aVotingLinkIsASquareSymbolWithItsFinderPatternsInThreeCorners() {
        QrImage image = QrImage.of("https://dj.example.gov.cn/vote?code=7KQ2M9XH4TPA");
        assertThat((image.size() - 17) % 4).as("a QR version's size is 4 × version + 17").isZero();
        Set<String> dark = new HashSet<>();
        var modules = MODULE.matcher(image.path());
        while (modules.find()) {
            dark.add(modules.group(1) + "," + modules.group(2));
        }
        assertThat(MODULE.matcher(image.path()).replaceAll("")).as("nothing but modules").isEmpty();
        int far = image.size() - 7;
        for (int[] corner : new int[][] {{0, 0}, {far, 0}, {0, far}}) {
            // a finder pattern: a dark 7 × 7 ring around a light ring around a dark 3 × 3 centre
            assertThat(dark).contains(at(corner, 0, 0), at(corner, 6, 0), at(corner, 0, 6), at(corner, 6, 6),
                    at(corner, 3, 3), at(corner, 2, 2), at(corner, 4, 4));
            assertThat(dark).doesNotContain(at(corner, 1, 1), at(corner, 5, 5), at(corner, 1, 3));
        }
    }

    private static String at(int[] corner, int dx, int dy) {
        return (corner[0] + dx) + "," + (corner[1] + dy);
    }
}
