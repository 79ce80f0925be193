package party.common.faults;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/** Tells a database that cannot be reached from a fault in the request, the event or the code. */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /**
     * A lost or refused connection (SQLSTATE class 08), the server shutting down or starting (57P), or the pool
     * timing out while it cannot connect: anywhere in the cause chain.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (state.startsWith("08") || state.startsWith("57P") || message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
