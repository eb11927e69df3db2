package org.opencdp.profile.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.opencdp.profile.api.SourceRecordInput;
import org.opencdp.profile.api.SourceRecordResult;
import org.opencdp.profile.service.SourceRecordService;

@Path("/api/profiles/sources/{source}/records/{recordId}")
@Tag(name = "Source records", description = "First-party records (CRM contacts) linked to profiles on shared "
        + "identifiers; crm-service's outbox delivers them")
@Produces(MediaType.APPLICATION_JSON)
public class SourceRecordResource {
    static final String SOURCE = "[a-z][a-z0-9_-]{0,39}";
    static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    static final String KEY = "[\\x21-\\x7e]{1,200}";
    private final SourceRecordService records;
    private final WorkspaceContext workspace;

    public SourceRecordResource(SourceRecordService records, WorkspaceContext workspace) {
        this.records = records;
        this.workspace = workspace;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply the current state of a source record (replaces its previous contribution)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SourceRecordInput.class),
            examples = @ExampleObject(name = "crm contact", value = "{\"sequence\":7,\"occurredAt\":"
                    + "\"2026-11-29T05:00:00Z\",\"identifiers\":[{\"type\":\"crmContactId\",\"value\":\"c-42\"},"
                    + "{\"type\":\"email\",\"value\":\"ann@example.com\"},{\"type\":\"phone\",\"value\":\"+27821234567\"}],"
                    + "\"traits\":{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"lifecycleStage\":\"customer\"},"
                    + "\"consents\":{\"emailMarketing\":true,\"smsMarketing\":false}}")))
    @APIResponse(responseCode = "200", description = "Applied, or ignored (applied=false) because the sequence is not "
            + "above the last applied one or the Idempotency-Key was already seen",
            content = @Content(schema = @Schema(implementation = SourceRecordResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid record, or no usable identifier (fields named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid key or service token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the same record is being applied; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourceRecordResult put(
            @Parameter(description = "Source name, e.g. crm", example = "crm")
            @PathParam("source") @Pattern(regexp = SOURCE, message = "must be 1-40 lower-case letters, digits, _ or -,"
                    + " starting with a letter") String source,
            @Parameter(description = "The record's id in its source (e.g. the contact id)")
            @PathParam("recordId") @Pattern(regexp = RECORD_ID, message = "must be 1-128 letters, digits or ._:@-")
            String recordId,
            @Parameter(description = "Id of the delivery (the outbox event id); a repeated key changes nothing")
            @HeaderParam("Idempotency-Key") @Pattern(regexp = KEY, message = "must be 1-200 visible ASCII characters")
            String idempotencyKey,
            @Valid @NotNull SourceRecordInput body) {
        return records.put(workspace.workspaceId(), source, recordId, body, idempotencyKey);
    }

    @DELETE
    @Operation(summary = "Remove a source record's identifiers' link and traits from its profile")
    @APIResponse(responseCode = "204", description = "Removed, already gone, unknown, or an older sequence (ignored)")
    @APIResponse(responseCode = "400", description = "Missing or invalid sequence (field named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid key or service token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the same record is being applied; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(
            @PathParam("source") @Pattern(regexp = SOURCE, message = "must be 1-40 lower-case letters, digits, _ or -,"
                    + " starting with a letter") String source,
            @PathParam("recordId") @Pattern(regexp = RECORD_ID, message = "must be 1-128 letters, digits or ._:@-")
            String recordId,
            @Parameter(description = "The record's sequence at deletion; an older one than the last applied is ignored",
                    example = "8")
            @QueryParam("sequence") @NotNull @PositiveOrZero Long sequence,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = KEY, message = "must be 1-200 visible ASCII characters")
            String idempotencyKey) {
        records.delete(workspace.workspaceId(), source, recordId, sequence, idempotencyKey);
    }
}
