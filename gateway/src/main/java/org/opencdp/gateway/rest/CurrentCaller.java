package org.opencdp.gateway.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.gateway.service.Caller;

/** The caller authenticated by the gateway handler before the request reached JAX-RS. */
@RequestScoped
public class CurrentCaller {
    @Inject
    RoutingContext routing;

    public Caller get() {
        Caller caller = routing.get(Caller.ROUTING_KEY);
        if (caller == null) {
            throw new ProblemException(401, "Missing API key");
        }
        return caller;
    }

    /** The workspace id of the path, when the caller may manage it; 404 otherwise (never reveals other workspaces). */
    public UUID manageable(String workspaceId) {
        Caller caller = get();
        UUID id = parse(workspaceId).orElseThrow(() -> ProblemException.notFound("Workspace"));
        if (!caller.canManage(id)) {
            throw ProblemException.notFound("Workspace");
        }
        return id;
    }

    static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
