package org.opencdp.profile.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.profile.api.MergeView;
import org.opencdp.profile.service.UnmergeService;

@Path("/api/profiles/{id}")
@Tag(name = "Merges", description = "The merge log of a profile and reversible merges")
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {
    private final UnmergeService merges;
    private final WorkspaceContext workspace;

    public MergeResource(UnmergeService merges, WorkspaceContext workspace) {
        this.merges = merges;
        this.workspace = workspace;
    }

    @GET
    @Path("/merges")
    @Operation(summary = "Merges, refused merges and unmerges involving this profile, newest first")
    @APIResponse(responseCode = "200", description = "The log",
            content = @Content(schema = @Schema(implementation = MergeView.Page.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MergeView.Page log(@PathParam("id") String id) {
        return new MergeView.Page(merges.log(workspace.workspaceId(), id));
    }

    @POST
    @Path("/unmerge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo a merge: split the profiles again and re-derive each from what it received")
    @APIResponse(responseCode = "200", description = "Both profiles after the split",
            content = @Content(schema = @Schema(implementation = MergeView.UnmergeResult.class)))
    @APIResponse(responseCode = "400", description = "mergeId missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile or merge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merge is not this profile's, or was already undone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MergeView.UnmergeResult unmerge(@PathParam("id") String id,
            @Valid @NotNull MergeView.UnmergeRequest body) {
        return merges.unmerge(workspace.workspaceId(), id, body.mergeId());
    }
}
