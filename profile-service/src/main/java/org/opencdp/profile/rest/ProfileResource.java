package org.opencdp.profile.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.api.EventPage;
import org.opencdp.profile.api.ProfilePage;
import org.opencdp.profile.api.ProfileView;
import org.opencdp.profile.service.ProfileQueryService;

@Path("/api/profiles")
@Tag(name = "Profiles", description = "Unified profiles: one per person, across every source")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
    private final ProfileQueryService profiles;
    private final WorkspaceContext workspace;

    public ProfileResource(ProfileQueryService profiles, WorkspaceContext workspace) {
        this.profiles = profiles;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List profiles (merged-away ones excluded), in id order, with filters")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = ProfilePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfilePage list(
            @Parameter(description = "Only profiles holding an identifier of this type", example = "email")
            @QueryParam("identifierType") String identifierType,
            @Parameter(description = "name:value, a trait equal to the value", example = "plan:pro")
            @QueryParam("trait") String trait,
            @Parameter(description = "Changed at or after (ISO-8601)") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Last seen at or after (ISO-8601)") @QueryParam("seenSince") String seenSince,
            @Parameter(description = "Member of this segment") @QueryParam("segment") String segment,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ProfileQueryService.MAX_LIMIT) int limit) {
        return profiles.list(workspace.workspaceId(), identifierType, trait, updatedSince, seenSince, segment, cursor,
                limit);
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "Find the profile holding an identifier (value normalised like at ingestion)")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "400", description = "Unknown identifier type or blank value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No profile holds it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView lookup(@Parameter(example = "email") @QueryParam("type") String type,
            @Parameter(example = "ann@example.com") @QueryParam("value") String value) {
        return profiles.lookup(workspace.workspaceId(), type, value)
                .orElseThrow(() -> ProblemException.notFound("Profile with this " + type));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a profile; a merged-away id answers with the surviving profile and says so"
            + " (mergedFrom, Content-Location)")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "Unknown (or another workspace's) profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        ProfileView view = profiles.get(workspace.workspaceId(), id)
                .orElseThrow(() -> ProblemException.notFound("Profile"));
        Response.ResponseBuilder ok = Response.ok(view);
        if (view.mergedFrom() != null) {
            ok.header("Content-Location", "/api/profiles/" + view.id());
        }
        return ok.build();
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "The profile's timeline, newest first, with filters and a cursor")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventPage events(@PathParam("id") String id,
            @Parameter(description = "identify, track, page, screen, group, alias") @QueryParam("type") String type,
            @Parameter(description = "Event or page name", example = "Order Completed") @QueryParam("name") String name,
            @Parameter(description = "At or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Before (ISO-8601)") @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ProfileQueryService.MAX_LIMIT) int limit) {
        return profiles.events(workspace.workspaceId(), id, type, name, from, to, cursor, limit)
                .orElseThrow(() -> ProblemException.notFound("Profile"));
    }
}
