package party.ballot.casting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The slip's QR symbol: a square of modules with its three finder patterns where a scanner looks for them. */
class QrImageTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");

    @Test
    void aVotingLinkIsASquareSymbolWithItsFinderPatternsInThreeCorners() {
        QrImage image = QrImage.of("https://dj.example.gov.cn/vote?code=7KQ2M9XH4TPA");
        assertThat((image.size() - 17) % 4).as("a QR version's size is 4 × version + 17").isZero();
        Set<String> dark = new HashSet<>();
        var runs = RUN.matcher(image.path());
        while (runs.find()) {
            for (int x = 0; x < Integer.parseInt(runs.group(3)); x++) {
                dark.add((Integer.parseInt(runs.group(1)) + x) + "," + runs.group(2));
            }
        }
        assertThat(RUN.matcher(image.path()).replaceAll("")).as("nothing but runs of modules").isEmpty();
        assertThat(image.path()).as("a finder pattern's top edge is one run").startsWith("M0,0h7v1h-7z");
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
