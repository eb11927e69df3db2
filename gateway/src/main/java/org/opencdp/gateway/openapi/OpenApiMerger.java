package org.opencdp.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges OpenAPI documents into one. Components with the same name and the same content merge; a component whose
 * name is taken by different content is renamed with its source as prefix (crm + Contact = CrmContact, crm + list = CrmList) and every
 * $ref to it in that source is rewritten. Tags merge by name, the first description wins. Every operation gets
 * the security requirement of its path. Not thread-safe: one instance per merge.
 */
public final class OpenApiMerger {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ObjectNode result = JSON.objectNode();
    private final ObjectNode paths;
    private final ObjectNode components;
    private final ArrayNode tags;
    private final Set<String> tagNames = new HashSet<>();
    private final Set<String> operationIds = new HashSet<>();
    private final List<String> unavailable = new ArrayList<>();

    public OpenApiMerger(String openapiVersion, String title, String version, String description) {
        result.put("openapi", openapiVersion);
        result.putObject("info").put("title", title).put("version", version).put("description", description);
        tags = result.putArray("tags");
        paths = result.putObject("paths");
        components = result.putObject("components");
    }

    /** Adds the paths of one source that {@code keep} accepts, with the components and tags of that source. */
    public void add(String source, JsonNode document, Predicate<String> keep) {
        ObjectNode doc = document.deepCopy();
        Map<String, String> renames = renames(source, doc.path("components"));
        if (!renames.isEmpty()) {
            rewriteRefs(doc, renames);
        }
        mergeComponents(doc.path("components"), renames);
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (keep.test(path.getKey()) && !paths.has(path.getKey()) && path.getValue().isObject()) {
                paths.set(path.getKey(), uniqueOperationIds(source, (ObjectNode) path.getValue()));
            }
        }
        for (JsonNode tag : doc.path("tags")) {
            if (tag.hasNonNull("name") && tagNames.add(tag.get("name").asText())) {
                tags.add(tag);
            }
        }
    }

    public void unavailable(String source) {
        unavailable.add(source);
    }

    /** The merged document, with security schemes and a security requirement on every operation. */
    public ObjectNode result() {
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(PathSecurity.WRITE_KEY).put("type", "http").put("scheme", "basic")
                .put("description", "Write key (wk_...) as the HTTP Basic user name, empty password: /v1 and /dmp");
        schemes.putObject(PathSecurity.SECRET_KEY).put("type", "http").put("scheme", "bearer")
                .put("description", "Secret key (sk_...) as 'Authorization: Bearer sk_...': /api, /v1 and /dmp");
        schemes.putObject(PathSecurity.ADMIN_TOKEN).put("type", "http").put("scheme", "bearer")
                .put("description", "Admin token of the gateway (CDP_ADMIN_TOKEN): /api/workspaces");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation instanceof ObjectNode op) {
                    op.set("security", PathSecurity.requirements(path.getKey(), method));
                }
            }
        }
        if (!unavailable.isEmpty()) {
            ArrayNode names = result.putArray("x-unavailable-services");
            unavailable.forEach(names::add);
        }
        return result;
    }

    /** "#/components/kind/name" -> new name, for every component that clashes, until no clash remains. */
    private Map<String, String> renames(String source, JsonNode sourceComponents) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<Map.Entry<String, JsonNode>> kinds = sourceComponents.fields(); kinds.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                if (kind.getKey().equals("securitySchemes")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String ref = ref(kind.getKey(), component.getKey());
                    JsonNode existing = components.path(kind.getKey()).get(component.getKey());
                    if (existing == null || renames.containsKey(ref)) {
                        continue;
                    }
                    JsonNode candidate = component.getValue().deepCopy();
                    rewriteRefs(candidate, renames);
                    if (!existing.equals(candidate)) {
                        renames.put(ref, freeName(kind.getKey(), prefixed(source, component.getKey())));
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private void mergeComponents(JsonNode sourceComponents, Map<String, String> renames) {
        for (Iterator<Map.Entry<String, JsonNode>> kinds = sourceComponents.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (kind.getKey().equals("securitySchemes") || !kind.getValue().isObject()) {
                continue;
            }
            ObjectNode target = components.has(kind.getKey())
                    ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> component = it.next();
                String name = renames.getOrDefault(ref(kind.getKey(), component.getKey()), component.getKey());
                if (!target.has(name)) {
                    target.set(name, component.getValue());
                }
            }
        }
    }

    private ObjectNode uniqueOperationIds(String source, ObjectNode pathItem) {
        for (String method : METHODS) {
            JsonNode operation = pathItem.get(method);
            if (operation instanceof ObjectNode op && op.hasNonNull("operationId")) {
                String id = op.get("operationId").asText();
                if (!operationIds.add(id)) {
                    String renamed = prefixed(source, id);
                    for (int i = 2; !operationIds.add(renamed); i++) {
                        renamed = prefixed(source, id) + i;
                    }
                    op.put("operationId", renamed);
                }
            }
        }
        return pathItem;
    }

    private String freeName(String kind, String wanted) {
        String name = wanted;
        for (int i = 2; components.path(kind).has(name); i++) {
            name = wanted + i;
        }
        return name;
    }

    static String prefixed(String source, String name) {
        return capitalized(source) + capitalized(name);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String ref(String kind, String name) {
        return "#/components/" + kind + "/" + name;
    }

    /** Rewrites every {@code $ref} that names a renamed component, anywhere in the tree. */
    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                String renamed = renames.get(target);
                if (renamed != null) {
                    object.set("$ref", TextNode.valueOf(target.substring(0, target.lastIndexOf('/') + 1) + renamed));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }
}
