package party.common.sheets;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One table of an .xlsx export, laid out to be printed: on A4, as wide as the page and as many pages tall as it
 * takes, in landscape when it has many columns; a title row naming what it is and the day it was exported, then the
 * column header, bold on a grey fill, both repeated atop every printed page and frozen on screen; every cell of the
 * table bordered; numbers, percentages and dates written as such. Rows are appended in order, so a sheet streamed
 * through {@link #flush()} keeps writing where it was.
 */
public final class PrintedSheet {

    /** A table wider than this prints in landscape. */
    private static final int PORTRAIT_COLUMNS = 7;
    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 1;
    private static final String HEADER_FILL = "D9D9D9";
    private static final String PERCENT = "0.0%";
    private static final String DATE = "yyyy-mm-dd";
    private static final double WIDE = 30;

    private static final int TITLE_FONT = 14;
    /** fastexcel's default font size: column widths count its characters */
    private static final int BODY_FONT = 11;

    private final Worksheet sheet;
    private final double[] widths;
    private final boolean inline;
    private int next = HEADER_ROW + 1;

    /** A share, 0.875, to be shown as a percentage, 87.5%. */
    public record Percent(Number fraction) {
    }

    private PrintedSheet(Worksheet sheet, int columns, boolean inline) {
        this.sheet = sheet;
        this.widths = new double[columns];
        this.inline = inline;
    }

    /** @return the share as a percent cell of {@link #row}, or null (an empty cell) when there is none */
    public static Percent percent(Number fraction) {
        return fraction == null ? null : new Percent(fraction);
    }

    /**
     * Starts a sheet of the workbook with its title row, "{@code name} · 导出于 {@code exportedOn}", and its header.
     *
     * @param sheetName Chinese, as the tab shows it (fastexcel replaces the characters a sheet name may not hold)
     */
    public static PrintedSheet start(Workbook workbook, String sheetName, String name, LocalDate exportedOn,
                                     List<String> header) {
        return start(workbook.newWorksheet(sheetName), name, exportedOn, header, false);
    }

    /**
     * As {@link #start}, for a sheet written through {@link #flush()} however many rows it grows to: its text goes
     * inline into the rows, since fastexcel holds the shared-string table in memory until the workbook ends.
     */
    public static PrintedSheet streamed(Workbook workbook, String sheetName, String name, LocalDate exportedOn,
                                        List<String> header) {
        return start(workbook.newWorksheet(sheetName), name, exportedOn, header, true);
    }

    private static PrintedSheet start(Worksheet sheet, String name, LocalDate exportedOn, List<String> header,
                                      boolean inline) {
        var printed = new PrintedSheet(sheet, header.size(), inline);
        // all before the first row is flushed: fastexcel writes the sheet's properties, panes and columns ahead of it
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation(header.size() > PORTRAIT_COLUMNS ? "landscape" : "portrait");
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0); // as many pages tall as the rows take
        sheet.repeatRows(TITLE_ROW, HEADER_ROW);
        sheet.freezePane(0, HEADER_ROW + 1);
        String title = name + " · 导出于 " + exportedOn;
        printed.text(TITLE_ROW, 0, title);
        sheet.range(TITLE_ROW, 0, TITLE_ROW, header.size() - 1).style().bold().fontSize(TITLE_FONT)
                .horizontalAlignment("center").merge().set();
        sheet.rowHeight(TITLE_ROW, 24);
        for (int c = 0; c < header.size(); c++) {
            printed.widths[c] = Math.max(10, width(header.get(c)) + 2);
            printed.text(HEADER_ROW, c, header.get(c));
        }
        // a merged title is cut where the table ends: a table too narrow for it is widened, evenly
        double missing = (double) width(title) * TITLE_FONT / BODY_FONT + 2 - Arrays.stream(printed.widths).sum();
        for (int c = 0; c < header.size(); c++) {
            printed.widths[c] += Math.max(0, missing) / header.size();
            sheet.width(c, printed.widths[c]);
        }
        bordered(sheet.range(HEADER_ROW, 0, HEADER_ROW, header.size() - 1).style()).bold().fillColor(HEADER_FILL)
                .horizontalAlignment("center").set();
        return printed;
    }

    /** Widens columns that hold sentences (a problem, a decision), so they wrap less; before the first flush. */
    public PrintedSheet wide(int... columns) {
        for (int c : columns) {
            widths[c] = Math.max(widths[c], WIDE);
            sheet.width(c, widths[c]);
        }
        return this;
    }

    /**
     * Appends a row of the table, every cell bordered: a number, a {@link Percent} and a {@link LocalDate} as such,
     * anything else as its text, null as an empty cell.
     */
    public void row(Object... cells) {
        int row = next++;
        for (int c = 0; c < widths.length; c++) {
            Object cell = c < cells.length ? cells[c] : null;
            StyleSetter style = bordered(sheet.style(row, c));
            if (cell instanceof Percent percent) {
                sheet.value(row, c, percent.fraction());
                style.format(PERCENT);
            } else if (cell instanceof Number number) {
                sheet.value(row, c, number);
            } else if (cell instanceof LocalDate date) {
                sheet.value(row, c, date);
                style.format(DATE);
            } else if (cell != null) {
                text(row, c, cell.toString());
            }
            style.set();
        }
    }

    /** Appends a line of text below the table, outside its borders: a note, a signature line; null leaves a gap. */
    public void line(String text) {
        int row = next++;
        if (text != null) {
            text(row, 0, text);
        }
    }

    /** Hands the rows written so far on to the output; no row before them can be written after. */
    public void flush() throws IOException {
        sheet.flush();
    }

    private void text(int row, int column, String text) {
        if (inline) {
            sheet.inlineString(row, column, text);
        } else {
            sheet.value(row, column, text);
        }
    }

    /** The text's width in characters of the default font: a Chinese character, or a full-width one, takes two. */
    private static int width(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    private static StyleSetter bordered(StyleSetter style) {
        return style.borderStyle(BorderStyle.THIN).verticalAlignment("center").wrapText(true);
    }
}
