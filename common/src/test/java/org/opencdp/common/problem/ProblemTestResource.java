package org.opencdp.common.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Endpoints that fail in every way a real resource can, to check the problem+json mapping. */
@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public record Item(@NotBlank String name, @Email String email, List<@NotBlank String> tags) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Item create(@Valid @NotNull Item item) {
        return item;
    }

    @GET
    @Path("/page")
    public String page(@QueryParam("size") @Max(200) int size) {
        return "ok";
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(409, "The contact was changed by someone else");
    }

    @GET
    @Path("/wrapped-conflict")
    public String wrappedConflict() {
        throw new IllegalStateException("wrapper", new ProblemException(409, "Wrapped by a framework"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail at com.example.Secret");
    }
}
