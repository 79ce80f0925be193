package party.ballot.sessions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.ballot.box.BallotBox;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.Tally;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** A sealed session's anonymous ballot box (JSON, CSV) and its printable results sheet (xlsx). */
@Path("/sessions/{id}")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER, Roles.INTEGRATION})
public class ResultsExport {

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
    @Operation(summary = "The results sheet a committee prints: per category, subjects ranked, counts by ballot type")
    public Response resultsSheet(@PathParam("id") UUID id) {
        EvaluationSession session = sealedSession(id);
        Tally.Result tally = sessions.sealed(session).tally;
        StreamingOutput sheet = out -> {
            var workbook = new Workbook(out, "party-platform", "1.0");
            for (Tally.CategoryResult category : tally.categories()) {
                writeCategory(workbook.newWorksheet(category.name()), session, category);
            }
            workbook.finish();
        };
        return Response.ok(sheet).header("Content-Disposition", "attachment; filename=\"results.xlsx\"").build();
    }

    private static void writeCategory(Worksheet ws, EvaluationSession session, Tally.CategoryResult category) {
        ws.value(0, 0, session.title + " · " + category.name() + "（" + session.definition.top().label() + "票限额 "
                + category.topLimit() + "）");
        int column = 0;
        ws.value(1, column++, "名次");
        ws.value(1, column++, "评议对象");
        ws.value(1, column++, "综合得分");
        for (SessionDefinition.BallotType type : session.definition.ballotTypes()) {
            for (SessionDefinition.Grade grade : session.definition.scale()) {
                ws.value(1, column++, type.code() + " " + grade.label());
            }
            ws.value(1, column++, type.code() + " 有效票");
            ws.value(1, column++, type.code() + " 废票");
            ws.value(1, column++, type.code() + " " + session.definition.top().label() + "票率");
            ws.value(1, column++, type.code() + " 得分");
        }
        int row = 2;
        for (Tally.SubjectResult subject : category.subjects()) {
            column = 0;
            ws.value(row, column++, subject.rank());
            ws.value(row, column++, subject.name());
            ws.value(row, column++, subject.weightedTotal());
            for (SessionDefinition.BallotType type : session.definition.ballotTypes()) {
                Tally.TypeResult result = subject.byType().get(type.code());
                for (SessionDefinition.Grade grade : session.definition.scale()) {
                    ws.value(row, column++, result.counts().get(grade.label()));
                }
                ws.value(row, column++, result.valid());
                ws.value(row, column++, result.invalid());
                ws.value(row, column++, result.topShare());
                ws.value(row, column++, result.score());
            }
            row++;
        }
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
