package party.ballot.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsExportTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(ResultsExport.quoted("=HYPERLINK(\"http://x\",\"点击\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
        for (String formula : new String[] {"+1", "-1+2", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(ResultsExport.quoted(formula)).startsWith("\"'");
        }
        assertThat(ResultsExport.quoted("张三")).isEqualTo("\"张三\"");
        assertThat(ResultsExport.quoted("")).isEqualTo("\"\"");
    }
}
