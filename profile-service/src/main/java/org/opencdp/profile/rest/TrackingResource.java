package org.opencdp.profile.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.request.RequestIds;
import org.opencdp.profile.api.TrackingResponse;
import org.opencdp.profile.service.TrackingService;

@Path("/v1")
@Tag(name = "Tracking", description = "Segment-compatible tracking API; the write key is the HTTP Basic user name")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {
    private final TrackingService tracking;
    private final WorkspaceContext workspace;

    public TrackingResource(TrackingService tracking, WorkspaceContext workspace) {
        this.tracking = tracking;
        this.workspace = workspace;
    }

    @POST
    @Path("/{call: identify|track|page|screen|group|alias}")
    @Operation(summary = "Send one identify, track, page, screen, group or alias message (Segment spec)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "track", value = "{\"userId\":\"u-1\",\"event\":\"Order Completed\","
                    + "\"properties\":{\"order_id\":\"o-1\",\"revenue\":42.5},\"context\":{\"ip\":\"203.0.113.9\"}}")))
    @APIResponse(responseCode = "200", description = "Accepted (a repeated messageId is accepted and ignored)",
            content = @Content(schema = @Schema(implementation = TrackingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid message (kept as a dead letter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 32 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingResponse single(@Parameter(description = "The call") @PathParam("call") String call, byte[] body,
            @HeaderParam("X-Forwarded-For") String forwardedFor) {
        return tracking.single(workspace.workspaceId(), call, body == null ? new byte[0] : body, clientIp(forwardedFor),
                requestId());
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Send many messages at once; valid ones are stored, invalid ones reported by index")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "batch", value = "{\"batch\":[{\"type\":\"identify\",\"userId\":\"u-1\","
                    + "\"traits\":{\"email\":\"ann@example.com\"}},{\"type\":\"track\",\"userId\":\"u-1\","
                    + "\"event\":\"Signed Up\"}],\"sentAt\":\"2026-11-29T05:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "At least one message accepted; rejected ones listed",
            content = @Content(schema = @Schema(implementation = TrackingResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a batch, or no valid message (violations per index)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 500 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingResponse batch(byte[] body, @HeaderParam("X-Forwarded-For") String forwardedFor) {
        return tracking.batch(workspace.workspaceId(), body == null ? new byte[0] : body, clientIp(forwardedFor),
                requestId());
    }

    private static String clientIp(String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return null;
        }
        int comma = forwardedFor.indexOf(',');
        return (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).strip();
    }

    private static String requestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
