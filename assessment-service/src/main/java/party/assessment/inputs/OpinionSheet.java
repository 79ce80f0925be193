package party.assessment.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import party.common.problem.Refusal;
import party.common.problem.Refused;
import party.common.sheets.UploadedSheet;

/**
 * A satisfaction survey's result sheet: one row per unit, its code in the first column and its score (0–100) in
 * the second; a header row and blank rows are skipped. Any unreadable row refuses the whole sheet.
 */
final class OpinionSheet {

    private OpinionSheet() {
    }

    record Row(int line, String unit, BigDecimal satisfaction) {
    }

    /** @param mediaType the request's Content-Type: CSV when it says so, otherwise an .xlsx workbook */
    static List<Row> read(InputStream in, String mediaType) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (UploadedSheet.Row row : UploadedSheet.read(in, mediaType, 2)) {
            add(rows, row.line(), row.cell(0), row.cell(1));
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
        rows.add(new Row(line, unit, satisfaction));
    }

    private static Refused invalid(int line, String message) {
        return Refusal.INVALID_SHEET_ROW.because("表格第" + line + "行不合法", message, "row " + line);
    }
}
