package org.opencdp.dmp.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencdp.dmp.Category;

/** The categories one workspace sees: the built-in tree plus its own, by id. */
public final class Taxonomy {
    private static final int MAX_DEPTH = 16;
    private final Map<String, Category> byId;

    public Taxonomy(Collection<Category> builtIn, Collection<Category> custom) {
        Map<String, Category> all = new LinkedHashMap<>();
        builtIn.forEach(c -> all.put(c.id(), c));
        custom.forEach(c -> all.putIfAbsent(c.id(), c));
        this.byId = all;
    }

    public Optional<Category> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Collection<Category> all() {
        return byId.values();
    }

    /** The category and its ancestors, nearest first. */
    public List<String> withAncestors(String id) {
        List<String> out = new ArrayList<>(4);
        Category c = byId.get(id);
        while (c != null && out.size() < MAX_DEPTH && !out.contains(c.id())) {
            out.add(c.id());
            c = c.parentId() == null ? null : byId.get(c.parentId());
        }
        return out;
    }

    public String name(String id) {
        Category c = byId.get(id);
        return c == null ? id : c.name();
    }
}
