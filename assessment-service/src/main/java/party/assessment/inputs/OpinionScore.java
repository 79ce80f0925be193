package party.assessment.inputs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** 民意调查: a unit's public satisfaction (0–100) under a scheme, posted by an integration or imported; last wins. */
@Entity
@Table(name = "opinion_score")
public class OpinionScore extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "scheme_id") UUID schemeId, @Column(name = "org_code") String orgCode)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public BigDecimal satisfaction;
    public String source;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
