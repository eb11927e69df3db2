package org.opencdp.dmp.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.dmp.api.PartnerUpload;
import org.opencdp.dmp.api.PartnerUploadResult;
import org.opencdp.dmp.service.PartnerService;

@Path("/api/dmp/partner-data")
@Tag(name = "DMP partner data", description = "Second- and third-party segment data for device and cookie ids")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerDataResource {
    private final PartnerService partners;
    private final WorkspaceContext workspace;

    public PartnerDataResource(PartnerService partners, WorkspaceContext workspace) {
        this.partners = partners;
        this.workspace = workspace;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload up to 10,000 partner records (id, segment codes, expiry); re-uploading replaces")
    @RequestBody(content = @Content(schema = @Schema(implementation = PartnerUpload.class), examples = @ExampleObject(
            name = "upload", value = "{\"partner\":\"acme-dsp\",\"records\":[{\"idType\":\"cookie\",\"id\":"
                    + "\"c0ffee-42\",\"segments\":[\"auto-intender\"],\"expiresAt\":\"2026-12-31T00:00:00Z\"}]}")))
    @APIResponse(responseCode = "200", description = "Counts, and the records rejected with their reason",
            content = @Content(schema = @Schema(implementation = PartnerUploadResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid partner or no records",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PartnerUploadResult upload(@Valid @NotNull PartnerUpload upload) {
        return partners.upload(workspace.workspaceId(), upload);
    }
}
