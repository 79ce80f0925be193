package party.webhook.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** Parked deliveries, where an admin sees them and sends them again (a subscriber follows its own log per subscription). */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    public record DeliveryView(UUID id, UUID subscriptionId, UUID eventId, String eventType, String orgUnit,
                               DeliveryState state, int attempts, Instant nextAttemptAt, Integer lastStatus,
                               String lastError, Instant createdAt, Instant deliveredAt) {

        public static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.subscription.id, d.eventId, d.eventType, d.orgUnit, d.state, d.attempts,
                    d.nextAttemptAt, d.lastStatus, d.lastError, d.createdAt, d.deliveredAt);
        }
    }

    private final OrgScope scope;

    public DeliveryResource(OrgScope scope) {
        this.scope = scope;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Deliveries in one state (parked by default) for subscriptions in the caller's scope, newest first")
    public Page<DeliveryView> inState(@QueryParam("state") @DefaultValue("PARKED") DeliveryState state,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return Page.of(Delivery.find("state = :state and " + OrgScope.condition("subscription.orgPath")
                + " order by createdAt desc", scope.parameters().and("state", state)), page, size, DeliveryView::of);
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Send a parked (or delivered) delivery again, with a fresh set of retries")
    public DeliveryView replay(@PathParam("id") UUID id) {
        // an ended subscription's deliveries are all cancelled, and a cancelled one cannot be replayed
        Delivery delivery = scope.visible(Delivery.<Delivery>findById(id), d -> d.subscription.orgPath);
        delivery.replay(Instant.now());
        return DeliveryView.of(delivery);
    }
}
