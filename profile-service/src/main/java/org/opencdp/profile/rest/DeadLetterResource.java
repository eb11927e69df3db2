package org.opencdp.profile.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.profile.api.DeadLetterView;
import org.opencdp.profile.repository.DeadLetterRepository;

@Path("/api/profiles/dead-letters")
@Tag(name = "Tracking", description = "Segment-compatible tracking API; the write key is the HTTP Basic user name")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetterRepository deadLetters;
    private final WorkspaceContext workspace;

    public DeadLetterResource(DeadLetterRepository deadLetters, WorkspaceContext workspace) {
        this.deadLetters = deadLetters;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "Rejected tracking messages with the reason, newest first (kept 30 days)")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = DeadLetterView.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView.Page list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<Document> docs = deadLetters.list(workspace.workspaceId(), cursor, limit + 1);
        List<DeadLetterView> items = docs.stream().limit(limit).map(DeadLetterView::of).toList();
        String next = docs.size() > limit ? items.get(items.size() - 1).id() : null;
        return new DeadLetterView.Page(items, next);
    }
}
