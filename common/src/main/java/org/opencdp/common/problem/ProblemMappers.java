package org.opencdp.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencdp.common.request.RequestIds;

/** Turns every exception into RFC 9457 problem+json; never a class name or stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Problem p = problem(request, e.status(), e.getMessage());
        return respond(e.violations() == null ? p : p.withViolations(e.violations()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        Response problem = respond(problem(request, status, clientDetail(status, e.getMessage())));
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return respond(problem(request, 400, detail).withViolations(violations));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatch(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String detail = field.isEmpty() ? "The body is not valid JSON" : "Invalid value for " + field;
        Problem p = problem(request, 400, detail);
        return respond(field.isEmpty() ? p : p.withViolations(List.of(new Problem.Violation(field, "invalid value"))));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        // a ProblemException wrapped by a framework (e.g. a transaction interceptor) keeps its status
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException pe) {
                return problem(pe, request);
            }
        }
        Problem p = problem(request, 500, "An unexpected error occurred; quote the request id when reporting it");
        Log.errorf(e, "Unhandled error on %s %s (request %s)", request.getMethod(), p.instance(), p.requestId());
        return respond(p);
    }

    static Problem problem(ContainerRequestContext request, int status, String detail) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        return Problem.of(status, detail, request.getUriInfo().getPath(), id == null ? null : id.toString());
    }

    private static Response respond(Problem p) {
        Response.ResponseBuilder builder = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.requestId() != null) {
            builder.header(RequestIds.HEADER, p.requestId());
        }
        return builder.build();
    }

    private static String clientDetail(int status, String message) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; ask for application/json";
            case 415 -> "Unsupported content type; send application/json";
            default -> message == null || message.startsWith("HTTP ") ? Problem.titleFor(status) : message;
        };
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && !properties.isEmpty()) {
                // the index or key of a node belongs to the container before it: types[0].type, tags[2]
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                int last = properties.size() - 1;
                properties.set(last, properties.get(last) + (at == null ? "" : "[" + at + "]"));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties).replace(".[", "[");
        }
        return parameter != null ? parameter : v.getPropertyPath().toString();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
