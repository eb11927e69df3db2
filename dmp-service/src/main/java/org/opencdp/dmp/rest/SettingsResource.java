package org.opencdp.dmp.rest;

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
import org.opencdp.dmp.WorkspaceSettings;
import org.opencdp.dmp.api.SettingsUpdate;
import org.opencdp.dmp.api.SettingsView;
import org.opencdp.dmp.service.SettingsService;

@Path("/api/dmp/settings")
@Tag(name = "DMP settings", description = "Retention of anonymous data per workspace")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private final SettingsService settings;
    private final WorkspaceContext workspace;

    public SettingsResource(SettingsService settings, WorkspaceContext workspace) {
        this.settings = settings;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "Read the workspace's DMP settings (defaults until changed)")
    @APIResponse(responseCode = "200", description = "The settings, with their version as ETag",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get() {
        return withEtag(settings.get(workspace.workspaceId()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the retention of anonymous data (PT1M to P365D) and/or the minimum export size")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid retention or minimum export size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Valid @NotNull SettingsUpdate body,
            @Parameter(description = "ETag from a previous read, e.g. \"1\"") @HeaderParam("If-Match") String ifMatch) {
        return withEtag(settings.update(workspace.workspaceId(), body, Versions.ifMatch(ifMatch)));
    }

    private static Response withEtag(WorkspaceSettings s) {
        return Response.ok(SettingsView.of(s)).tag(Versions.etag(s.version())).build();
    }
}
