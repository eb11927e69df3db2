package org.opencdp.dmp.service;

import com.google.re2j.PatternSyntaxException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.Category;
import org.opencdp.dmp.CategoryRule;
import org.opencdp.dmp.api.CategoryInput;
import org.opencdp.dmp.api.RuleInput;
import org.opencdp.dmp.repository.DefinitionRepository;

/** The taxonomy (built-in plus the workspace's own categories) and the rules mapping behaviour to categories. */
@ApplicationScoped
public class TaxonomyService {
    private static final int MAX_CUSTOM_CATEGORIES = 1000;
    private static final int MAX_RULES = 1000;
    private final DefinitionRepository repository;
    private final WorkspaceDefinitions definitions;

    public TaxonomyService(DefinitionRepository repository, WorkspaceDefinitions definitions) {
        this.repository = repository;
        this.definitions = definitions;
    }

    public List<Category> categories(String ws, String parentId) {
        return definitions.of(ws).taxonomy().all().stream()
                .filter(c -> parentId == null || parentId.equals(c.parentId())).toList();
    }

    public Optional<Category> category(String ws, String id) {
        return definitions.of(ws).taxonomy().get(id);
    }

    public Category addCategory(String ws, CategoryInput input) {
        String id = input.id() != null ? input.id() : slug(input.name());
        if (id.toUpperCase(Locale.ROOT).startsWith("IAB-")) {
            throw ProblemException.badRequest("id", "ids starting with IAB- are reserved for the built-in taxonomy");
        }
        Taxonomy taxonomy = fresh(ws).taxonomy();
        int tier = 1;
        if (input.parentId() != null) {
            Category parent = taxonomy.get(input.parentId()).orElseThrow(() ->
                    ProblemException.badRequest("parentId", "no such category"));
            tier = parent.tier() + 1;
        }
        if (taxonomy.all().stream().filter(c -> !c.builtIn()).count() >= MAX_CUSTOM_CATEGORIES) {
            throw new ProblemException(409, "A workspace has at most " + MAX_CUSTOM_CATEGORIES + " own categories");
        }
        Category c = new Category(id, input.name().strip(), input.parentId(), tier, false);
        if (taxonomy.contains(id) || !repository.insertCategory(ws, c)) {
            throw new ProblemException(409, "Category " + id + " exists already");
        }
        definitions.invalidate(ws);
        return c;
    }

    /** Deletes an own category that no rule, audience or child category uses; false when unknown. */
    public boolean deleteCategory(String ws, String id) {
        WorkspaceDefinitions.Snapshot defs = fresh(ws);
        Category c = defs.taxonomy().get(id).orElse(null);
        if (c == null) {
            return false;
        }
        if (c.builtIn()) {
            throw new ProblemException(409, "Built-in categories cannot be deleted");
        }
        boolean used = defs.taxonomy().all().stream().anyMatch(x -> id.equals(x.parentId()))
                || repository.rules(ws).stream().anyMatch(r -> r.categoryId().equals(id))
                || defs.audiences().stream().anyMatch(a -> a.categories().contains(id));
        if (used) {
            throw new ProblemException(409, "Category " + id + " is used by a child category, rule or audience");
        }
        boolean deleted = repository.deleteCategory(ws, id);
        definitions.invalidate(ws);
        return deleted;
    }

    public List<CategoryRule> rules(String ws) {
        return repository.rules(ws);
    }

    public Optional<CategoryRule> rule(String ws, String id) {
        return repository.rule(ws, id);
    }

    public CategoryRule addRule(String ws, RuleInput in) {
        if (!fresh(ws).taxonomy().contains(in.categoryId())) {
            throw ProblemException.badRequest("categoryId", "no such category");
        }
        switch (in.type()) {
            case CategoryRule.URL -> {
                require("pattern", in.pattern());
                try {
                    com.google.re2j.Pattern.compile(in.pattern());
                } catch (PatternSyntaxException e) {
                    throw ProblemException.badRequest("pattern", "not a valid RE2 regular expression: "
                            + e.getDescription());
                }
            }
            case CategoryRule.KEYWORD -> {
                require("pattern", in.pattern());
                if (Categoriser.words(in.pattern()).isEmpty()) {
                    throw ProblemException.badRequest("pattern", "must contain a letter or digit");
                }
            }
            case CategoryRule.PROPERTY -> require("property", in.property());
            default -> require("value", in.value());
        }
        if (repository.rules(ws).size() >= MAX_RULES) {
            throw new ProblemException(409, "A workspace has at most " + MAX_RULES + " rules");
        }
        CategoryRule rule = new CategoryRule(UUID.randomUUID().toString(), ws, in.type(), in.pattern(),
                in.property(), in.value(), in.categoryId(), in.weight() == null ? 1.0 : in.weight());
        repository.saveRule(rule);
        definitions.invalidate(ws);
        return rule;
    }

    public boolean deleteRule(String ws, String id) {
        boolean deleted = repository.deleteRule(ws, id);
        definitions.invalidate(ws);
        return deleted;
    }

    private WorkspaceDefinitions.Snapshot fresh(String ws) {
        definitions.invalidate(ws);
        return definitions.of(ws);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required for this rule type");
        }
    }

    static String slug(String name) {
        String s = Categoriser.words(name).replace(' ', '-').replaceAll("[^a-z0-9-]", "").replaceAll("^-+", "");
        if (s.isEmpty()) {
            s = "c-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
