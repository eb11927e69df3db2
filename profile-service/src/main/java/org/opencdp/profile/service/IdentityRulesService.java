package org.opencdp.profile.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.api.IdentityRulesUpdate;
import org.opencdp.profile.repository.IdentityRulesRepository;

/** Reads and replaces a workspace's identity rules; safe defaults apply until the workspace saves its own. */
@ApplicationScoped
public class IdentityRulesService {
    private static final Set<String> BUILT_IN = IdentityRules.DEFAULT_TYPES.stream()
            .map(IdentityRules.TypeRule::type).collect(Collectors.toUnmodifiableSet());

    private static final long CACHE_NANOS = 2_000_000_000L;
    private final IdentityRulesRepository repository;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public IdentityRulesService(IdentityRulesRepository repository) {
        this.repository = repository;
    }

    public IdentityRules get(String workspaceId) {
        return repository.find(workspaceId).orElseGet(() -> IdentityRules.defaults(workspaceId));
    }

    /**
     * The rules as read at most two seconds ago on this instance: ingestion reads them for every batch, and a
     * change takes effect on every replica within that time.
     */
    public IdentityRules cached(String workspaceId) {
        long now = System.nanoTime();
        Cached c = cache.get(workspaceId);
        if (c != null && now - c.at < CACHE_NANOS) {
            return c.rules;
        }
        IdentityRules rules = get(workspaceId);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(workspaceId, new Cached(rules, now));
        return rules;
    }

    private record Cached(IdentityRules rules, long at) {}

    public IdentityRules replace(String workspaceId, IdentityRulesUpdate update, OptionalLong ifMatch) {
        List<IdentityRules.TypeRule> types = validTypes(update.types());
        List<String> blocked = update.blockedValues().stream()
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        long expected = ifMatch.isPresent() ? ifMatch.getAsLong() : get(workspaceId).version();
        IdentityRules saved = repository.save(workspaceId, types, blocked, expected)
                .orElseThrow(() -> Versions.staleWrite("identity rules"));
        cache.remove(workspaceId);
        return saved;
    }

    private static List<IdentityRules.TypeRule> validTypes(List<IdentityRulesUpdate.TypeRuleInput> input) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<IdentityRules.TypeRule> types = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            IdentityRulesUpdate.TypeRuleInput t = input.get(i);
            if (!seen.add(t.type().toLowerCase(Locale.ROOT))) {
                violations.add(new Problem.Violation("types[" + i + "].type", "is listed twice"));
            }
            types.add(new IdentityRules.TypeRule(t.type(), t.maxPerProfile(), BUILT_IN.contains(t.type())));
        }
        for (String builtIn : BUILT_IN.stream().sorted().toList()) {
            if (!seen.contains(builtIn.toLowerCase(Locale.ROOT))) {
                violations.add(new Problem.Violation("types", "must keep the built-in type " + builtIn));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, violations.stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")), violations);
        }
        return types;
    }
}
