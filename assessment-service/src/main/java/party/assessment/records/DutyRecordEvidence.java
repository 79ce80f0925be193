package party.assessment.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.common.evidence.EvidenceFile;

/** A photo or document proving a duty record ({@link EvidenceFile}'s rules), kept with the record in the database. */
@Entity
@Table(name = "duty_record_evidence")
public class DutyRecordEvidence extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    public long size;
    public String sha256;
    public byte[] content;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    static DutyRecordEvidence of(UUID recordId, EvidenceFile file, String uploadedBy) {
        var evidence = new DutyRecordEvidence();
        evidence.id = UUID.randomUUID();
        evidence.recordId = recordId;
        evidence.fileName = file.fileName();
        evidence.mediaType = file.mediaType();
        evidence.size = file.size();
        evidence.sha256 = file.sha256();
        evidence.content = file.content();
        evidence.uploadedBy = uploadedBy;
        evidence.uploadedAt = Instant.now();
        return evidence;
    }

    /** The files of a record without their contents. */
    static List<DutyRecordView.File> listed(UUID recordId) {
        return listed(List.of(recordId)).getOrDefault(recordId, List.of());
    }

    /** The files of each of these records, oldest first, in one query. */
    static Map<UUID, List<DutyRecordView.File>> listed(Collection<UUID> recordIds) {
        Map<UUID, List<DutyRecordView.File>> files = new HashMap<>();
        if (recordIds.isEmpty()) {
            return files;
        }
        getEntityManager().createQuery("select e.recordId, e.id, e.fileName, e.mediaType, e.size, e.sha256, "
                        + "e.uploadedAt from DutyRecordEvidence e where e.recordId in :records order by e.uploadedAt",
                Object[].class).setParameter("records", recordIds).getResultList()
                .forEach(row -> files.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new DutyRecordView.File(
                        (UUID) row[1], (String) row[2], (String) row[3], (Long) row[4], (String) row[5],
                        (Instant) row[6])));
        return files;
    }
}
