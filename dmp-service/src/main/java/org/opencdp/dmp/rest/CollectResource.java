package org.opencdp.dmp.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.dmp.api.CollectResult;
import org.opencdp.dmp.service.CollectionService;
import org.opencdp.dmp.service.EventPreparer;

@Path("/dmp/v1")
@Tag(name = "DMP collection", description = "Anonymous behaviour, with a write key; nothing is stored without "
        + "advertising consent, personal data never")
public class CollectResource {
    private static final String EXAMPLE = "{\"batch\":[{\"anonymousId\":\"c0ffee-42\",\"url\":"
            + "\"https://shop.example/sport/running?utm_source=news\",\"userAgent\":\"Mozilla/5.0 (iPhone)\","
            + "\"consent\":{\"advertising\":true}}]}";
    private final CollectionService collection;
    private final CollectRequests requests;
    private final WorkspaceContext workspace;

    public CollectResource(CollectionService collection, CollectRequests requests, WorkspaceContext workspace) {
        this.collection = collection;
        this.requests = requests;
        this.workspace = workspace;
    }

    @POST
    @Path("/collect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect one anonymous event, or up to 500 as {\"batch\":[...]}")
    @RequestBody(content = @Content(schema = @Schema(implementation = org.opencdp.dmp.api.CollectEvent.class),
            examples = @ExampleObject(name = "batch", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What happened to each event (stored, no consent, rejected, "
            + "fields removed)", content = @Content(schema = @Schema(implementation = CollectResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or a single event that is invalid or carries "
            + "personal data that cannot be removed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CollectResult collect(JsonNode body, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        CollectRequests.Parsed parsed = requests.parse(body);
        CollectResult result = collection.collect(workspace.workspaceId(), parsed.events(), info(headers, http));
        return parsed.single() ? requests.singleOutcome(result) : result;
    }

    @GET
    @Path("/pixel.gif")
    @Produces("image/gif")
    @Operation(summary = "Collect one event as a 1x1 GIF pixel (write key in ?writeKey=)",
            description = "Parameters: anonymousId, url, referrer, event, title, type, consent (1, true or "
                    + "advertising), timestamp; any other parameter becomes a property. Always answers the GIF; the "
                    + "X-DMP-Outcome header says stored, not-stored (no consent) or rejected.")
    @APIResponse(responseCode = "200", description = "A transparent 1x1 GIF",
            content = @Content(mediaType = "image/gif"))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pixel(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        CollectResult result = collection.collect(workspace.workspaceId(),
                List.of(CollectRequests.fromQuery(uri.getQueryParameters())), info(headers, http));
        String outcome = result.stored() == 1 ? "stored" : result.withoutConsent() == 1 ? "not-stored" : "rejected";
        return Pixel.response(outcome);
    }

    static EventPreparer.RequestInfo info(HttpHeaders headers, HttpServerRequest http) {
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new EventPreparer.RequestInfo(headers.getHeaderString("X-Forwarded-For"), remote,
                headers.getHeaderString(HttpHeaders.USER_AGENT));
    }
}
