package party.common.evidence;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import party.common.problem.Refusal;

/**
 * A photo or document uploaded as evidence (佐证材料) — of a rectification step, of a duty record — checked by the
 * one set of rules: 1 byte to the service's limit, a name of at most 255 characters, and JPEG, PNG or PDF as the
 * file's first bytes say, whatever the client claims.
 */
public record EvidenceFile(String fileName, String mediaType, long size, String sha256, byte[] content) {

    private enum Kind {
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

    /** The file when it passes the rules; otherwise the refusal (413, 400 or 415) naming the form field {@code file}. */
    public static EvidenceFile checked(String fileName, byte[] content, long maxBytes) {
        if (content.length == 0 || content.length > maxBytes) {
            throw Refusal.EVIDENCE_SIZE.because(
                    "a file must have between 1 and " + maxBytes + " bytes; this one has " + content.length, "file");
        }
        if (fileName != null && fileName.length() > 255) {
            throw Refusal.EVIDENCE_NAME.because("a file name has at most 255 characters", "file");
        }
        Kind kind = Kind.of(content).orElseThrow(() -> Refusal.EVIDENCE_TYPE.because(
                "upload a JPEG or PNG photo or a PDF document", "file"));
        return new EvidenceFile(fileName == null || fileName.isBlank() ? "evidence" : fileName, kind.mediaType,
                content.length, sha256(content), content);
    }

    /** A stored file as a download: its own type, its name in UTF-8, never sniffed into something else. */
    public static Response download(String fileName, String mediaType, byte[] content) {
        return Response.ok(content, mediaType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
