package org.opencdp.launcher.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencdp.launcher.Credentials;

/** What {@code ./cdp demo} prints after loading: counts and the curl commands to look at a customer. */
final class DemoSummary {
    private DemoSummary() {}

    static void print(PrintStream out, DemoLoader.Report report, String gateway, Credentials credentials,
            Optional<Map<String, Object>> profile) {
        DemoEvents.Customer top = report.showcase();
        out.println();
        out.printf(Locale.ROOT, "Sent %d profiles (identify) and %d Order Completed events (%d messages in %d"
                + " /v1/batch requests).%n", report.customers().size(), report.orders(), report.messages(),
                report.requests());
        out.printf(Locale.ROOT, "Customer %s (%s) has the longest history: %d orders, GBP %s in total.%n",
                top.customerId(), top.country(), top.orders().size(), money(top.revenue()));
        profile.ifPresentOrElse(p -> {
            Object computed = p.get("computed");
            Map<?, ?> c = computed instanceof Map<?, ?> m ? m : Map.of();
            out.printf(Locale.ROOT, "Its profile %s: orderCount %s, revenue %s, lastOrderDate %s (computed by"
                    + " profile-service).%n", p.get("id"), c.get("orderCount"), c.get("revenue"), c.get("lastOrderDate"));
        }, () -> out.println("Its profile is not found yet (GET /api/profiles/lookup did not answer 200)."));
        out.println();
        out.println("Look at it:");
        out.println("  GW=" + gateway);
        out.println("  SK=" + credentials.secretKey());
        out.println("  curl -s \"$GW/api/profiles/lookup?type=userId&value=" + top.customerId()
                + "\" -H \"Authorization: Bearer $SK\"");
        out.println("  PROFILE=$(curl -s \"$GW/api/profiles/lookup?type=userId&value=" + top.customerId()
                + "\" -H \"Authorization: Bearer $SK\" | jq -r .id)");
        out.println("  curl -s \"$GW/api/profiles/$PROFILE/events\" -H \"Authorization: Bearer $SK\"");
        out.println();
        out.println("Running ./cdp demo again within 7 days changes nothing: the messageIds come from the data and the"
                + " tracking API drops repeated ones.");
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
