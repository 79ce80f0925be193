package party.webhook.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import party.common.paging.Page;
import party.common.scope.Roles;
import party.webhook.delivery.DeliveryResource.DeliveryView;
import party.webhook.subscriptions.Subscription;
import party.webhook.subscriptions.Subscriptions;

/** A subscriber follows what was sent to it: the delivery log of one of its subscriptions, under the subscription. */
@Path("/subscriptions/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Subscription Resource") // the API document lists the log with the subscription's other operations
public class DeliveryLogResource {

    private final Subscriptions subscriptions;

    public DeliveryLogResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Operation(summary = "The subscription's delivery log, newest first, optionally in one state")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("state") DeliveryState state,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Subscription subscription = subscriptions.visible(id);
        return state == null
                ? Page.of(Delivery.find("subscription = ?1 order by createdAt desc", subscription), page, size, DeliveryView::of)
                : Page.of(Delivery.find("subscription = ?1 and state = ?2 order by createdAt desc", subscription, state),
                        page, size, DeliveryView::of);
    }
}
