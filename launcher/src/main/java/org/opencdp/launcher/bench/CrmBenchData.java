package org.opencdp.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The bench's data set, loaded straight into the crm database with PostgreSQL COPY (not through the API: 100,000
 * contacts through the API would measure the loader, not the lists). Deterministic (seeded) so that runs compare.
 * The default pipeline and the deal reasons are first created through the API, as a client would see them.
 */
final class CrmBenchData {
    static final String[] FIRST = {"Ann", "Andre", "Anna", "Ben", "Bongani", "Carla", "Chris", "Dineo", "David", "Emma",
        "Ethan", "Fatima", "Frank", "Grace", "Gideon", "Hannah", "Henk", "Isla", "Ivan", "Jabu", "James", "Jo", "Karen",
        "Kagiso", "Lerato", "Liam", "Maria", "Marco", "Mpho", "Naledi", "Noah", "Olivia", "Oscar", "Palesa", "Peter",
        "Quinn", "Rosa", "Ruan", "Sipho", "Sarah", "Thabo", "Tessa", "Uma", "Victor", "Wendy", "Xolani", "Yusuf",
        "Zanele", "Zoe", "Mark"};
    static final String[] LAST = {"Smith", "Naidoo", "Dlamini", "van der Merwe", "Botha", "Nkosi", "Pillay", "Jacobs",
        "Mokoena", "Khumalo", "Brown", "Williams", "Jones", "Taylor", "Wilson", "Evans", "Thomas", "Johnson", "Roberts",
        "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris",
        "Lewis", "Martin", "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore",
        "King", "Watson", "Baker", "Harrison", "Morgan", "Patel", "Young", "Allen"};
    static final String[] STAGES = {"lead", "lead", "lead", "prospect", "prospect", "customer", "customer", "churned"};
    static final String[] TAGS = {"vip", "newsletter", "partner", "churn-risk", "trial", "b2b", "b2c", "webinar",
        "referral", "event-2026", "beta", "enterprise", "smb", "reseller", "student", "press", "investor", "cold",
        "warm", "hot"};
    static final int COMPANIES = 200;
    static final int OWNERS = 20;

    final List<UUID> companyIds = new ArrayList<>();
    final List<UUID> contactIds = new ArrayList<>();
    final List<String> emails = new ArrayList<>();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final String workspace;
    private final Random random = new Random(42);

    CrmBenchData(String workspace) {
        this.workspace = workspace;
    }

