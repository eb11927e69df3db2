package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.LifecycleStage;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.api.ContactPage;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.config.CrmConfig;
import org.opencdp.crm.repository.ContactFilter;
import org.opencdp.crm.repository.ContactSort;
import org.opencdp.crm.service.ContactPoints;
import org.opencdp.crm.service.ContactService;

@Path("/api/crm/contacts")
@Tag(name = "Contacts", description = "People the business has a relationship with")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {
    private final ContactService contacts;
    private final ContactPoints points;
    private final WorkspaceContext workspace;
    private final CrmConfig config;

    public ContactsResource(ContactService contacts, ContactPoints points, WorkspaceContext workspace,
                            CrmConfig config) {
        this.contacts = contacts;
        this.points = points;
        this.workspace = workspace;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact: e-mails are normalised, phones stored in E.164")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations (e.g. phones[0])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ContactInput body, @Context UriInfo uri) {
        return ContactResource.created(uri, contacts.create(workspace.workspaceId(), body));
    }

    @GET
    @Operation(summary = "List contacts with filters, a stable sort and cursor pagination")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ContactPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter, named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactPage list(
            @Parameter(description = "Prefix of the full name or of the last name, any case") @QueryParam("name")
            String name,
            @Parameter(description = "Any of the contact's e-mails (normalised before matching)") @QueryParam("email")
            String email,
            @Parameter(description = "Any of the contact's phones (normalised to E.164 before matching)")
            @QueryParam("phone") String phone,
            @Parameter(description = "Company id") @QueryParam("companyId") String companyId,
            @Parameter(description = "lead, prospect, customer or churned") @QueryParam("lifecycleStage")
            String lifecycleStage,
            @Parameter(description = "Owner, exact") @QueryParam("owner") String owner,
            @Parameter(description = "A tag (tags are lower-cased)") @QueryParam("tag") String tag,
            @Parameter(description = "Changed at or after this instant or date") @QueryParam("updatedSince")
            String updatedSince,
            @Parameter(description = "-updatedAt (default), updatedAt, -createdAt, createdAt, name, -name")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ContactFilter filter = new ContactFilter(
                lower(QueryParams.text(name)),
                email == null ? null : ContactPoints.email(email)
                        .orElseThrow(() -> ProblemException.badRequest("email", "not a valid e-mail address")),
                phone == null ? null : points.phone(phone)
                        .orElseThrow(() -> ProblemException.badRequest("phone", "not a valid phone number")),
                QueryParams.uuid("companyId", companyId),
                stage(lifecycleStage),
                QueryParams.text(owner),
                lower(QueryParams.text(tag)),
                QueryParams.instant("updatedSince", updatedSince));
        ContactSort order;
        try {
            order = ContactSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("sort", e.getMessage());
        }
        return contacts.list(workspace.workspaceId(), filter, order, QueryParams.text(cursor),
                QueryParams.limit(limit, 50, config.maxPageSize()));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static LifecycleStage stage(String value) {
        try {
            return QueryParams.text(value) == null ? null : LifecycleStage.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("lifecycleStage", e.getMessage());
        }
    }
}
