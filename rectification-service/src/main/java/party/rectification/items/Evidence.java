package party.rectification.items;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import party.common.problem.Refusal;

/**
 * A file proving a plan, progress or report (photo, scanned document). Kept in the service's database, so it
 * is as durable as the item, backed up with it, and committed or not together with its history entry.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    /** What may be uploaded, recognised by the file's first bytes rather than by what the client claims. */
    enum Kind {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F'});

        final String mediaType;
        private final byte[] magic;

        Kind(String mediaType, byte[] magic) {
            this.mediaType = mediaType;
            this.magic = magic;
        }

        static Optional<Kind> of(byte[] content) {
            return Arrays.stream(values()).filter(kind -> content.length >= kind.magic.length
                    && Arrays.equals(content, 0, kind.magic.length, kind.magic, 0, kind.magic.length)).findFirst();
        }
    }

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
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

    static Evidence of(UUID itemId, String fileName, byte[] content, long maxBytes, String sha256, String uploadedBy,
                       Instant now) {
        if (content.length == 0 || content.length > maxBytes) {
            throw Refusal.EVIDENCE_SIZE.because(
                    "a file must have between 1 and " + maxBytes + " bytes; this one has " + content.length, "file");
        }
        if (fileName != null && fileName.length() > 255) {
            throw Refusal.EVIDENCE_NAME.because("a file name has at most 255 characters", "file");
        }
        Kind kind = Kind.of(content).orElseThrow(() -> Refusal.EVIDENCE_TYPE.because(
                "upload a JPEG or PNG photo or a PDF document", "file"));
        var evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.itemId = itemId;
        evidence.fileName = fileName == null || fileName.isBlank() ? "evidence" : fileName;
        evidence.mediaType = kind.mediaType;
        evidence.size = content.length;
        evidence.sha256 = sha256;
        evidence.content = content;
        evidence.uploadedBy = uploadedBy;
        evidence.uploadedAt = now;
        return evidence;
    }

    /** The files of an item without their contents. */
    static List<ItemViews.EvidenceView> listed(UUID itemId) {
        return getEntityManager().createQuery("""
                select e.id, e.fileName, e.mediaType, e.size, e.sha256, e.uploadedBy, e.uploadedAt from Evidence e where e.itemId = :item order by e.uploadedAt""", ItemViews.EvidenceView.class)
                .setParameter("item", itemId).getResultList();
    }
}
