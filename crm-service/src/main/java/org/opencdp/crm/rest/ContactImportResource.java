package org.opencdp.crm.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.api.ImportReport;
import org.opencdp.crm.service.ContactImportService;

@Path("/api/crm/contacts/import")
@Tag(name = "Contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactImportResource {
    private final ContactImportService imports;
    private final WorkspaceContext workspace;

    public ContactImportResource(ContactImportService imports, WorkspaceContext workspace) {
        this.imports = imports;
        this.workspace = workspace;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import contacts from CSV (header row; up to 10,000 rows); duplicates are found by"
            + " normalised e-mail or phone")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "contacts", value = """
            firstName,lastName,email,phone,company,lifecycleStage,tags,emailMarketing
            Ann,Lee,ann@example.com,+27821234567,Acme Ltd,customer,vip;newsletter,true
            Bob,Stone,bob@example.com,0821112222,,lead,,false
            """)))
    @APIResponse(responseCode = "200", description = "One line of report per row: created, updated, duplicate or"
            + " invalid with the reason", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not CSV, no rows, or too many rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(
            @Parameter(description = "update (default): a row matching an existing contact updates it;"
                    + " skip: it is reported as a duplicate") @QueryParam("onDuplicate") String onDuplicate,
            String body) {
        String mode = QueryParams.text(onDuplicate) == null ? "update" : onDuplicate.strip();
        if (!mode.equals("update") && !mode.equals("skip")) {
            throw ProblemException.badRequest("onDuplicate", "must be update or skip");
        }
        return imports.importCsv(workspace.workspaceId(), body, mode.equals("update"));
    }
}
