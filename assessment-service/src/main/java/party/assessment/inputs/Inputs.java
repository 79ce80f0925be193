package party.assessment.inputs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;

/**
 * The inputs recorded beside the indicators while a scheme is open: routine checks 平时检查 and public satisfaction
 * 民意调查, posted or imported from a survey sheet. Each one rescores the unit it is about.
 */
@ApplicationScoped
public class Inputs {

    private final Schemes schemes;
    private final Rescoring rescoring;

    public Inputs(Schemes schemes, Rescoring rescoring) {
        this.schemes = schemes;
        this.rescoring = rescoring;
    }

    /** @return the new check's id */
    @Transactional
    public UUID recordRoutineCheck(UUID schemeId, String scope, String unitCode, LocalDate checkedOn, BigDecimal score,
                                   String note, String by) {
        Scheme scheme = open(schemeId, scope);
        OrgUnit unit = schemes.assessedUnit(scheme, unitCode, scope, "unit");
        schemes.serialize(scheme);
        var check = new RoutineCheck();
        check.id = UUID.randomUUID();
        check.schemeId = scheme.id;
        check.orgCode = unit.code;
        check.checkedOn = checkedOn;
        check.score = score;
        check.note = note;
        check.recordedBy = by;
        check.persist();
        rescoring.rescore(scheme, unit);
        return check.id;
    }

    @Transactional
    public void recordOpinion(UUID schemeId, String scope, String unitCode, BigDecimal satisfaction, String source,
                              String by) {
        Scheme scheme = open(schemeId, scope);
        record(scheme, schemes.assessedUnit(scheme, unitCode, scope, "unit"), satisfaction, source, by);
    }

    /**
     * Every row of the sheet or none: one unreadable row or unit the scheme does not assess refuses the whole sheet.
     *
     * @return how many rows were recorded
     */
    @Transactional
    public int importOpinion(UUID schemeId, String scope, InputStream sheet, String mediaType, String by)
            throws IOException {
        Scheme scheme = open(schemeId, scope);
        List<OpinionSheet.Row> rows = OpinionSheet.read(sheet, mediaType);
        for (OpinionSheet.Row row : rows) {
            record(scheme, schemes.assessedUnit(scheme, row.unit(), scope, "row " + row.line()), row.satisfaction(),
                    "import", by);
        }
        return rows.size();
    }

    private Scheme open(UUID schemeId, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以录入");
        return scheme;
    }

    private void record(Scheme scheme, OrgUnit unit, BigDecimal satisfaction, String source, String by) {
        schemes.serialize(scheme);
        var key = new OpinionScore.Key(scheme.id, unit.code);
        OpinionScore opinion = OpinionScore.findById(key);
        boolean first = opinion == null;
        if (first) {
            opinion = new OpinionScore();
            opinion.key = key;
        }
        opinion.satisfaction = satisfaction;
        opinion.source = source;
        opinion.recordedBy = by;
        opinion.recordedAt = Instant.now();
        if (first) {
            opinion.persist();
        }
        rescoring.rescore(scheme, unit);
    }
}
