package org.opencdp.dmp.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpPartnerUploadResult")
public record PartnerUploadResult(@Schema(example = "2") int received, @Schema(example = "1") int stored,
                                  @Schema(description = "Records stored under one of our anonymous ids (cookie and device ids, and partner ids already synced)",
                                          example = "1") int linked,
                                  List<CollectResult.Note> rejected) {}
