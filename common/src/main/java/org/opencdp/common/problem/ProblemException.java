package org.opencdp.common.problem;

import java.util.List;

/** Thrown by services for an expected failure; rendered as problem+json with the given status. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final transient List<Problem.Violation> violations;

    public ProblemException(int status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = violations;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, what + " not found");
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
