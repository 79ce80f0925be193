package party.ballot.sessions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.ballot.box.BallotBox;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.Tally;
import party.common.sheets.PrintedSheet;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** A sealed session's anonymous ballot box (JSON, CSV) and its printable results sheet (xlsx). */
@Path("/sessions/{id}")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER, Roles.INTEGRATION})
public class ResultsExport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Sessions sessions;
    private final BallotBox box;
    private final OrgScope scope;

    public ResultsExport(Sessions sessions, BallotBox box, OrgScope scope) {
        this.sessions = sessions;
        this.box = box;
        this.scope = scope;
    }

    @GET
    @Path("/ballot-box")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The anonymous ballots of a sealed session, in canonical order; recount with docs/recount.md")
    public SessionViews.BallotBoxExport ballotBox(@PathParam("id") UUID id) {
        EvaluationSession session = sealedSession(id);
        return new SessionViews.BallotBoxExport(session.id, session.title, session.definition,
                sessions.sealed(session).digest, canonical(box.contents(session.id)));
    }

    @GET
    @Path("/ballot-box.csv")
    @Produces("text/csv")
    @Operation(summary = "The anonymous ballots as CSV: one row per ballot, one column per subject")
    public Response ballotBoxCsv(@PathParam("id") UUID id) {
        EvaluationSession session = sealedSession(id);
        List<SessionDefinition.Subject> subjects = session.definition.categories().stream()
                .flatMap(c -> c.subjects().stream()).toList();
        var csv = new StringBuilder("\uFEFFtype,status,void_reason");
        subjects.forEach(s -> csv.append(',').append(quoted(s.name())));
        csv.append('\n');
        for (SessionViews.ExportedBallot ballot : canonical(box.contents(session.id))) {
            csv.append(ballot.type()).append(',').append(ballot.status()).append(',')
                    .append(quoted(ballot.voidReason() == null ? "" : ballot.voidReason()));
            for (SessionDefinition.Subject subject : subjects) {
                csv.append(',').append(quoted(ballot.marks().stream().filter(m -> m.subject().equals(subject.id()))
                        .map(m -> m.grade()).collect(Collectors.joining("|"))));
            }
            csv.append('\n');
        }
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"ballot-box.csv\"").build();
    }

    @GET
    @Path("/results.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The results sheet a committee prints: per category, subjects ranked, counts by ballot type, "
            + "the turnout, the digest and lines for the scrutineers' and tellers' signatures")
    public Response resultsSheet(@PathParam("id") UUID id) {
        EvaluationSession session = sealedSession(id);
        SealedResult sealed = sessions.sealed(session);
        Map<String, Long> handedOut = box.handedOut(session.id);
        LocalDate today = LocalDate.now(ZONE);
        StreamingOutput sheet = out -> {
            var workbook = new Workbook(out, "party-platform", "1.0");
            for (Tally.CategoryResult category : sealed.tally.categories()) {
                writeCategory(workbook, session, sealed, handedOut, category, today);
            }
            workbook.finish();
        };
        return Response.ok(sheet).header("Content-Disposition", "attachment; filename=\"results.xlsx\"").build();
    }

    /** A category's sheet; each is signed on its own, so each carries the turnout, the digest and the signatures. */
    private static void writeCategory(Workbook workbook, EvaluationSession session, SealedResult sealed,
                                      Map<String, Long> handedOut, Tally.CategoryResult category, LocalDate today) {
        SessionDefinition definition = session.definition;
        String top = definition.top().label();
        List<String> header = new ArrayList<>(List.of("名次", "评议对象", "综合得分"));
        for (SessionDefinition.BallotType type : definition.ballotTypes()) {
            for (SessionDefinition.Grade grade : definition.scale()) {
                header.add(type.code() + " " + grade.label());
            }
            header.addAll(List.of(type.code() + " 有效票", type.code() + " 废票", type.code() + " " + top + "票率",
                    type.code() + " 得分"));
        }
        PrintedSheet sheet = PrintedSheet.start(workbook, category.name(), session.title + " · " + category.name()
                + "（" + top + "票限额 " + category.topLimit() + "）", today, header).wide(1);
        for (Tally.SubjectResult subject : category.subjects()) {
            List<Object> cells = new ArrayList<>(); // a rank or a score may be null: List.of would refuse it
            cells.add(subject.rank());
            cells.add(subject.name());
            cells.add(subject.weightedTotal());
            for (SessionDefinition.BallotType type : definition.ballotTypes()) {
                Tally.TypeResult result = subject.byType().get(type.code());
                for (SessionDefinition.Grade grade : definition.scale()) {
                    cells.add(result.counts().get(grade.label()));
                }
                cells.addAll(List.of(result.valid(), result.invalid()));
                cells.add(PrintedSheet.percent(result.topShare()));
                cells.add(result.score());
            }
            sheet.row(cells.toArray());
        }
        sheet.line(null);
        sheet.line("投票情况");
        for (SessionDefinition.BallotType type : definition.ballotTypes()) {
            int valid = sealed.tally.validBallots().getOrDefault(type.code(), 0);
            int invalid = sealed.tally.voidBallots().getOrDefault(type.code(), 0);
            sheet.line(type.name() + "：发出 " + handedOut.getOrDefault(type.code(), 0L) + " 张，收回 " + (valid + invalid)
                    + " 张，有效 " + valid + " 张，无效 " + invalid + " 张");
        }
        sheet.line("票箱摘要（SHA-256）：" + sealed.digest);
        sheet.line(null);
        sheet.line("监票人：＿＿＿＿＿＿  计票人：＿＿＿＿＿＿  日期：＿＿＿＿");
    }

    private EvaluationSession sealedSession(UUID id) {
        EvaluationSession session = sessions.visible(id, scope.root());
        session.require(SessionState.SEALED, "结果封存后才能下载");
        return session;
    }

    /** Sorted by canonical line, so the export reveals nothing about storage order. */
    private static List<SessionViews.ExportedBallot> canonical(List<Tally.Ballot> ballots) {
        return ballots.stream().sorted(Comparator.comparing(BallotBoxDigest::line))
                .map(b -> new SessionViews.ExportedBallot(b.type(), b.status(), b.voidReason(), b.marks()))
                .toList();
    }

    /**
     * One CSV cell, quoted; text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
     * return, e.g. a subject named {@code =HYPERLINK(…)}) is kept as text behind a leading apostrophe.
     */
    static String quoted(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
    }
}
