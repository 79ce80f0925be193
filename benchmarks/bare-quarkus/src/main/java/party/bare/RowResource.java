package party.bare;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Inserts one row: the load the benchmark puts on the bare app. */
@Path("/rows")
public class RowResource {

    @POST
    @Transactional
    public Response insert() {
        var row = new BareRow();
        row.created = Instant.now();
        row.persist();
        return Response.status(Response.Status.CREATED).build();
    }
}
