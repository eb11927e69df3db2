package org.opencdp.dmp.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.AudienceInput;
import org.opencdp.dmp.api.AudienceOverlap;
import org.opencdp.dmp.api.AudienceView;
import org.opencdp.dmp.api.MemberPage;
import org.opencdp.dmp.service.AudienceService;

@Path("/api/dmp/audiences")
@Tag(name = "DMP audiences", description = "Audiences by categories, recency and frequency; size, overlap, members")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {
    private static final String NOT_FOUND = "Unknown in this workspace";
    private final AudienceService audiences;
    private final WorkspaceContext workspace;

    public AudienceResource(AudienceService audiences, WorkspaceContext workspace) {
        this.audiences = audiences;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List the workspace's audiences")
    @APIResponse(responseCode = "200", description = "The audiences (without sizes; read one for its size)",
            content = @Content(schema = @Schema(implementation = AudienceView.class, type = SchemaType.ARRAY)))
    public List<AudienceView> list() {
        return audiences.list(workspace.workspaceId()).stream().map(a -> AudienceView.of(a, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define an audience; existing visitors are evaluated at once, new events keep it current")
    @RequestBody(content = @Content(schema = @Schema(implementation = AudienceInput.class),
            examples = @ExampleObject(name = "sports fans", value = "{\"name\":\"Sports fans\",\"categories\":"
                    + "[\"IAB-INT-SPORTS\"],\"minVisits\":3,\"window\":\"P14D\"}")))
    @APIResponse(responseCode = "201", description = "Created, with its size",
            content = @Content(schema = @Schema(implementation = AudienceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or unknown category",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many audiences",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull AudienceInput input) {
        String ws = workspace.workspaceId();
        var a = audiences.create(ws, input);
        return Response.created(URI.create("/api/dmp/audiences/" + a.id()))
                .entity(AudienceView.of(a, audiences.size(ws, a.id()))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One audience with its current size")
    @APIResponse(responseCode = "200", description = "The audience",
            content = @Content(schema = @Schema(implementation = AudienceView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AudienceView get(@PathParam("id") String id) {
        String ws = workspace.workspaceId();
        return audiences.get(ws, id).map(a -> AudienceView.of(a, audiences.size(ws, id)))
                .orElseThrow(() -> ProblemException.notFound("Audience"));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an audience")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!audiences.delete(workspace.workspaceId(), id)) {
            throw ProblemException.notFound("Audience");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/overlap")
    @Operation(summary = "How many visitors this audience shares with another (?with=<id>)")
    @APIResponse(responseCode = "200", description = "Sizes and overlap",
            content = @Content(schema = @Schema(implementation = AudienceOverlap.class)))
    @APIResponse(responseCode = "400", description = "No ?with=",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Either audience unknown in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AudienceOverlap overlap(@PathParam("id") String id, @QueryParam("with") String other) {
        if (other == null || other.isBlank()) {
            throw ProblemException.badRequest("with", "name the other audience's id");
        }
        return audiences.overlap(workspace.workspaceId(), id, other)
                .orElseThrow(() -> ProblemException.notFound("Audience"));
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "Anonymous ids in the audience, in id order, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of members",
            content = @Content(schema = @Schema(implementation = MemberPage.class)))
    @APIResponse(responseCode = "400", description = "limit out of 1-1000",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberPage members(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audiences.members(workspace.workspaceId(), id, after, limit)
                .orElseThrow(() -> ProblemException.notFound("Audience"));
    }
}
