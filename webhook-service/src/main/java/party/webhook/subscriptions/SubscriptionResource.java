package party.webhook.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.Roles;

/**
 * OA systems register where the platform's events are pushed to them; each manages the subscriptions it made, an
 * administrator any in scope.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
public class SubscriptionResource {

    public record Subscribe(@NotBlank @Size(max = 2000) String url,
                            @NotEmpty @Size(max = 50) Set<@NotNull String> eventTypes,
                            @Size(max = 200) String description) {
    }

    /** @param secret only in the answer that creates or rotates it: keep it, it is not shown again */
    public record SubscriptionView(UUID id, String orgPath, String url, Set<String> eventTypes, String description,
                                   boolean active, String createdBy, Instant createdAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id, s.orgPath, s.url, s.eventTypes, s.description, s.active, s.createdBy,
                    s.createdAt, null);
        }

        static SubscriptionView withSecret(Subscription s) {
            return new SubscriptionView(s.id, s.orgPath, s.url, s.eventTypes, s.description, s.active, s.createdBy,
                    s.createdAt, s.secret);
        }
    }

    private final Subscriptions subscriptions;
    private final JsonWebToken caller;

    public SubscriptionResource(Subscriptions subscriptions, JsonWebToken caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Subscribe a URL to event types of the caller's scope; the answer holds the signing secret, once")
    public Response subscribe(@Valid @NotNull Subscribe command, UriInfo uri) {
        Subscription subscription = subscriptions.subscribe(command.url(), command.eventTypes(), command.description(),
                caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(SubscriptionView.withSecret(subscription)).build();
    }

    @GET
    @Operation(summary = "The caller's own subscriptions (an administrator's: all in scope), newest first")
    public Page<SubscriptionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return Page.of(subscriptions.listed(), page, size, SubscriptionView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription (without its secret)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.visible(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a subscription: nothing more is pushed, and its pending or parked deliveries are cancelled")
    public Response unsubscribe(@PathParam("id") UUID id) {
        subscriptions.end(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Replace the signing secret; deliveries from now on are signed with the new one, shown once")
    public SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        return SubscriptionView.withSecret(subscriptions.rotateSecret(id));
    }
}
