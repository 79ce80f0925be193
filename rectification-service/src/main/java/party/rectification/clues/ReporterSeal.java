package party.rectification.clues;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import party.rectification.items.RectificationRules;

/**
 * Keeps a clue's reporter 保护群众 sealed at rest: AES-256-GCM under a key from configuration
 * ({@code rectification.clues.reporter-key}, 32 bytes in base64; from the environment in production), so neither a
 * database reader nor a backup holds the name. Opened only for a whole read by discipline above the accused unit.
 */
@ApplicationScoped
public class ReporterSeal {

    private static final String SEALED = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final EntityManager em;

    @Inject
    public ReporterSeal(RectificationRules rules, EntityManager em) {
        this(rules.clues().reporterKey(), em);
    }

    ReporterSeal(String base64Key, EntityManager em) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length != 32) {
            throw new IllegalStateException("rectification.clues.reporter-key must be 32 bytes in base64, not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.em = em;
    }

    public String seal(String reporter) {
        if (reporter == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(reporter.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a reporter", e);
        }
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a reporter sealed under another key cannot be opened", e);
        }
    }

    /** Seals what an earlier version stored in plain text; a no-op once every reporter is sealed. */
    public void sealPlainReporters(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> plain = em.createNativeQuery("select id, reporter from clue where reporter not like 'v1:%'"
                    + " for update skip locked").getResultList();
            for (Object[] row : plain) {
                em.createNativeQuery("update clue set reporter = ?1 where id = ?2").setParameter(1, seal((String) row[1]))
                        .setParameter(2, (UUID) row[0]).executeUpdate();
            }
        });
    }
}
