package org.opencdp.profile;

import java.util.List;

/** What {@code ProfileIngestion.ingest} did with each observation, in input order. */
public record IngestResult(List<Outcome> outcomes) {

    public enum Status {
        /** Applied to a profile (and its event stored). */
        STORED,
        /** Its messageId was already received within the de-duplication window: nothing changed. */
        DUPLICATE,
        /** No usable identifier after normalisation and blocked values: nothing stored. */
        NO_IDENTIFIER
    }

    /**
     * @param profileId the profile it now belongs to (the surviving one after a merge), null unless STORED
     * @param notes refused merges or identifiers not linked, with the reason (empty when none)
     */
    public record Outcome(int index, Status status, String profileId, List<String> notes) {}

    public long stored() {
        return outcomes.stream().filter(o -> o.status() == Status.STORED).count();
    }
}
