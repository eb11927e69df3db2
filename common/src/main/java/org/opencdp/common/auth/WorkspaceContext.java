package org.opencdp.common.auth;

import jakarta.enterprise.context.RequestScoped;
import org.opencdp.common.problem.ProblemException;

/** The verified workspace of the current request; every query of a service is scoped by {@link #workspaceId()}. */
@RequestScoped
public class WorkspaceContext {
    private WorkspaceToken token;

    public void set(WorkspaceToken token) {
        this.token = token;
    }

    public WorkspaceToken token() {
        if (token == null) {
            throw new ProblemException(401, "A workspace token from the gateway is required");
        }
        return token;
    }

    public String workspaceId() {
        return token().workspaceId();
    }
}
