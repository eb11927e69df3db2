package org.opencdp.crm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.common.problem.Problem;

@Schema(name = "ImportReport", description = "What became of each row of a CSV import")
public record ImportReport(long created, long updated, long duplicate, long invalid, List<Row> rows) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportRow")
    public record Row(@Schema(description = "Line number in the file (the header is line 1)", example = "2") int line,
                      @Schema(enumeration = {"created", "updated", "duplicate", "invalid"}) String status,
                      UUID contactId,
                      @Schema(description = "duplicate: the earlier line with the same e-mail or phone")
                      Integer duplicateOf,
                      @Schema(example = "phones[0]: not a valid phone number") String reason,
                      List<Problem.Violation> violations) {}
}
