package org.opencdp.dmp.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencdp.dmp.Category;

/** The built-in category tree shipped as {@code taxonomy/builtin.json}, modelled on the IAB Audience Taxonomy 1.1. */
@ApplicationScoped
public class BuiltInTaxonomy {
    public static final String RESOURCE = "taxonomy/builtin.json";
    private final List<Category> categories;

    public BuiltInTaxonomy() {
        this.categories = load();
    }

    public List<Category> categories() {
        return categories;
    }

    static List<Category> load() {
        try (InputStream in = BuiltInTaxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Integer> tiers = new HashMap<>();
            List<Category> out = new ArrayList<>();
            for (JsonNode n : root.get("categories")) {
                String id = n.get("id").asText();
                String parent = n.hasNonNull("parent") ? n.get("parent").asText() : null;
                int tier = parent == null ? 1 : tiers.getOrDefault(parent, 0) + 1;
                tiers.put(id, tier);
                out.add(new Category(id, n.get("name").asText(), parent, tier, true));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
