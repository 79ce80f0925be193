package party.assessment.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import party.assessment.duties.Duties;
import party.assessment.duties.DutyView;
import party.assessment.orgunits.OrgUnit;
import party.assessment.persons.Appointment;
import party.assessment.persons.Person;
import party.assessment.records.DutyRecord;
import party.assessment.records.DutyRecordView;
import party.assessment.records.DutyRecords;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.scoring.Indicator;
import party.assessment.uses.ResultUse;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.sheets.PrintedSheet;

/**
 * A leader's year for their 述职 (docs/domain.md §8, 示范): the posts they held, their responsibility list with the
 * tasks on it, every duty record they made, the indicators counted from records that their records fed, and the uses
 * of announced results that concern them. The committee above reads it, and so does their own unit; {@code scope} is
 * the caller's org path. Their problems and accountability decisions are rectification-service's half of the page.
 */
@ApplicationScoped
public class PersonYears {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Duties duties;

    public PersonYears(Duties duties) {
        this.duties = duties;
    }

    /**
     * @param duties  their responsibility list of the year (tasks included), each with how many records fulfil it
     * @param records newest first; @param byKind how many records of each kind, by the kind's name
     */
    public record PersonYear(UUID person, String name, int year, List<Post> posts, List<Carried> duties,
                             Map<String, Long> byKind, List<DutyRecordView> records, List<Counted> counted,
                             List<Use> uses) {
    }

    /** A duty of the list, and how many of the year's records say they fulfil it. */
    public record Carried(DutyView duty, long records) {
    }

    public record Post(String unit, String unitName, String postLabel, LocalDate termStart, LocalDate termEnd) {
    }

    /** An indicator of a scheme of the year, counted from records, with how many of this person's records count. */
    public record Counted(UUID scheme, String schemeTitle, String unit, String indicator, String indicatorName,
                          long records) {
    }

    public record Use(UUID scheme, String unit, String kind, String decision, LocalDate decidedOn, String documentRef) {
    }

    public PersonYear of(UUID personId, int year, String scope) {
        Person person = Person.findById(personId);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Appointment> posts = person == null ? List.of() : Appointment.<Appointment>list("personId", personId)
                .stream().filter(held -> OrgPath.isWithin(held.orgPath, scope) && !held.termStart.isAfter(last)
                        && (held.termEnd == null || !held.termEnd.isBefore(first)))
                .sorted(Comparator.comparing((Appointment held) -> held.termStart)).toList();
        if (posts.isEmpty()) { // out of scope, or no post in the year: as for a person who does not exist
            throw Refusal.unknown();
        }
        List<DutyRecord> records = DutyRecord.<DutyRecord>list("personId = ?1 and happenedOn between ?2 and ?3 "
                + "and withdrawnReason is null order by happenedOn desc, recordedAt desc", personId, first, last)
                .stream().filter(record -> OrgPath.isWithin(record.orgPath, scope)).toList();
        Map<String, Long> byKind = new LinkedHashMap<>();
        records.forEach(record -> byKind.merge(record.kindName, 1L, Long::sum));
        List<Carried> duties = this.duties.list(new Duties.Filter(null, personId, year, false), 0, 500, scope).items()
                .stream().map(duty -> new Carried(duty, records.stream()
                        .filter(record -> duty.id().equals(record.dutyId)).count())).toList();
        return new PersonYear(person.id, person.name, year, posts.stream().map(held -> new Post(held.unitCode,
                OrgUnit.nameOf(held.unitCode), held.post.label(), held.termStart, held.termEnd)).toList(), duties,
                byKind, DutyRecords.views(records), counted(posts, records, year),
                uses(personId, year, scope));
    }

