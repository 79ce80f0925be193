package party.common.sheets;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * A sheet a committee uploads (a survey's results, its list of leaders or units, an inspection's problems): an .xlsx
 * workbook's first sheet, or UTF-8 CSV, read as rows of cell texts. Both are read as streams within the limits below,
 * so a sheet that would take more memory or time than a real one needs (an .xlsx zip bomb inflating to hundreds of
 * MB of blank rows) is refused at once, with 413 {@code sheet-too-large} naming the limit. Every service reads its
 * uploads here, under the same limits; it declares fastexcel-reader itself, which platform-common only compiles
 * against.
 */
public final class UploadedSheet {

    /** An .xlsx workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Limits, each far above what a real sheet needs and far below what would hurt the service.
    /** An .xlsx upload is read into memory: the HTTP body limit bounds it already, this reader does not rely on it. */
    private static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** All parts of a workbook inflated: a sheet of 10,000 rows is a few MB, a zip bomb hundreds. */
    private static final long MAX_INFLATED_BYTES = 20 * 1024 * 1024;
    /** Rows of the sheet read, blank ones included (reading them costs as much): a city's 10,000 units twice over. */
    private static final int MAX_ROWS = 20_000;
    /**
     * Rows of an import (units, problems, indicators), each done as its own request in one transaction: a county's
     * list fits, and a sheet this long commits well within the transaction's minute on two cores.
     */
    public static final int MAX_IMPORTED_ROWS = 2_000;
    /**
     * Cells in a row, and the last column one may name (A to ALL): a survey export with hundreds of question columns
     * fits, while fastexcel, which builds a whole row and fills it up to its last cell's column, builds at most this
     * many cells for each row it reads, however few bytes the row takes.
     */
    private static final int MAX_CELLS = 1_000;
    /** Characters in a CSV line: a leader's row, duties included, takes a few hundred. */
    private static final int MAX_LINE_CHARS = 10_000;

    /** Workbooks read at once: each holds up to about 40 MiB while it is read; more wait their turn, a while. */
    private static final Semaphore READING = new Semaphore(2);
    private static final int WAIT_SECONDS = 30;

