package party.assessment.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import party.common.problem.Refusal;
import party.common.problem.Refused;
import party.common.sheets.UploadedSheet;

/** Survey sheets are read as streams within limits: a hostile one is refused before it costs memory or time. */
class OpinionSheetTest {

    @Test
    void aSurveyExportReadsPastItsHeader() throws IOException {
        assertThat(xlsx(Sheets.survey("metro-b", 70)))
                .containsExactly(new OpinionSheet.Row(2, "metro-b", new BigDecimal("70")));
        assertThat(csv("\uFEFF单位,满意度\r\n\r\nmetro-a,95\rmetro-b,70.5\n"))
                .containsExactly(new OpinionSheet.Row(3, "metro-a", new BigDecimal("95")),
                        new OpinionSheet.Row(4, "metro-b", new BigDecimal("70.5")));
    }

    @Test
    void aBadScoreRefusesTheWholeSheet() {
        assertThat(refusal(() -> xlsx(Sheets.survey("metro-b", 170))).refusal()).isEqualTo(Refusal.INVALID_SHEET_ROW);
        assertThat(refusal(() -> csv("metro-a,90\nmetro-b,七十\n")).refusal()).isEqualTo(Refusal.INVALID_SHEET_ROW);
    }

    @Test
    void whatIsNotAWorkbookIsUnreadable() {
        var refused = refusal(() -> xlsx("metro-b,70\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.refusal()).isEqualTo(Refusal.UNREADABLE_SHEET);
        assertThat(refusal(() -> xlsx(new byte[0])).refusal()).isEqualTo(Refusal.UNREADABLE_SHEET);
    }

    @Test
    void aZipBombIsRefusedByWhatItInflatesTo() {
        long start = System.nanoTime();
        byte[] bomb = Sheets.withSheetData(Sheets.blankRowsOf(400_000_000));
        long made = System.nanoTime();
        var refused = refusal(() -> xlsx(bomb));
        long refusedAt = System.nanoTime();
        System.out.printf("a 400 MB bomb: %d bytes, made in %d ms, refused in %d ms%n", bomb.length,
                (made - start) / 1_000_000, (refusedAt - made) / 1_000_000);
        assertThat(bomb.length).isLessThan(2_000_000);
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("inflates to at most 20 MiB");
    }

    @Test
    void anUploadIsReadUpToItsLimit() {
        var refused = refusal(() -> xlsx(new byte[10 * 1024 * 1024 + 1]));
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("at most 10 MiB");
    }

    @Test
    void blankRowsCountTowardsTheRowLimit() throws IOException {
        assertThat(xlsx(Sheets.withSheetData(Sheets.blankRows(20_000)))).isEmpty();
        var refused = refusal(() -> xlsx(Sheets.withSheetData(Sheets.blankRows(25_000))));
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("at most 20000 rows");
    }

    @Test
    void aRowHoldsAtMostAThousandCells() throws IOException {
        assertThat(xlsx(Sheets.workbook(sheet -> {
            sheet.value(0, 0, "metro-a");
            sheet.value(0, 1, 90);
            sheet.value(0, 999, "备注"); // column ALL
        }))).hasSize(1);
        var refused = refusal(() -> xlsx(Sheets.workbook(sheet -> {
            for (int c = 0; c < 1001; c++) {
                sheet.value(0, c, c);
            }
        })));
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("at most 1000 cells");
        byte[] pastALL = Sheets.withSheetData(Sheets.xml("<row r=\"1\"><c r=\"ALM1\"><v>1</v></c></row>"));
        assertThat(refusal(() -> xlsx(pastALL))).hasMessageContaining("at most 1000 cells, in columns A to ALL");
        // cells without a reference, which fastexcel places one after the other: counted as they come
        byte[] unnumbered = Sheets.withSheetData(Sheets.xml("<row>" + "<c><v>1</v></c>".repeat(1001) + "</row>"));
        assertThat(refusal(() -> xlsx(unnumbered))).hasMessageContaining("at most 1000 cells");
    }

    /** fastexcel copies a shared formula's text into every cell that uses it, and looks array formulas up per cell. */
    @Test
    void sharedAndArrayFormulasAreRefusedForValues() throws IOException {
        for (String kind : List.of("shared", "array")) {
            byte[] sheet = Sheets.withSheetData(Sheets.xml("<row r=\"1\"><c r=\"A1\"><f t=\"" + kind
                    + "\" ref=\"A1:ALL20000\" si=\"0\">1+1</f><v>2</v></c><c r=\"B1\"><f t=\"" + kind
                    + "\" si=\"0\"/></c></row>"));
            var refused = refusal(() -> xlsx(sheet));
            assertThat(refused.refusal()).as(kind).isEqualTo(Refusal.UNREADABLE_SHEET);
            assertThat(refused).hasMessageContaining(kind + " formulas");
        }
        // a plain formula with its value is read like any value
        byte[] plain = Sheets.withSheetData(Sheets.xml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>metro-a</t>"
                + "</is></c><c r=\"B1\"><f>45*2</f><v>90</v></c></row>"));
        assertThat(xlsx(plain)).singleElement().satisfies(row -> assertThat(row.satisfaction()).isEqualByComparingTo("90"));
    }

    /** fastexcel would fill the row up to the cell's column, 2^31 of them, before it could be counted. */
    @Test
    void oneCellFarOffIsRefusedBeforeFastexcelMakesRoomForIt() {
        for (String cell : List.of("FXSHRXW1", "$FXSHRXW$1", "&#70;XSHRXW1", "XFD1")) {
            byte[] sheet = Sheets.withSheetData(Sheets.xml("<row r=\"1\"><c r=\"" + cell + "\"><v>1</v></c></row>"));
            var refused = refusal(() -> xlsx(sheet)); // fastexcel would run out of memory, not refuse
            assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
            assertThat(refused).hasMessageContaining("in columns A to ALL");
        }
    }

    @Test
    void blankCsvLinesCountTowardsTheRowLimit() throws IOException {
        assertThat(csv("\n".repeat(19_999) + "metro-a,90\n")).hasSize(1);
        var refused = refusal(() -> csv("\n".repeat(25_000)));
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("at most 20000 rows");
    }

    @Test
    void aCsvLineIsAtMostTenThousandCharacters() throws IOException {
        assertThat(csv("metro-a,90," + "x".repeat(9_989) + "\n")).hasSize(1);
        var refused = refusal(() -> csv("metro-a,90," + "x".repeat(9_990) + "\n"));
        assertThat(refused.refusal()).isEqualTo(Refusal.SHEET_TOO_LARGE);
        assertThat(refused).hasMessageContaining("line 1 is longer than 10000 characters");
    }

    private static List<OpinionSheet.Row> xlsx(byte[] workbook) throws IOException {
        return OpinionSheet.read(new ByteArrayInputStream(workbook), UploadedSheet.XLSX);
    }

    private static List<OpinionSheet.Row> csv(String sheet) throws IOException {
        return OpinionSheet.read(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), "text/csv");
    }

    private static Refused refusal(ThrowingCallable read) {
        Refused refused = catchThrowableOfType(Refused.class, read);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
