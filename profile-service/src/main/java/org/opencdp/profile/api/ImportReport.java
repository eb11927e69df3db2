package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did with each row. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(example = "partner-acme") String source,
        @Schema(description = "Rows read (the CSV header not counted)", example = "3") int rows,
        @Schema(description = "Rows that made a new profile", example = "1") int created,
        @Schema(description = "Rows linked to an existing profile through a shared identifier", example = "1")
        int linked,
        @Schema(description = "Rows of a previous import of this source whose data changed", example = "0") int updated,
        @Schema(description = "Rows already imported with the same data: nothing changed", example = "0")
        int unchanged,
        @Schema(description = "Rows not imported (see their reason)", example = "1") int invalid,
        @Schema(description = "One entry per row, in file order") List<Row> results) {

    public enum Status {
        @JsonProperty("created") CREATED,
        @JsonProperty("linked") LINKED,
        @JsonProperty("updated") UPDATED,
        @JsonProperty("unchanged") UNCHANGED,
        @JsonProperty("invalid") INVALID
    }

    @Schema(name = "ImportRowResult")
    public record Row(
            @Schema(description = "1-based position in the file (CSV: the header is row 1; NDJSON: the line number)",
                    example = "2") int row,
            @Schema(example = "linked") Status status,
            @Schema(description = "The record id of the row: <identifier type>:<hash of its value>, or the recordId "
                    + "column", example = "email:9f86d081884c7d659a2feaa0c55ad015") String recordId,
            @Schema(example = "p3f2a9c1d0e4b5a6c7d8e9f0a") String profileId,
            @Schema(description = "Why the row was not imported, or what was not linked",
                    example = "no identifier column has a value") String reason) {}

    public static ImportReport of(String source, List<Row> results) {
        int[] counts = new int[Status.values().length];
        results.forEach(r -> counts[r.status().ordinal()]++);
        return new ImportReport(source, results.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
                results);
    }
}
