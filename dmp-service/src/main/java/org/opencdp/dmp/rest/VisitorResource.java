package org.opencdp.dmp.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.VisitorView;
import org.opencdp.dmp.service.VisitorService;

@Path("/api/dmp/visitors/{anonymousId}")
@Tag(name = "DMP visitors", description = "Anonymous visitors: categories, audiences, expiry; immediate deletion")
@Produces(MediaType.APPLICATION_JSON)
public class VisitorResource {
    private final VisitorService visitors;
    private final WorkspaceContext workspace;

    public VisitorResource(VisitorService visitors, WorkspaceContext workspace) {
        this.visitors = visitors;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "What the DMP holds about an anonymous visitor (never expired data)")
    @APIResponse(responseCode = "200", description = "The visitor",
            content = @Content(schema = @Schema(implementation = VisitorView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, expired, deleted, or of another workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VisitorView get(@PathParam("anonymousId") String anonymousId) {
        return visitors.view(workspace.workspaceId(), anonymousId)
                .orElseThrow(() -> ProblemException.notFound("Visitor"));
    }

    @DELETE
    @Operation(summary = "Delete a visitor with its events, id syncs and partner data, immediately")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Nothing held for this id in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("anonymousId") String anonymousId) {
        if (!visitors.delete(workspace.workspaceId(), anonymousId)) {
            throw ProblemException.notFound("Visitor");
        }
        return Response.noContent().build();
    }
}
