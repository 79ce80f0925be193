package party.rectification.items;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import party.common.evidence.EvidenceFile;

/**
 * A file proving a plan, progress or report (photo, scanned document; {@link EvidenceFile}'s rules). Kept in the
 * service's database, so it is as durable as the item, backed up with it, and committed or not together with its
 * history entry.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;
    /** the item, or the task ({@code taskId}), the file proves: one of the two */
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "task_id")
    public UUID taskId;
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

    static Evidence of(UUID itemId, EvidenceFile file, String uploadedBy, Instant now) {
        Evidence evidence = of(file, uploadedBy, now);
        evidence.itemId = itemId;
        return evidence;
    }

    /** A file proving a task's completion. */
    public static Evidence ofTask(UUID taskId, EvidenceFile file, String uploadedBy, Instant now) {
        Evidence evidence = of(file, uploadedBy, now);
        evidence.taskId = taskId;
        return evidence;
    }

    private static Evidence of(EvidenceFile file, String uploadedBy, Instant now) {
        var evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.fileName = file.fileName();
        evidence.mediaType = file.mediaType();
        evidence.size = file.size();
        evidence.sha256 = file.sha256();
        evidence.content = file.content();
        evidence.uploadedBy = uploadedBy;
        evidence.uploadedAt = now;
        return evidence;
    }

    /** The files of an item without their contents. */
    static List<ItemViews.EvidenceView> listed(UUID itemId) {
        return listed("itemId", itemId);
    }

    /** The files of a task without their contents. */
    public static List<ItemViews.EvidenceView> listedForTask(UUID taskId) {
        return listed("taskId", taskId);
    }

    private static List<ItemViews.EvidenceView> listed(String owner, UUID id) {
        return getEntityManager().createQuery("select e.id, e.fileName, e.mediaType, e.size, e.sha256, e.uploadedBy, "
                        + "e.uploadedAt from Evidence e where e." + owner + " = :owner order by e.uploadedAt",
                ItemViews.EvidenceView.class).setParameter("owner", id).getResultList();
    }
}
