package party.common.json;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import party.common.problem.Refusal;

/**
 * The rule {@link StrictJson} applies to bodies, for query parameters: text PostgreSQL cannot store (NUL and other
 * control characters, lone surrogates) is refused with a 400 naming the parameter before any query sees it.
 */
public class StrictQuery {

    @ServerRequestFilter(preMatching = true)
    public void refuseUnstorableText(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String fault = StrictJson.TextDeserializer.fault(value);
                if (fault != null) {
                    throw Refusal.VALIDATION.because(fault, parameter.getKey());
                }
            }
        }
    }
}