    /**
     * The uses of the year's results that concern the person, for a caller of the committee that ran the scheme:
     * the assessed units do not read how their results were used.
     */
    private static List<Use> uses(UUID personId, int year, String scope) {
        return ResultUse.<ResultUse>list("personId = ?1 and withdrawnReason is null order by decidedOn", personId)
                .stream().filter(use -> {
                    Scheme scheme = Scheme.findById(use.schemeId);
                    return scheme.year == year && OrgPath.isWithin(scheme.orgPath, scope);
                })
                .map(use -> new Use(use.schemeId, use.orgCode, use.kind.label(), use.decision, use.decidedOn,
                        use.documentRef)).toList();
    }

    /** For each unit of the person's posts, the counted indicators of its schemes of the year and their share. */
    private static List<Counted> counted(List<Appointment> posts, List<DutyRecord> records, int year) {
        List<Counted> counted = new ArrayList<>();
        List<Scheme> schemes = Scheme.list("year = ?1 and state <> ?2", year, SchemeState.DRAFT);
        for (String unit : posts.stream().map(held -> held.unitCode).distinct().toList()) {
            String path = posts.stream().filter(held -> held.unitCode.equals(unit)).findFirst().orElseThrow().orgPath;
            for (Scheme scheme : schemes.stream().filter(s -> s.assesses(path) && s.state != SchemeState.SUPERSEDED)
                    .toList()) {
                for (Indicator indicator : scheme.definition.countedIndicators()) {
                    long mine = records.stream().filter(r -> r.unitCode.equals(unit)
                            && indicator.method().records().counts(r.kind, r.post)).count();
                    counted.add(new Counted(scheme.id, scheme.title, unit, indicator.code(), indicator.name(), mine));
                }
            }
        }
        return counted;
    }

    /** The same year as a workbook, one sheet each: 任职, 责任清单, 履责纪实, 计入指标, 结果运用. */
    public byte[] workbook(UUID personId, int year, String scope) throws IOException {
        PersonYear page = of(personId, year, scope);
        String name = page.name() + " " + year + "年度";
        LocalDate today = LocalDate.now(ZONE);
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            var posts = PrintedSheet.start(workbook, "任职", name + " · 任职", today, List.of("单位", "职务", "任职起始",
                    "任职结束"));
            page.posts().forEach(p -> posts.row(p.unitName(), p.postLabel(), p.termStart(), p.termEnd()));
            var duties = PrintedSheet.start(workbook, "责任清单", name + " · 责任清单", today, List.of("单位", "来源",
                    "职责", "任务编号", "截止日期", "任务状态", "履责纪实次数")).wide(2);
            page.duties().forEach(c -> {
                DutyView.Task task = c.duty().task();
                duties.row(c.duty().unitName(), c.duty().originLabel(), c.duty().title(),
                        task == null ? null : task.number(), task == null ? null : task.deadline(),
                        task == null ? null : task.stateLabel(), c.records());
            });
            var records = PrintedSheet.start(workbook, "履责纪实", name + " · 履责纪实", today, List.of("日期", "类型",
                    "单位", "参加人数", "内容摘要", "补录")).wide(4);
            page.records().forEach(r -> records.row(r.happenedOn(), r.kindName(), r.unitName(), r.participants(),
                    r.summary(), r.late() ? "是" : ""));
            var counted = PrintedSheet.start(workbook, "计入指标", name + " · 计入指标", today, List.of("方案", "单位",
                    "指标", "本人计入次数")).wide(0, 2);
            page.counted().forEach(c -> counted.row(c.schemeTitle(), OrgUnit.nameOf(c.unit()),
                    c.indicator() + " " + c.indicatorName(), c.records()));
            var uses = PrintedSheet.start(workbook, "结果运用", name + " · 结果运用", today, List.of("单位", "运用方式",
                    "决定事项", "决定日期", "文号")).wide(2);
            page.uses().forEach(u -> uses.row(OrgUnit.nameOf(u.unit()), u.kind(), u.decision(), u.decidedOn(),
                    u.documentRef()));
        }
        return bytes.toByteArray();
    }
}
