package party.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/problems.md, which OA integrators read, lists exactly the refusals the platform answers with. */
class RefusalCatalogueTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d{3}|4xx) \\|", Pattern.MULTILINE);

    @Test
    void theDocumentListsEveryRefusalWithItsStatusAndNothingElse() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "problems.md"));
        Matcher row = ROW.matcher(doc);
        Map<String, String> documented = new TreeMap<>();
        while (row.find()) {
            assertThat(documented.put(row.group(1), row.group(2))).as("listed twice: " + row.group(1)).isNull();
        }
        Map<String, String> catalogue = Arrays.stream(Refusal.values()).collect(Collectors.toMap(Refusal::slug,
                r -> r == Refusal.REQUEST_REFUSED ? "4xx" : String.valueOf(r.status()), (a, b) -> a, TreeMap::new));
        assertThat(documented).isEqualTo(catalogue);
    }

    @Test
    void slugsReadAsTheConstantsDo() {
        assertThat(Refusal.MOVE_INTO_OWN_SUBTREE.slug()).isEqualTo("move-into-own-subtree");
        assertThat(Refusal.ILLEGAL_STEP.because("当前状态（已销号）不能执行此操作", null)).isInstanceOf(Refused.class)
                .hasMessageContaining("已销号");
    }
}
