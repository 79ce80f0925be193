package party.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** What every export's sheet promises the printer, read back with POI. */
public final class PrintedSheets {

    private PrintedSheets() {
    }

    /** On A4, one page wide and as many tall as it takes, the title and header rows atop every page. */
    public static void assertPrintable(Sheet sheet, boolean landscape) {
        assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getPrintSetup().getLandscape()).isEqualTo(landscape);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
    }
}
