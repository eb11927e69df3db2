package org.opencdp.crm.repository;

import java.time.Instant;
import java.util.UUID;
import org.opencdp.crm.LifecycleStage;

/** The filters of the contact list; null means "any". Values are already normalised. */
public record ContactFilter(String namePrefix, String email, String phone, UUID companyId, LifecycleStage stage,
                            String owner, String tag, Instant updatedSince) {}
