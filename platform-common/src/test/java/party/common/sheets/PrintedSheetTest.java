package party.common.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

class PrintedSheetTest {

    private static final LocalDate EXPORTED = LocalDate.of(2026, 12, 2);

    @Test
    void aWideTablePrintsOnA4InLandscapeOnePageWideWithItsTitleAndHeaderOnEveryPage() throws IOException {
        List<String> header = List.of("排名", "单位", "总分", "等次", "得分率", "日期", "说明", "备注");
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "test", "1.0")) {
            var sheet = PrintedSheet.start(workbook, "考评结果", "2026年度党建责任考评结果", EXPORTED, header).wide(6);
            sheet.row(1, "M市A区委", new BigDecimal("92.50"), "好", PrintedSheet.percent(new BigDecimal("0.875")),
                    LocalDate.of(2026, 11, 30), null);
            sheet.line(null);
            sheet.line("监票人：＿＿＿＿＿＿");
        }
        try (var read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = read.getSheet("考评结果");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2026年度党建责任考评结果 · 导出于 2026-12-02");
            assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:H1"));
            var headerCell = sheet.getRow(1).getCell(1);
            assertThat(headerCell.getStringCellValue()).isEqualTo("单位");
            assertThat(read.getFontAt(headerCell.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(headerCell.getCellStyle().getFillForegroundColorColor()).isNotNull();
            assertThat(headerCell.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);

            var row = sheet.getRow(2);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(92.5);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(0.875);
            assertThat(row.getCell(4).getCellStyle().getDataFormatString()).contains("%");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(5))).isTrue();
            assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
            for (int c = 0; c < header.size(); c++) { // the empty ones too
                assertThat(row.getCell(c).getCellStyle().getBorderTop()).isEqualTo(BorderStyle.THIN);
            }
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getColumnWidth(6)).isGreaterThan(sheet.getColumnWidth(0));

            assertThat(sheet.getRow(3)).isNull();
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("监票人：＿＿＿＿＿＿");
            assertThat(sheet.getRow(4).getCell(0).getCellStyle().getBorderTop()).isEqualTo(BorderStyle.NONE);
        }
    }

    @Test
    void aNarrowTablePrintsInPortraitAndAStreamedOneKeepsItsTextInline() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "test", "1.0")) {
            var sheet = PrintedSheet.streamed(workbook, "整改台账", "整改台账", EXPORTED, List.of("编号", "问题", "状态"));
            for (int i = 0; i < 2500; i++) {
                sheet.row("ZG-" + i, "问题" + i, "整改中");
                if (i % 1000 == 999) {
                    sheet.flush();
                }
            }
        }
        try (var read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = read.getSheet("整改台账");
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
            // widened to hold its title, 28 characters wide in a font of 14 points rather than 11
            assertThat(sheet.getColumnWidth(0) + sheet.getColumnWidth(1) + sheet.getColumnWidth(2))
                    .isGreaterThanOrEqualTo(28 * 14 / 11 * 256);
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 2499);
            assertThat(sheet.getRow(2 + 2499).getCell(1).getStringCellValue()).isEqualTo("问题2499");
            assertThat(read.getSharedStringSource().getCount()).isLessThan(10); // the title and header at most
        }
    }
}
