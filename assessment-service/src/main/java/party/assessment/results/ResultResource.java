package party.assessment.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Scoring;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * A scheme's results: inputs beside the indicators, computation, ranking, breakdown, calibration, locking,
 * announcing, the pressure gradient. The organization department that manages the scheme sees every result; an
 * assessed unit sees its own subtree's, once they are announced.
 */
@Path("/schemes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class ResultResource {

    public record RoutineCheckInput(@NotBlank String unit, @NotNull LocalDate checkedOn,
                                    @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score,
                                    @Size(max = 2000) String note) {
    }

    public record OpinionInput(@NotBlank String unit, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal satisfaction,
                               @Size(max = 200) String source) {
    }

    public record Calibration(@NotNull @DecimalMin("-10") @DecimalMax("10") BigDecimal adjustment,
                              @NotBlank @Size(max = 2000) String reason) {
    }

    private final Schemes schemes;
    private final Results results;
    private final ResultsExport export;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public ResultResource(Schemes schemes, Results results, ResultsExport export, OrgScope scope, JsonWebToken caller) {
        this.schemes = schemes;
        this.results = results;
        this.export = export;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @Path("/compute")
    @Transactional // the scheme read here is the one the change is made to
    @Operation(summary = "Compute every assessed unit's result from its current inputs")
    public Map<String, Integer> compute(@PathParam("id") UUID id) {
        return Map.of("computed", results.computeAll(schemes.managed(id, scope.root())));
    }

    @GET
    @Path("/results")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.UNIT_LEADER})
    @Operation(summary = "Results by category and rank; units see their own subtree's once announced")
    public List<ResultViews.ResultView> ranking(@PathParam("id") UUID id, @QueryParam("category") String category) {
        Scheme scheme = schemes.visible(id, scope.root());
        Map<String, String> names = names();
        return visibleRanking(scheme).stream().filter(r -> category == null || category.equals(r.result().category))
                .map(r -> ResultViews.ResultView.of(r, names.get(r.result().key.orgCode()))).toList();
    }

    @GET
    @Path("/results/{unit}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.UNIT_LEADER})
    @Operation(summary = "A unit's result with every number it came from")
    public ResultViews.Breakdown breakdown(@PathParam("id") UUID id, @PathParam("unit") String unit) {
        Scheme scheme = schemes.visible(id, scope.root());
        Results.Ranked ranked = visibleRanking(scheme).stream().filter(r -> r.result().key.orgCode().equals(unit))
                .findFirst().orElseThrow(NotFoundException::new);
        var routine = RoutineCheck.<RoutineCheck>list("schemeId = ?1 and orgCode = ?2 order by checkedOn", scheme.id, unit)
                .stream().map(c -> new ResultViews.RoutineCheckView(c.checkedOn, c.score, c.note, c.recordedBy)).toList();
        OpinionScore opinion = OpinionScore.findById(new OpinionScore.Key(scheme.id, unit));
        RectificationTally tally = RectificationTally.findById(new RectificationTally.Key(unit, scheme.year));
        return new ResultViews.Breakdown(ResultViews.ResultView.of(ranked, name(unit)),
                scheme.definition.components(), ranked.result().calculation.lines(), routine,
                opinion == null ? null : new ResultViews.OpinionView(opinion.satisfaction, opinion.source, opinion.recordedAt),
                Results.evaluation(unit, scheme.year).map(e -> new ResultViews.EvaluationView(e.sessionTitle, e.heldOn,
                        e.weightedTotal, e.digest)).orElse(null),
                tally == null ? new ResultViews.RectificationView(0, 0, 0, 0, 0)
                        : new ResultViews.RectificationView(tally.onTime, tally.late, tally.overdue, tally.reopened,
                        tally.accountability));
    }

    @POST
    @Path("/results/{unit}/calibrate")
    @Transactional // the scheme read here is the one the change is made to
    @Operation(summary = "Adjust a computed total by at most ±10 points, with the reason on record (校准)")
    public ResultViews.ResultView calibrate(@PathParam("id") UUID id, @PathParam("unit") String unit,
                                            @Valid @NotNull Calibration calibration) {
        Scheme scheme = schemes.managed(id, scope.root());
        results.calibrate(scheme, unit, calibration.adjustment(), calibration.reason());
        return results.ranking(scheme).stream().filter(r -> r.result().key.orgCode().equals(unit)).findFirst()
                .map(r -> ResultViews.ResultView.of(r, name(unit))).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/lock")
    @Transactional // the scheme read here is the one the change is made to
    @Operation(summary = "Compute once more, freeze grades and ranks, send each result to assessment.results")
    public Map<String, Object> lock(@PathParam("id") UUID id) {
        Scheme scheme = schemes.managed(id, scope.root());
        results.lock(scheme);
        return Map.of("state", SchemeState.LOCKED, "results", UnitResult.count("key.schemeId", scheme.id));
    }

    @POST
    @Path("/announce")
    @Transactional
    @Operation(summary = "Make the locked results visible to the assessed units")
    public Map<String, Object> announce(@PathParam("id") UUID id) {
        schemes.managed(id, scope.root()).announce();
        return Map.of("state", SchemeState.ANNOUNCED);
    }

    @POST
    @Path("/routine-checks")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Transactional
    @Operation(summary = "Record a routine check 平时检查 (0–100) of an assessed unit")
    public Response routineCheck(@PathParam("id") UUID id, @Valid @NotNull RoutineCheckInput input) {
        Scheme scheme = openScheme(id);
        OrgUnit unit = assessedUnit(scheme, input.unit(), "unit");
        results.serialize(scheme);
        var check = new RoutineCheck();
        check.id = UUID.randomUUID();
        check.schemeId = scheme.id;
        check.orgCode = unit.code;
        check.checkedOn = input.checkedOn();
        check.score = input.score();
        check.note = input.note();
        check.recordedBy = caller.getName();
        check.persist();
        results.recompute(scheme, unit);
        return Response.status(Status.CREATED).entity(Map.of("id", check.id)).build();
    }

    @PUT
    @Path("/opinion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Transactional
    @Operation(summary = "A unit's public satisfaction 民意调查 (0–100), e.g. posted by a survey system")
    public Map<String, Object> opinion(@PathParam("id") UUID id, @Valid @NotNull OpinionInput input) {
        Scheme scheme = openScheme(id);
        record(scheme, assessedUnit(scheme, input.unit(), "unit"), input.satisfaction(), input.source());
        return Map.of("unit", input.unit(), "satisfaction", input.satisfaction());
    }

    @POST
    @Path("/opinion/import")
    @Consumes({"text/csv", ResultsExport.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Transactional
    @Operation(summary = "Import satisfaction from a survey sheet: rows of unit code and score (0–100), all or none")
    public Map<String, Object> importOpinion(@PathParam("id") UUID id, InputStream sheet,
                                             @HeaderParam("Content-Type") String type) throws IOException {
        Scheme scheme = openScheme(id);
        List<OpinionSheet.Row> rows = type != null && type.startsWith("text/csv") ? OpinionSheet.csv(sheet)
                : OpinionSheet.xlsx(sheet);
        for (OpinionSheet.Row row : rows) {
            record(scheme, assessedUnit(scheme, row.unit(), "row " + row.line()), row.satisfaction(), "import");
        }
        return Map.of("imported", rows.size());
    }

    @GET
    @Path("/gradient")
    @Operation(summary = "温差: completion and on-time rectification per level of a subtree, and the levels where the drop exceeds the threshold")
    public ResultViews.Gradient gradient(@PathParam("id") UUID id, @QueryParam("unit") String unit,
                                         @QueryParam("threshold") @DefaultValue("10") BigDecimal threshold) {
        Scheme scheme = schemes.managed(id, scope.root());
        String subtree = unit == null ? scheme.orgPath : assessedUnit(scheme, unit, "unit").path;
        Map<String, RectificationTally> tallies = RectificationTally.<RectificationTally>list("key.year", scheme.year)
                .stream().collect(Collectors.toMap(t -> t.key.orgCode(), t -> t));
        var units = UnitResult.<UnitResult>list("key.schemeId", scheme.id).stream()
                .filter(r -> OrgPath.isWithin(r.orgPath, subtree))
                .map(r -> new PressureGradient.UnitFigures(r.level, completion(r.calculation), onTimeRate(tallies.get(r.key.orgCode()))))
                .toList();
        var levels = PressureGradient.levels(units, threshold);
        return new ResultViews.Gradient(subtree, threshold, levels,
                levels.stream().filter(ResultViews.LevelFigures::breaks).map(ResultViews.LevelFigures::level).toList());
    }

    @GET
    @Path("/results.xlsx")
    @Produces(ResultsExport.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "The ranking by category as an .xlsx workbook, one sheet per category")
    public Response rankingXlsx(@PathParam("id") UUID id) throws IOException {
        Scheme scheme = schemes.managed(id, scope.root());
        return ResultsExport.attachment(export.ranking(scheme, results.ranking(scheme), names()), "ranking.xlsx");
    }

    @GET
    @Path("/results/{unit}/breakdown.xlsx")
    @Produces(ResultsExport.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.UNIT_LEADER, Roles.REVIEWER, Roles.INSPECTOR})
    @Operation(summary = "A unit's breakdown as an .xlsx workbook")
    public Response breakdownXlsx(@PathParam("id") UUID id, @PathParam("unit") String unit) throws IOException {
        ResultViews.Breakdown breakdown = breakdown(id, unit);
        return ResultsExport.attachment(export.breakdown(breakdown), unit + "-breakdown.xlsx");
    }

    /** Managers of the scheme see everything; the assessed see their own subtree, once announced. */
    private List<Results.Ranked> visibleRanking(Scheme scheme) {
        String root = scope.root();
        if (!OrgPath.isWithin(scheme.orgPath, root) && scheme.state != SchemeState.ANNOUNCED) {
            throw Refusal.RESULTS_NOT_ANNOUNCED.because(
                    "results become visible to assessed units when the scheme is announced", null);
        }
        return results.ranking(scheme).stream().filter(r -> OrgPath.isWithin(r.result().orgPath, root)).toList();
    }

    private Scheme openScheme(UUID id) {
        Scheme scheme = schemes.managed(id, scope.root());
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以录入");
        return scheme;
    }

    private OrgUnit assessedUnit(Scheme scheme, String code, String field) {
        OrgUnit unit = OrgUnit.withinScope(code, scope.root(), field);
        if (!scheme.assesses(unit.path)) {
            throw Refusal.UNKNOWN_ORG_UNIT.because("unit " + code + " is not assessed under this scheme", field);
        }
        return unit;
    }

    private void record(Scheme scheme, OrgUnit unit, BigDecimal satisfaction, String source) {
        results.serialize(scheme);
        var key = new OpinionScore.Key(scheme.id, unit.code);
        OpinionScore opinion = OpinionScore.findById(key);
        boolean first = opinion == null;
        if (first) {
            opinion = new OpinionScore();
            opinion.key = key;
        }
        opinion.satisfaction = satisfaction;
        opinion.source = source;
        opinion.recordedBy = caller.getName();
        opinion.recordedAt = Instant.now();
        if (first) {
            opinion.persist();
        }
        results.recompute(scheme, unit);
    }

    private static String name(String unit) {
        OrgUnit found = OrgUnit.findById(unit);
        return found == null ? null : found.name;
    }

    private static Map<String, String> names() {
        return OrgUnit.<OrgUnit>listAll().stream().collect(Collectors.toMap(u -> u.code, u -> u.name));
    }

    private static BigDecimal completion(Scoring.Calculation calculation) {
        BigDecimal possible = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        for (Scoring.Line line : calculation.lines()) {
            if (line.share() != null) {
                possible = possible.add(line.points());
                earned = earned.add(line.earned());
            }
        }
        return possible.signum() == 0 ? null
                : earned.multiply(BigDecimal.valueOf(100)).divide(possible, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal onTimeRate(RectificationTally tally) {
        return tally == null || tally.onTime + tally.late == 0 ? null : BigDecimal.valueOf(tally.onTime * 100L)
                .divide(BigDecimal.valueOf(tally.onTime + tally.late), 2, RoundingMode.HALF_UP);
    }
}
