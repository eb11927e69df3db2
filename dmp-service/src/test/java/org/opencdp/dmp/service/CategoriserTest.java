package org.opencdp.dmp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencdp.dmp.Category;
import org.opencdp.dmp.CategoryRule;

class CategoriserTest {
    private final Taxonomy taxonomy = new Taxonomy(BuiltInTaxonomy.load(),
            List.of(new Category("trail", "Trail running", "IAB-INT-HEALTH-RUNNING", 4, false)));

    private Categoriser with(CategoryRule... rules) {
        return new Categoriser(taxonomy, java.util.Arrays.stream(rules).map(Categoriser.Compiled::of).toList());
    }

    private static CategoryRule rule(String type, String pattern, String property, String value, String category,
            double weight) {
        return new CategoryRule("r", "ws", type, pattern, property, value, category, weight);
    }

    private static Categoriser.Input page(String url) {
        return new Categoriser.Input(url, null, List.of(), null, Map.of());
    }

    @Test
    void builtInTaxonomyHasTheThreeIabTopTiersAndUniqueIds() {
        List<Category> all = BuiltInTaxonomy.load();
        assertEquals(List.of("Demographic", "Interest", "Purchase Intent"),
                all.stream().filter(c -> c.tier() == 1).map(Category::name).toList());
        assertEquals(all.size(), all.stream().map(Category::id).distinct().count());
        assertTrue(all.stream().allMatch(c -> c.parentId() == null || taxonomy.contains(c.parentId())));
        assertTrue(all.size() > 100);
    }

    @Test
    void urlPatternHitsTheCategoryAndItsAncestors() {
        Map<String, Double> hits = with(rule("url", "/sport/(soccer|football)", null, null, "IAB-INT-SPORTS-SOCCER", 2))
                .categorise(page("https://news.example/sport/soccer/derby"));
        assertEquals(Map.of("IAB-INT-SPORTS-SOCCER", 2.0, "IAB-INT-SPORTS", 2.0, "IAB-INT", 2.0), hits);
        assertEquals(Map.of(), with(rule("url", "/sport/soccer", null, null, "IAB-INT-SPORTS-SOCCER", 1))
                .categorise(page("https://news.example/politics")));
    }

    @Test
    void keywordsMatchWholeWordsInUrlTitleKeywordsAndEventName() {
        Categoriser c = with(rule("keyword", "Trail Running", null, null, "trail", 1));
        assertTrue(c.categorise(page("https://shop.example/trail-running/shoes")).containsKey("trail"));
        assertTrue(c.categorise(new Categoriser.Input(null, "Best TRAIL running routes", null, null, null))
                .containsKey("trail"));
        assertTrue(c.categorise(new Categoriser.Input(null, null, List.of("trail running"), null, null))
                .containsKey("IAB-INT-HEALTH"));
        assertEquals(Map.of(), c.categorise(page("https://shop.example/trailrunning")));
    }

    @Test
    void propertyAndEventRules() {
        Categoriser c = with(rule("property", null, "section", "Travel", "IAB-INT-TRAVEL", 1),
                rule("property", null, "cart.bike", null, "IAB-PI-SPORT-BICYCLES", 1),
                rule("event", null, null, "Flight Searched", "IAB-PI-TRAVEL-FLIGHTS", 3));
        assertTrue(c.categorise(new Categoriser.Input(null, null, null, null, Map.of("section", "travel")))
                .containsKey("IAB-INT-TRAVEL"));
        assertTrue(c.categorise(new Categoriser.Input(null, null, null, null, Map.of("section", List.of("news", "travel"))))
                .containsKey("IAB-INT-TRAVEL"));
        assertTrue(c.categorise(new Categoriser.Input(null, null, null, null, Map.of("cart", Map.of("bike", 1))))
                .containsKey("IAB-PI-SPORT-BICYCLES"));
        assertEquals(3.0, c.categorise(new Categoriser.Input(null, null, null, "flight searched", null))
                .get("IAB-PI-TRAVEL"));
    }

    @Test
    void catastrophicPatternsRunInLinearTime() {
        Categoriser c = with(rule("url", "(a+)+$", null, null, "IAB-INT", 1));
        String evil = "https://x.example/" + "a".repeat(50_000) + "!";
        assertEquals(Map.of(), c.categorise(page(evil)));
    }
}
