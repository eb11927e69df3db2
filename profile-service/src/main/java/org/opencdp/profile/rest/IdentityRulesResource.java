package org.opencdp.profile.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.opencdp.common.rest.Versions;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.api.IdentityRulesUpdate;
import org.opencdp.profile.api.IdentityRulesView;
import org.opencdp.profile.service.IdentityRulesService;

@Path("/api/profiles/identity-rules")
@Tag(name = "Identity rules", description = "Priority, per-profile limits and blocked values of identifiers")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityRulesResource {
    private final IdentityRulesService rules;
    private final WorkspaceContext workspace;

    public IdentityRulesResource(IdentityRulesService rules, WorkspaceContext workspace) {
        this.rules = rules;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "Read the workspace's identity rules (safe defaults until changed)")
    @APIResponse(responseCode = "200", description = "The rules, with their version as ETag",
            content = @Content(schema = @Schema(implementation = IdentityRulesView.class)))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get() {
        return withEtag(rules.get(workspace.workspaceId()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the identity rules; list order of types is their priority")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = IdentityRulesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules (each invalid field named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Valid @NotNull IdentityRulesUpdate body,
            @Parameter(description = "ETag from a previous read, e.g. \"1\"") @HeaderParam("If-Match") String ifMatch) {
        return withEtag(rules.replace(workspace.workspaceId(), body, Versions.ifMatch(ifMatch)));
    }

    private static Response withEtag(IdentityRules r) {
        return Response.ok(IdentityRulesView.of(r)).tag(Versions.etag(r.version())).build();
    }
}
