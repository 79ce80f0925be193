package party.assessment.inputs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * A satisfaction survey's result sheet: one row per unit, its code in the first column and its score (0–100) in
 * the second; a header row and blank rows are skipped. Any unreadable row refuses the whole sheet.
 */
final class OpinionSheet {

    /** An .xlsx workbook; results' export names it too, since inputs know nothing of the results. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_ROWS = 10_000;

    private OpinionSheet() {
    }

    record Row(int line, String unit, BigDecimal satisfaction) {
    }

    /** @param mediaType the request's Content-Type: CSV when it says so, otherwise an .xlsx workbook */
    static List<Row> read(InputStream in, String mediaType) throws IOException {
        return mediaType != null && mediaType.startsWith("text/csv") ? csv(in) : xlsx(in);
    }

    private static List<Row> csv(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String[] cells = line.replace("\uFEFF", "").split(",", -1);
            add(rows, number, cells[0], cells.length > 1 ? cells[1] : "");
        }
        return rows;
    }

    private static List<Row> xlsx(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(in)) {
            for (var row : workbook.getFirstSheet().read()) {
                add(rows, row.getRowNum(), row.getCellText(0), row.getCellCount() > 1 ? row.getCellText(1) : "");
            }
        } catch (IOException | RuntimeException e) {
            throw Refusal.UNREADABLE_SHEET.because("send an .xlsx workbook or UTF-8 CSV: " + e.getMessage(), "sheet");
        }
        return rows;
    }

    private static void add(List<Row> rows, int line, String unitCell, String scoreCell) {
        String unit = unitCell == null ? "" : unitCell.trim();
        String score = scoreCell == null ? "" : scoreCell.trim();
        if (unit.isEmpty() && score.isEmpty()) {
            return;
        }
        BigDecimal satisfaction;
        try {
            satisfaction = new BigDecimal(score);
        } catch (NumberFormatException e) {
            if (rows.isEmpty() && line == 1) {
                return; // the header
            }
            throw invalid(line, "score '" + score + "' is not a number");
        }
        if (satisfaction.signum() < 0 || satisfaction.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid(line, "score " + score + " is outside 0–100");
        }
        if (rows.size() == MAX_ROWS) {
            throw invalid(line, "a sheet holds at most " + MAX_ROWS + " rows");
        }
        rows.add(new Row(line, unit, satisfaction));
    }

    private static Refused invalid(int line, String message) {
        return Refusal.INVALID_SHEET_ROW.because("表格第" + line + "行不合法", message, "row " + line);
    }
}
