package org.opencdp.crm.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencdp.common.problem.ProblemException;

/**
 * JSON merge patch (RFC 7396) of a wire record: the current state as JSON, the patch laid over it (null removes a
 * member; objects named in {@code deepFields} are merged one level down), read back and validated like a full body.
 */
@ApplicationScoped
public class MergePatch {
    private final ObjectMapper json;
    private final Validator validator;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(Object current, ObjectNode patch, Class<T> type, String... deepFields) {
        ObjectNode merged = json.valueToTree(current);
        Set<String> deep = Set.of(deepFields);
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else if (deep.contains(e.getKey()) && e.getValue().isObject()
                    && merged.get(e.getKey()) instanceof ObjectNode inner) {
                e.getValue().fields().forEachRemaining(f -> {
                    if (f.getValue().isNull()) {
                        inner.remove(f.getKey());
                    } else {
                        inner.set(f.getKey(), f.getValue());
                    }
                });
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        T value;
        try {
            value = json.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.badRequest(field.isEmpty() ? "body" : field, "invalid value");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "invalid value");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
