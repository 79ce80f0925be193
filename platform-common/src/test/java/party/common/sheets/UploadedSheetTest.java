package party.common.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.common.problem.Refusal;
import party.common.problem.Refused;

class UploadedSheetTest {

    @Test
    void anImportTakesAtMostTwoThousandRowsUnderItsHeader() throws IOException {
        assertThat(UploadedSheet.table(csv(UploadedSheet.MAX_IMPORTED_ROWS), "text/csv", 2, List.of("编码", "名称"))
                .rows()).hasSize(UploadedSheet.MAX_IMPORTED_ROWS);
        assertThatThrownBy(() -> UploadedSheet.table(csv(UploadedSheet.MAX_IMPORTED_ROWS + 1), "text/csv", 2,
                List.of("编码", "名称"))).isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE))
                .hasMessageContaining("at most 2000 rows");
    }

    @Test
    void aSheetWithoutItsHeaderRowIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> UploadedSheet.table(new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)),
                "text/csv", 2, List.of("编码", "名称"))).isInstanceOf(Refused.class).hasMessageContaining("编码, 名称");
    }

    private static ByteArrayInputStream csv(int rows) {
        var text = new StringBuilder("编码,名称\n");
        for (int row = 0; row < rows; row++) {
            text.append("u").append(row).append(",单位").append(row).append('\n');
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
