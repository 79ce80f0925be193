package party.assessment.uses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import party.assessment.orgunits.OrgUnit;
import party.assessment.persons.Appointment;
import party.assessment.persons.Person;
import party.assessment.results.UnitResult;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.common.problem.Refusal;
import party.common.sheets.PrintedSheet;

/**
 * Results applied 结果运用 (docs/domain.md §9): the committee that ran a scheme records each use it makes of an
 * announced result — an award, a reference for a cadre decision, a talk with the unit's leader, rectification —
 * lists and exports them, and counts them by grade, this year's and last year's, so it can show that the units
 * graded low were talked to. {@code scope} is the caller's org path; the assessed units do not record their own.
 */
@ApplicationScoped
public class ResultUses {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Schemes schemes;

    public ResultUses(Schemes schemes) {
        this.schemes = schemes;
    }

    /** One use, as the committee's list shows it: the result it applies, what was decided, about whom. */
    public record UseView(UUID id, String unit, String unitName, String grade, Integer rank, UseKind kind,
                          String kindLabel, UUID personId, String personName, String decision, LocalDate decidedOn,
                          String documentRef, boolean withdrawn, String withdrawnReason, String recordedBy,
                          Instant recordedAt) {
    }

    /**
     * How a scheme's results were used, by grade: how many units each grade has, and how many of them had each kind
     * of use; and the units of the grades below the top two that nobody has talked to.
     */
    public record Tally(UUID schemeId, int year, String title, List<GradeLine> grades, List<String> notTalkedTo) {
    }

    public record GradeLine(String grade, int units, Map<UseKind, Integer> used) {
    }

    /** This scheme's tally, and last year's of the same committee when it was announced: what was done about it. */
    public record Summary(Tally thisYear, Tally lastYear) {
    }

    @Transactional
    public UseView record(UUID schemeId, ResultUseCommands.Record command, String scope, String actor) {
        Scheme scheme = announced(schemeId, scope);
        UnitResult result = UnitResult.findById(new UnitResult.Key(scheme.id, command.unit()));
        if (result == null) {
            throw Refusal.UNKNOWN_ORG_UNIT.because("unit " + command.unit() + " has no result under this scheme", "unit");
        }
        if (command.decidedOn().isAfter(LocalDate.now(ZONE))) {
            throw Refusal.VALIDATION.because("a use is recorded once decided: decidedOn is after today", "decidedOn");
        }
        if (command.kind() == UseKind.TALK && command.personId() == null) {
            throw Refusal.VALIDATION.because("a talk 约谈 is with a leader of the unit: name them by personId",
                    "personId");
        }
        if (command.personId() != null && Appointment.count("personId = ?1 and unitCode = ?2 and termStart <= ?3 "
                + "and (termEnd is null or termEnd >= ?4)", command.personId(), command.unit(),
                LocalDate.of(scheme.year, 12, 31), LocalDate.of(scheme.year, 1, 1)) == 0) {
            throw Refusal.UNKNOWN_PERSON.because("no person " + command.personId() + " held a post in "
                    + command.unit() + " in " + scheme.year, "personId");
        }
        var use = new ResultUse();
        use.id = UUID.randomUUID();
        use.schemeId = scheme.id;
        use.orgCode = command.unit();
        use.orgPath = result.orgPath;
        use.kind = command.kind();
        use.personId = command.personId();
        use.decision = command.decision();
        use.decidedOn = command.decidedOn();
        use.documentRef = command.documentRef();
        use.recordedBy = actor;
        use.recordedAt = Instant.now();
        use.persist();
        return view(use, result);
    }

    @Transactional
    public UseView withdraw(UUID schemeId, UUID useId, String reason, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        ResultUse use = ResultUse.findById(useId);
        if (use == null || !use.schemeId.equals(scheme.id)) {
            throw Refusal.unknown();
        }
        if (use.withdrawnReason != null) {
            throw Refusal.ILLEGAL_STEP.because("已撤回", "the use was withdrawn already: " + use.withdrawnReason, null);
        }
        use.withdrawnReason = reason;
        return view(use, UnitResult.findById(new UnitResult.Key(scheme.id, use.orgCode)));
    }

