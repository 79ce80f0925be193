package party.rectification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.paging.Page;
import party.testing.PostgresResource;

/** A ledger longer than anyone pages through counts to 10,000 and says so; a short one counts exactly. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LongLedgerTest {

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @Test
    void pastTenThousandItemsTheTotalSaysTenThousandAndMore() throws SQLException {
        Fixtures.replicate(messaging, codec, "district-l", "district-m");
        insertOpenItems("district-l", Page.COUNTED_UP_TO + 5);
        insertOpenItems("district-m", 7);

        as(INSPECTOR).get("/api/rectification/ledger?unit=district-l&size=3").then().statusCode(200)
                .body("items", hasSize(3)).body("total", equalTo(Page.COUNTED_UP_TO)).body("totalExact", equalTo(false));
        as(INSPECTOR).get("/api/rectification/ledger?unit=district-m").then().statusCode(200)
                .body("total", equalTo(7)).body("totalExact", equalTo(true));
        as(Fixtures.leaderOf("district-m")).get("/api/rectification/ledger").then().statusCode(200)
                .body("total", equalTo(7)).body("totalExact", equalTo(true));
    }

    private void insertOpenItems(String unit, int count) throws SQLException {
        try (var connection = db.getConnection(); var sql = connection.prepareStatement("""
                insert into rectification_item (id, number, source, timing_class, problem, org_code, org_path,
                    responsible_leader, found_on, deadline, state, issued_by, issued_at, version)
                select gen_random_uuid(), ? || '-' || n, 'INSPECTION', 'FULL', '问题 ' || n, ?, ?, '责任人',
                    current_date, current_date + 30, 'ISSUED', 'test', now(), 0
                from generate_series(1, ?) n""")) {
            sql.setString(1, unit);
            sql.setString(2, unit);
            sql.setString(3, "/city/" + unit);
            sql.setInt(4, count);
            sql.executeUpdate();
        }
    }
}
