package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.api.DealClose;
import org.opencdp.crm.api.DealEventView;
import org.opencdp.crm.api.DealView;
import org.opencdp.crm.service.DealClosing;
import org.opencdp.crm.service.DealService;

@Path("/api/crm/deals/{id}")
@Tag(name = "Deals")
@Produces(MediaType.APPLICATION_JSON)
public class DealLifecycleResource {
    private final DealClosing closing;
    private final DealService deals;
    private final WorkspaceContext workspace;

    public DealLifecycleResource(DealClosing closing, DealService deals, WorkspaceContext workspace) {
        this.closing = closing;
        this.deals = deals;
        this.workspace = workspace;
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a deal as won or lost, with a reason from the workspace's list and free text")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or one not in the list; the detail lists the allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull DealClose body) {
        DealView d = closing.close(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return Response.ok(d).tag(Versions.etag(d.version())).build();
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "Reopen a closed deal (its reason is cleared; the history keeps it)")
    @APIResponse(responseCode = "200", description = "Open again",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reopen(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        DealView d = closing.reopen(workspace.workspaceId(), id, Versions.ifMatch(ifMatch));
        return Response.ok(d).tag(Versions.etag(d.version())).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "The deal's history in time order: created, stage changes (from, to, when), won/lost,"
            + " contract changes")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(implementation = DealEventView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DealEventView> history(@PathParam("id") UUID id) {
        return deals.history(workspace.workspaceId(), id);
    }
}