    private static final XMLInputFactory XML = fastexcelsParser();
    /** Day 0 of Excel's date serials, as a date cell's text reads (1900 date system). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private UploadedSheet() {
    }

    /** The XML parser fastexcel-reader reads parts with, set up as its DefaultXMLInputFactory is: both see the same. */
    private static XMLInputFactory fastexcelsParser() {
        var factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** A row of the sheet, numbered from 1 as the spreadsheet numbers it, with the texts of its first cells. */
    public record Row(int line, List<String> cells) {

        /** The cell's text, trimmed; empty when the row has none there. */
        public String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column).trim() : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** The rows under a sheet's header row, and where that row puts each column it names. */
    public record Table(Map<String, Integer> columns, List<Row> rows) {

        /** The row's cell in the column of this header, trimmed; empty when the header row does not name it. */
        public String cell(Row row, String header) {
            Integer column = columns.get(header);
            return column == null ? "" : row.cell(column);
        }
    }

    /**
     * The rows below the first row with a cell reading {@code header}, not blank, with the columns that row names (the
     * first of two alike counts); rows above it, an export's title, are not read. Empty when no row names it.
     */
    public static Optional<Table> underHeader(List<Row> rows, String header) {
        for (int at = 0; at < rows.size(); at++) {
            Row named = rows.get(at);
            if (named.cells().stream().anyMatch(cell -> cell != null && cell.trim().equals(header))) {
                var columns = new HashMap<String, Integer>();
                for (int column = named.cells().size() - 1; column >= 0; column--) {
                    if (!named.cell(column).isEmpty()) {
                        columns.put(named.cell(column), column);
                    }
                }
                return Optional.of(new Table(columns, rows.subList(at + 1, rows.size()).stream()
                        .filter(row -> !row.blank()).toList()));
            }
        }
        return Optional.empty();
    }

    /**
     * The sheet's rows under its header row, found by the first of these headers; a sheet without one is refused,
     * naming the columns it should have (400 {@code unreadable-sheet}).
     */
    public static Table table(InputStream in, String mediaType, int columns, List<String> headers) throws IOException {
        Table table = underHeader(read(in, mediaType, columns), headers.get(0)).orElseThrow(() -> Refusal
                .UNREADABLE_SHEET.because("no header row naming the columns (" + String.join(", ", headers) + ")",
                        "sheet"));
        if (table.rows().size() > MAX_IMPORTED_ROWS) {
            throw tooLarge("an import takes at most " + MAX_IMPORTED_ROWS + " rows a sheet: send a longer list in parts");
        }
        return table;
    }

    /** A cell's day: 2026-01-01, 2026/1/1, or the day number an Excel date cell holds (1949 to 2100: 17,898 to 73,415). */
    public static Optional<LocalDate> date(String text) {
        try {
            if (text.matches("\\d{5}(\\.0+)?")) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(text.replaceAll("\\..*", ""))));
            }
            String[] parts = text.split("[-/.]");
            if (parts.length == 3) {
                return Optional.of(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])));
            }
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Every row of the sheet, blank ones included, with its first {@code columns} cells.
     *
     * @param mediaType the request's Content-Type: CSV when it says so, otherwise an .xlsx workbook
     */
    public static List<Row> read(InputStream in, String mediaType, int columns) throws IOException {
        return mediaType != null && mediaType.startsWith("text/csv") ? csv(in, columns) : xlsx(in, columns);
    }

    private static List<Row> csv(InputStream in, int columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = line(reader, number + 1)) != null) {
            number++;
            if (number > MAX_ROWS) {
                throw tooManyRows();
            }
            List<String> cells = cells(line.replace("\uFEFF", ""));
            rows.add(new Row(number, cells.subList(0, Math.min(columns, cells.size()))));
        }
        return rows;
    }

    /**
     * A CSV line's cells, split at commas outside quotes; a quoted cell ({@code "市委, 组织部"}) may hold commas and
     * doubled quotes, as Excel writes them. A line break inside a quoted cell is not read: such a sheet goes as .xlsx.
     */
    static List<String> cells(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"' && (quoted || cell.length() == 0)) {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The next line without its terminator (\n, \r\n or \r, as {@link BufferedReader#readLine}), null at the end. */
    private static String line(BufferedReader reader, int number) throws IOException {
        var line = new StringBuilder();
        for (int c = reader.read(); c != '\n'; c = reader.read()) {
            if (c == -1) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                break;
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw tooLarge("line " + number + " is longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    private static List<Row> xlsx(InputStream in, int columns) throws IOException {
        try {
            if (!READING.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw Refusal.UNAVAILABLE.because("other sheets are being read; send this one again shortly",
                        "sheet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.UNAVAILABLE.because("interrupted while waiting to read the sheet", "sheet");
        }
        try {
            return xlsxRead(in, columns);
        } finally {
            READING.release();
        }
    }

    private static List<Row> xlsxRead(InputStream in, int columns) throws IOException {
        byte[] upload = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw tooLarge("an .xlsx upload holds at most " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB");
        }
        inspect(upload);
        List<Row> rows = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(upload));
             var sheet = workbook.getFirstSheet().openStream()) {
            int read = 0;
            for (var it = sheet.iterator(); it.hasNext(); ) {
                var row = it.next();
                if (++read > MAX_ROWS) {
                    throw tooManyRows();
                }
                var cells = new ArrayList<String>(columns);
                for (int column = 0; column < Math.min(columns, row.getCellCount()); column++) {
                    cells.add(row.getCellText(column));
                }
                rows.add(new Row(row.getRowNum(), cells));
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        return rows;
    }

    /**
     * Checks the package as fastexcel will read it, through the zip's central directory, before fastexcel does: what
     * its parts inflate to, then what their cells would make fastexcel build, which a row's count cannot bound.
     */
    private static void inspect(byte[] upload) {
        try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(upload)).get()) {
            requireInflatedWithinLimit(zip);
            requireCellsWithinLimits(zip);
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Inflates every part, refusing as soon as they add up to more than the limit: a bomb costs no more than that. */
    private static void requireInflatedWithinLimit(ZipFile zip) throws IOException {
        long inflated = 0;
        var buffer = new byte[64 * 1024];
        for (var entries = zip.getEntries(); entries.hasMoreElements(); ) {
            try (var part = zip.getInputStream(entries.nextElement())) {
                for (int n = part.read(buffer); n != -1; n = part.read(buffer)) {
                    inflated += n;
                    if (inflated > MAX_INFLATED_BYTES) {
                        throw tooLarge("an .xlsx workbook inflates to at most "
                                + MAX_INFLATED_BYTES / (1024 * 1024) + " MiB");
                    }
                }
            }
        }
    }

    /**
     * Every part parsed as fastexcel parses it. A row of at most {@link #MAX_CELLS} cells, none past that column (a
     * 3 KB workbook with one cell in column FXSHRXW, 2^31, would take all memory); and no shared or array formula:
     * fastexcel copies a shared formula's text into each cell that refers to it (49 cells of a 4 MiB formula fill
     * the heap) and looks every array formula up again for each cell after it. Uploads need values only.
     */
    private static void requireCellsWithinLimits(ZipFile zip) throws IOException {
        for (var entries = zip.getEntries(); entries.hasMoreElements(); ) {
            try (var part = zip.getInputStream(entries.nextElement())) {
                var xml = XML.createXMLStreamReader(part);
                int cells = 0;
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "row" -> cells = 0;
                        case "c" -> {
                            if (++cells > MAX_CELLS || column(xml.getAttributeValue(null, "r")) > MAX_CELLS) {
                                throw tooLarge("a row holds at most " + MAX_CELLS + " cells, in columns A to ALL");
                            }
                        }
                        case "f" -> {
                            String kind = xml.getAttributeValue(null, "t");
                            if ("shared".equals(kind) || "array".equals(kind)) {
                                throw Refusal.UNREADABLE_SHEET.because("the sheet has " + kind + " formulas, which "
                                        + "are not read: copy the cells and paste them as values", "sheet");
                            }
                        }
                        default -> {
                        }
                    }
                }
            } catch (XMLStreamException e) {
                // not XML, or not past here: fastexcel reads no cells from it either
            }
        }
    }

    /**
     * The column (A = 1) of a cell reference such as {@code $B$2}, read as fastexcel's CellAddress reads it; once past
     * the limit, only that it is past. 0 for a cell without one (fastexcel then puts it after the previous cell).
     */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; reference != null && i < reference.length() && column <= MAX_CELLS; i++) {
            char c = reference.charAt(i);
            if (c >= '0' && c <= '9') {
                break;
            }
            if (c != '$') {
                column = column * 26 + (Character.toUpperCase(c) - 'A' + 1);
            }
        }
        return column;
    }

    private static Refused tooManyRows() {
        return tooLarge("a sheet holds at most " + MAX_ROWS + " rows, blank ones included");
    }

    private static Refused tooLarge(String limit) {
        return Refusal.SHEET_TOO_LARGE.because(limit, "sheet");
    }

    private static Refused unreadable(Exception e) {
        return Refusal.UNREADABLE_SHEET.because("send an .xlsx workbook or UTF-8 CSV: " + e.getMessage(), "sheet");
    }
}