    /** The scheme's uses by unit and day, withdrawn ones marked; only a unit's, or one kind, when asked. */
    public List<UseView> list(UUID schemeId, String unit, UseKind kind, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        Map<String, UnitResult> results = results(scheme);
        return ResultUse.<ResultUse>list("schemeId = ?1 order by orgCode, decidedOn, recordedAt", scheme.id).stream()
                .filter(use -> (unit == null || use.orgCode.equals(unit)) && (kind == null || use.kind == kind))
                .map(use -> view(use, results.get(use.orgCode))).toList();
    }

    public Summary summary(UUID schemeId, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        Scheme lastYear = Scheme.<Scheme>find("orgCode = ?1 and year = ?2 and state = ?3", scheme.orgCode,
                scheme.year - 1, SchemeState.ANNOUNCED).firstResult();
        return new Summary(tally(scheme), lastYear == null ? null : tally(lastYear));
    }

    /** The list as a workbook, for the committee's files and its OA system. */
    public byte[] workbook(UUID schemeId, String scope) throws IOException {
        Scheme scheme = schemes.managed(schemeId, scope);
        List<UseView> uses = list(schemeId, null, null, scope);
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            PrintedSheet sheet = PrintedSheet.start(workbook, "结果运用", scheme.title + " · 结果运用", LocalDate.now(ZONE),
                    List.of("单位", "等次", "排名", "运用方式", "人员", "决定事项", "决定日期", "文号", "已撤回", "记录人"))
                    .wide(5);
            for (UseView use : uses) {
                sheet.row(use.unitName(), use.grade(), use.rank(), use.kindLabel(), use.personName(), use.decision(),
                        use.decidedOn(), use.documentRef(), use.withdrawn() ? "是：" + use.withdrawnReason() : "",
                        use.recordedBy());
            }
        }
        return bytes.toByteArray();
    }

    private Tally tally(Scheme scheme) {
        Map<String, UnitResult> results = results(scheme);
        Map<String, Set<UseKind>> usedFor = new LinkedHashMap<>();
        ResultUse.<ResultUse>list("schemeId = ?1 and withdrawnReason is null", scheme.id)
                .forEach(use -> usedFor.computeIfAbsent(use.orgCode, unit -> new HashSet<>()).add(use.kind));
        List<String> scale = scheme.definition.gradeScale().stream().map(grade -> grade.name()).toList();
        List<GradeLine> lines = new ArrayList<>();
        for (String grade : scale) {
            List<String> units = results.values().stream().filter(r -> grade.equals(r.grade))
                    .map(r -> r.key.orgCode()).toList();
            Map<UseKind, Integer> used = new EnumMap<>(UseKind.class);
            for (UseKind kind : UseKind.values()) {
                used.put(kind, (int) units.stream().filter(unit -> usedFor.getOrDefault(unit, Set.of()).contains(kind))
                        .count());
            }
            lines.add(new GradeLine(grade, units.size(), used));
        }
        Set<String> low = new HashSet<>(scale.subList(Math.min(2, scale.size()), scale.size()));
        List<String> notTalkedTo = results.values().stream()
                .filter(r -> low.contains(r.grade) && !usedFor.getOrDefault(r.key.orgCode(), Set.of()).contains(UseKind.TALK))
                .map(r -> r.key.orgCode()).sorted().toList();
        return new Tally(scheme.id, scheme.year, scheme.title, lines, notTalkedTo);
    }

    private Scheme announced(UUID schemeId, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        if (scheme.state != SchemeState.ANNOUNCED) {
            throw Refusal.RESULTS_NOT_ANNOUNCED.because("a result is used once it is announced; the scheme is "
                    + scheme.state, null);
        }
        return scheme;
    }

    private static Map<String, UnitResult> results(Scheme scheme) {
        return UnitResult.<UnitResult>list("key.schemeId", scheme.id).stream()
                .collect(Collectors.toMap(r -> r.key.orgCode(), r -> r));
    }

    private static UseView view(ResultUse use, UnitResult result) {
        Person person = use.personId == null ? null : Person.findById(use.personId);
        return new UseView(use.id, use.orgCode, OrgUnit.nameOf(use.orgCode), result == null ? null : result.grade,
                result == null ? null : result.rank, use.kind, use.kind.label(), use.personId,
                person == null ? null : person.name, use.decision, use.decidedOn, use.documentRef,
                use.withdrawnReason != null, use.withdrawnReason, use.recordedBy, use.recordedAt);
    }
}
