package party.assessment.results;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Departments;
import party.assessment.scoring.Dimension;
import party.assessment.scoring.Method;
import party.assessment.scoring.Scoring;

/**
 * A unit's annual assessment report as a PDF a committee sends to the unit: A4, set in Noto Sans SC (GB 2312's
 * characters, {@code fonts/OFL.txt}), the glyphs it uses embedded, so it reads and prints the same everywhere.
 */
@ApplicationScoped
public class AnnualReport {

    static final String PDF = "application/pdf";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Color RULE = new Color(0xC9, 0xCD, 0xD4);
    private static final Color HEADER = new Color(0xF2, 0xF3, 0xF5);
    private static final BaseFont FONT = font();

    private final Schemes schemes;
    private final VisibleResults visible;

    public AnnualReport(Schemes schemes, VisibleResults visible) {
        this.schemes = schemes;
        this.visible = visible;
    }

    /** The report of a unit whose breakdown the caller may see (see {@link VisibleResults#breakdown}). */
    public byte[] of(UUID schemeId, String unitCode, String scope) {
        ResultViews.Breakdown breakdown = visible.breakdown(schemeId, unitCode, scope);
        Scheme scheme = schemes.visible(schemeId, scope);
        return write(scheme, OrgUnit.nameOf(scheme.orgCode), breakdown, LocalDate.now(ZONE));
    }

    static byte[] write(Scheme scheme, String committee, ResultViews.Breakdown breakdown, LocalDate today) {
        ResultViews.ResultView result = breakdown.result();
        var bytes = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 56, 56, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            writer.setPageEvent(new PageNumbers());
            document.addTitle(scheme.title + " · " + result.name());
            document.addCreator("党建责任考评平台");
            document.open();
            document.add(centred(scheme.title, 13, 4));
            document.add(centred(result.name() + "考核结果", 20, 14));
            document.add(facts(scheme, result));
            if (scheme.state == SchemeState.PUBLISHED) {
                document.add(text("结果尚未锁定，会随考核数据的变化而变化，以锁定后的结果为准。", 9.5f, 6));
            }
            document.add(heading("一、得分构成"));
            document.add(components(breakdown));
            document.add(heading("二、指标得分"));
            document.add(indicators(scheme, breakdown.indicators()));
            int section = 3;
            if (breakdown.rectification() != null) {
                ResultViews.RectificationView r = breakdown.rectification();
                document.add(heading(number(section++) + "、问题整改"));
                document.add(text("本年度交办整改事项 " + r.items() + " 项：按期销号 " + r.onTime() + " 项，逾期销号 " + r.late()
                        + " 项，逾期未销号 " + r.overdue() + " 项，重新整改 " + r.reopened() + " 项；问责 " + r.accountability()
                        + " 项。", 10.5f, 6));
            }
            if (breakdown.evaluation() != null) {
                ResultViews.EvaluationView e = breakdown.evaluation();
                document.add(heading(number(section) + "、述职评议"));
                document.add(text(e.sessionTitle() + "（" + DAY.format(e.heldOn()) + "）加权得分 " + plain(e.weightedTotal())
                        + "，计入本项 " + plain(e.score()) + " 分；计票结果摘要 " + e.digest() + "。", 10.5f, 6));
            }
            Paragraph signature = text((committee == null ? "" : committee) + "组织部（盖章）\n" + DAY.format(today), 11, 0);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(36);
            document.add(signature);
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be laid out", e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    private static PdfPTable facts(Scheme scheme, ResultViews.ResultView result) {
        var table = table(new float[] {1.2f, 2f, 1.2f, 2f});
        label(table, "考核年度");
        value(table, scheme.year + "年");
        label(table, "结果状态");
        value(table, switch (scheme.state) {
            case ANNOUNCED -> "已公布";
            case LOCKED -> "已锁定";
            default -> "计算中";
        });
        label(table, "总分");
        value(table, plain(result.total()));
        label(table, "等次");
        value(table, result.grade() == null ? "—" : result.grade() + reason(result.gradeReason()));
        label(table, "排名");
        value(table, result.rank() == null ? "不参与排名" : "同类第 " + result.rank() + " 名");
        label(table, "类别");
        value(table, result.category());
        return table;
    }