    /** Loads the data; returns the number of rows written. */
    long load(String jdbcUrl, String gatewayUrl, String secretKey, int contacts, int deals) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode pipelines = get(http, gatewayUrl + "/api/crm/pipelines", secretKey);
        JsonNode reasons = get(http, gatewayUrl + "/api/crm/deal-reasons", secretKey);
        UUID pipeline = UUID.fromString(pipelines.get(0).get("id").asText());
        List<UUID> stages = new ArrayList<>();
        pipelines.get(0).get("stages").forEach(s -> stages.add(UUID.fromString(s.get("id").asText())));
        List<UUID> won = new ArrayList<>();
        List<UUID> lost = new ArrayList<>();
        reasons.forEach(r -> (r.get("outcome").asText().equals("won") ? won : lost)
                .add(UUID.fromString(r.get("id").asText())));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy company (id, workspace_id, name, domain, industry, created_at, updated_at, version)"
                    + " from stdin", new StringReader(companies()));
            long rows = COMPANIES;
            int chunk = 20_000;
            for (int from = 0; from < contacts; from += chunk) {
                rows += copy.copyIn("copy contact (id, workspace_id, first_name, last_name, name_key, last_name_key,"
                        + " emails, phones, company_id, lifecycle_stage, owner, tags, email_marketing, sms_marketing,"
                        + " whatsapp_marketing, custom_fields, created_at, updated_at, version) from stdin",
                        new StringReader(contacts(from, Math.min(contacts, from + chunk))));
            }
            rows += copy.copyIn("copy deal (id, workspace_id, title, pipeline_id, stage_id, status, amount, currency,"
                    + " expected_close_date, owner, company_id, contact_ids, contract_status, close_reason_id,"
                    + " closed_at, created_at, updated_at, version) from stdin",
                    new StringReader(deals(deals, pipeline, stages, won, lost)));
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze company");
                s.execute("vacuum analyze contact");
                s.execute("vacuum analyze deal");
            }
            return rows;
        }
    }

    private String companies() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < COMPANIES; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            companyIds.add(id);
            sb.append(id).append('\t').append(workspace).append("\tCompany ").append(i).append("\tcompany").append(i)
                    .append(".example\t\\N\t").append(now).append('\t').append(now).append("\t0\n");
        }
        return sb.toString();
    }

    private String contacts(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            contactIds.add(id);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (first + "." + last.replace(" ", "") + "." + i + "@mail" + (i % 50) + ".example")
                    .toLowerCase();
            emails.add(email);
            String phone = "+2782" + String.format("%07d", i);
            Instant updated = now.minusSeconds(random.nextInt(365 * 86_400));
            Instant created = updated.minusSeconds(random.nextInt(365 * 86_400));
            String tags = random.nextInt(3) == 0 ? "{}" : "{" + TAGS[random.nextInt(TAGS.length)]
                    + (random.nextBoolean() ? "," + TAGS[random.nextInt(TAGS.length)] : "") + "}";
            if (tags.matches("\\{([^,]+),\\1}")) {
                tags = tags.substring(0, tags.indexOf(',')) + "}";
            }
            sb.append(id).append('\t').append(workspace).append('\t').append(first).append('\t').append(last)
                    .append('\t').append((first + " " + last).toLowerCase()).append('\t').append(last.toLowerCase())
                    .append("\t{").append(email).append("}\t{").append(phone).append("}\t")
                    .append(random.nextInt(10) < 7 ? companyIds.get(random.nextInt(COMPANIES)).toString() : "\\N")
                    .append('\t').append(STAGES[random.nextInt(STAGES.length)]).append("\towner").append(i % OWNERS)
                    .append('\t').append(tags).append('\t').append(random.nextBoolean()).append("\tfalse\tfalse\t{}\t")
                    .append(created).append('\t').append(updated).append("\t0\n");
        }
        return sb.toString();
    }

    private String deals(int count, UUID pipeline, List<UUID> stages, List<UUID> won, List<UUID> lost) {
        StringBuilder sb = new StringBuilder();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            String status = roll < 60 ? "open" : roll < 85 ? "won" : "lost";
            String amount = (100 + random.nextInt(99_900)) + "." + String.format("%02d", random.nextInt(100));
            Instant updated = now.minusSeconds(random.nextInt(365 * 86_400));
            sb.append(new UUID(random.nextLong(), random.nextLong())).append('\t').append(workspace)
                    .append("\tDeal ").append(i).append('\t').append(pipeline).append('\t')
                    .append(stages.get(random.nextInt(stages.size()))).append('\t').append(status).append('\t')
                    .append(amount).append('\t').append(random.nextInt(5) == 0 ? "USD" : "ZAR").append('\t')
                    .append(today.plusDays(random.nextInt(730) - 365)).append("\towner").append(i % OWNERS)
                    .append('\t').append(companyIds.get(random.nextInt(COMPANIES))).append("\t{")
                    .append(contactIds.get(random.nextInt(contactIds.size()))).append("}\tnone\t");
            if (status.equals("open")) {
                sb.append("\\N\t\\N\t");
            } else {
                List<UUID> reasons = status.equals("won") ? won : lost;
                sb.append(reasons.get(random.nextInt(reasons.size()))).append('\t').append(updated).append('\t');
            }
            sb.append(updated.minusSeconds(86_400L * random.nextInt(90))).append('\t').append(updated)
                    .append("\t0\n");
        }
        return sb.toString();
    }

    private static JsonNode get(HttpClient http, String url, String secretKey) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + secretKey).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }
}
