package party.assessment.inputs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Survey sheets for the tests, hostile ones among them, made in memory: nothing big is kept on disk. */
public final class Sheets {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private Sheets() {
    }

    /** Writes a sheet's {@code <sheetData>} content, UTF-8. */
    public interface SheetData {
        void write(OutputStream out) throws IOException;
    }

    /** A survey system's export: a header row, then unit code and satisfaction. */
    public static byte[] survey(String unit, int satisfaction) {
        return workbook(sheet -> {
            sheet.value(0, 0, "单位");
            sheet.value(0, 1, "满意度");
            sheet.value(1, 0, unit);
            sheet.value(1, 1, satisfaction);
        });
    }

    /** A workbook of one sheet written by fastexcel, as a survey system would. */
    public static byte[] workbook(Consumer<Worksheet> cells) {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "survey", "1.0")) {
            cells.accept(workbook.newWorksheet("满意度"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A workbook written by fastexcel whose first sheet's rows are {@code rows} instead, deflated as hard as zip can:
     * the rows stream through the deflater, so a sheet of hundreds of MB costs only its compressed size.
     */
    public static byte[] withSheetData(SheetData rows) {
        byte[] written = workbook(sheet -> sheet.value(0, 0, ""));
        var bytes = new ByteArrayOutputStream();
        boolean replaced = false;
        try (var in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(written)).get();
             var zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (var entry : Collections.list(in.getEntries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(SHEET)) {
                    replaced = true;
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    rows.write(zip);
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (var part = in.getInputStream(entry)) {
                        part.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!replaced) {
            throw new IllegalStateException("fastexcel wrote no " + SHEET);
        }
        return bytes.toByteArray();
    }

    /** Rows as written out. */
    public static SheetData xml(String rows) {
        return out -> out.write(rows.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} blank rows, each {@code <row r="n"/>}, numbered from 1. */
    public static SheetData blankRows(int count) {
        return out -> {
            for (int n = 1; n <= count; n++) {
                out.write(("<row r=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * About {@code bytes} of blank rows, written in chunks, all alike so that they deflate some 500:1 as a zip bomb's
     * do: numbered apart, they would deflate only about 8:1.
     */
    public static SheetData blankRowsOf(long bytes) {
        return out -> {
            byte[] chunk = "<row r=\"1\"/>".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        };
    }
}
