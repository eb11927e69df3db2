package org.opencdp.profile.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.api.ImportReport;
import org.opencdp.profile.service.ImportService;

@Path("/api/profiles/imports")
@Tag(name = "Imports", description = "Second-party data (partner files) linked to profiles on shared identifiers")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private final ImportService imports;
    private final WorkspaceContext workspace;

    public ImportResource(ImportService imports, WorkspaceContext workspace) {
        this.imports = imports;
        this.workspace = workspace;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import people from a CSV or NDJSON file; re-importing the same rows changes nothing")
    @RequestBody(required = true, content = {
        @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                .STRING), examples = @ExampleObject(name = "csv", value = "email,phone,firstName,loyaltyTier\n"
                + "ann@example.com,+27821234567,Ann,gold\nbob@example.com,,Bob,silver\n")),
        @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
                .SchemaType.STRING), examples = @ExampleObject(name = "ndjson", value = "{\"identifiers\":{\"email\":"
                + "\"ann@example.com\"},\"traits\":{\"loyaltyTier\":\"gold\"}}\n{\"email\":\"bob@example.com\","
                + "\"loyaltyTier\":\"silver\"}\n"))})
    @APIResponse(responseCode = "200", description = "One result per row: created, linked, updated, unchanged or "
            + "invalid with its reason", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "No or invalid source, empty body, or a CSV header without "
            + "identifier column (field named); nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 10,000 rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importFile(
            @Parameter(description = "Name of the partner or data set; its rows are records of source "
                    + "import:<name>", example = "partner-acme")
            @QueryParam("source") @NotNull @Pattern(regexp = SourceRecordResource.SOURCE, message = "must be 1-40 "
                    + "lower-case letters, digits, _ or -, starting with a letter") String source,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        ImportService.Format format = format(contentType);
        return imports.importRows(workspace.workspaceId(), source, format, body == null ? new byte[0] : body);
    }

    private static ImportService.Format format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CSV, "application/csv" -> ImportService.Format.CSV;
            case NDJSON, "application/jsonl", "application/jsonlines", "application/x-jsonlines" ->
                    ImportService.Format.NDJSON;
            default -> throw new ProblemException(415, "Send text/csv or application/x-ndjson, not "
                    + (type.isEmpty() ? "no Content-Type" : type));
        };
    }
}