    private static PdfPTable components(ResultViews.Breakdown breakdown) {
        ResultViews.ResultView result = breakdown.result();
        var table = table(new float[] {3f, 1.2f, 1.2f});
        header(table, "项目", "权重", "得分");
        breakdown.weights().forEach((component, weight) -> {
            cell(table, component.label(), Element.ALIGN_LEFT);
            cell(table, plain(weight) + "%", Element.ALIGN_RIGHT);
            cell(table, plain(result.components().get(component)), Element.ALIGN_RIGHT);
        });
        if (result.adjustment() != null && result.adjustment().signum() != 0) {
            cell(table, "校准：" + result.adjustmentReason(), Element.ALIGN_LEFT);
            cell(table, "", Element.ALIGN_RIGHT);
            cell(table, plain(result.adjustment()), Element.ALIGN_RIGHT);
        }
        cell(table, "总分", Element.ALIGN_LEFT);
        cell(table, "", Element.ALIGN_RIGHT);
        cell(table, plain(result.total()), Element.ALIGN_RIGHT);
        return table;
    }

    private static PdfPTable indicators(Scheme scheme, List<Scoring.Line> lines) {
        Map<String, String> dimensions = scheme.definition.dimensions().stream()
                .collect(Collectors.toMap(Dimension::code, Dimension::name));
        var table = table(new float[] {1.6f, 3.2f, 0.9f, 1.1f, 0.8f, 0.8f, 0.9f, 0.6f});
        header(table, "维度", "指标", "方法", "责任部门", "分值", "得分", "得分率", "问题");
        table.setHeaderRows(1); // repeated at the top of every page the table runs on
        for (Scoring.Line line : lines) {
            cell(table, dimensions.getOrDefault(line.dimension(), line.dimension()), Element.ALIGN_LEFT);
            cell(table, line.code() + " " + line.name(), Element.ALIGN_LEFT);
            cell(table, Method.Kind.valueOf(line.kind()).label(), Element.ALIGN_LEFT);
            cell(table, Departments.name(line.department()), Element.ALIGN_LEFT);
            cell(table, plain(line.points()), Element.ALIGN_RIGHT);
            cell(table, plain(line.earned()), Element.ALIGN_RIGHT);
            cell(table, line.share() == null ? "" : line.share().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%",
                    Element.ALIGN_RIGHT);
            cell(table, line.finding() ? "是" : "", Element.ALIGN_CENTER);
        }
        return table;
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        return table;
    }

    private static void header(PdfPTable table, String... labels) {
        for (String label : labels) {
            PdfPCell cell = bordered(label, 9.5f, Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
    }

    private static void label(PdfPTable table, String label) {
        PdfPCell cell = bordered(label, 10.5f, Element.ALIGN_LEFT);
        cell.setBackgroundColor(HEADER);
        table.addCell(cell);
    }

    private static void value(PdfPTable table, String value) {
        table.addCell(bordered(value, 10.5f, Element.ALIGN_LEFT));
    }

    private static void cell(PdfPTable table, String text, int alignment) {
        table.addCell(bordered(text, 9.5f, alignment));
    }

    private static PdfPCell bordered(String text, float size, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, new Font(FONT, size)));
        cell.setHorizontalAlignment(alignment);
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        return cell;
    }

    private static Paragraph centred(String text, float size, float after) {
        Paragraph paragraph = text(text, size, after);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private static Paragraph heading(String text) {
        Paragraph paragraph = text(text, 12.5f, 6);
        paragraph.setSpacingBefore(8);
        return paragraph;
    }

    private static Paragraph text(String text, float size, float after) {
        var paragraph = new Paragraph(text, new Font(FONT, size));
        paragraph.setSpacingAfter(after);
        paragraph.setLeading(size * 1.6f);
        return paragraph;
    }

    private static String number(int section) {
        return String.valueOf("一二三四五六".charAt(section - 1));
    }

    private static String reason(String reason) {
        return reason == null ? "" : "veto".equals(reason) ? "（一票否决）" : "（“好”等次名额已满）";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /** 第 n 页 at the foot of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("第 " + writer.getPageNumber() + " 页", new Font(FONT, 9)),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }

    private static BaseFont font() {
        try (InputStream in = AnnualReport.class.getResourceAsStream("/fonts/NotoSansSC-GB2312.ttf")) {
            return BaseFont.createFont("NotoSansSC-GB2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
