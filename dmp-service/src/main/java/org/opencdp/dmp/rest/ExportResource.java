package org.opencdp.dmp.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.service.ExportService;

@Path("/api/dmp/audiences/{id}/export")
@Tag(name = "DMP audiences")
public class ExportResource {
    private static final String OPENRTB_EXAMPLE = "{\"audience\":{\"id\":\"7d1c...\",\"name\":\"Sports fans\"},"
            + "\"size\":1520,\"asOf\":\"2026-11-29T05:00:00Z\",\"users\":[{\"id\":\"c0ffee-42\",\"data\":[{\"id\":"
            + "\"opencdp-dmp\",\"name\":\"OpenCDP DMP\",\"segment\":[{\"id\":\"7d1c...\",\"name\":\"Sports fans\"}]}]}]}";
    private final ExportService exports;
    private final WorkspaceContext workspace;

    public ExportResource(ExportService exports, WorkspaceContext workspace) {
        this.exports = exports;
        this.workspace = workspace;
    }

    @GET
    @Produces({"application/json", "text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "Export an audience to a DSP: OpenRTB 2.6 user.data segments or a CSV id list",
            description = "With ?partner=, only members synced with that partner, under the partner's user ids "
                    + "(OpenRTB buyeruid and user.eids). Refused below the workspace's minExportSize.")
    @APIResponse(responseCode = "200", description = "The export, streamed",
            content = {@Content(mediaType = "application/json", examples = @ExampleObject(name = "openrtb",
                    value = OPENRTB_EXAMPLE)),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv",
                    value = "id,id_type,segment_id,segment_name\nc0ffee-42,anonymous_id,7d1c...,Sports fans\n"))})
    @APIResponse(responseCode = "400", description = "Unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown audience in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Fewer members than the minimum export size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@PathParam("id") String id,
            @Parameter(description = "openrtb (default) or csv") @QueryParam("format") @DefaultValue("openrtb") String format,
            @Parameter(description = "Partner whose synced user ids to export") @QueryParam("partner") String partner) {
        String ws = workspace.workspaceId();
        ExportService.Export export = exports.prepare(ws, id, format, partner == null || partner.isBlank() ? null : partner)
                .orElseThrow(() -> ProblemException.notFound("Audience"));
        StreamingOutput body = out -> exports.write(ws, export, out);
        String type = "csv".equals(format) ? "text/csv; charset=utf-8" : "application/json";
        String file = "audience-" + id + ("csv".equals(format) ? ".csv" : ".json");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Audience-Size", export.size()).build();
    }
}
