package org.opencdp.profile.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceRecordResult")
public record SourceRecordResult(
        @Schema(description = "The profile the record belongs to (null when the record was deleted)",
                example = "p3f2a9c1d0e4b5a6c7d8e9f0a") String profileId,
        @Schema(description = "false: the sequence was not above the last applied one, or the Idempotency-Key was "
                + "already seen; nothing changed") boolean applied) {}
