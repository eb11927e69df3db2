package org.opencdp.crm.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.ContractStatus;
import org.opencdp.crm.Deal;
import org.opencdp.crm.DealEvent;
import org.opencdp.crm.DealStatus;
import org.opencdp.crm.Pipeline;
import org.opencdp.crm.PipelineStage;
import org.opencdp.crm.api.DealEventView;
import org.opencdp.crm.api.DealInput;
import org.opencdp.crm.api.DealView;
import org.opencdp.crm.repository.CompanyRepository;
import org.opencdp.crm.repository.ContactRepository;
import org.opencdp.crm.repository.DealEventRepository;
import org.opencdp.crm.repository.DealRepository;
import org.opencdp.crm.repository.PipelineRepository;

/** Deals: create, read, patch (stage moves are recorded as stage history; contract changes too), delete, list. */
@ApplicationScoped
public class DealService {
    private final DealRepository deals;
    private final DealEventRepository events;
    private final PipelineRepository pipelines;
    private final PipelineService pipelineService;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final DealViews views;
    private final MergePatch patches;

    public DealService(DealRepository deals, DealEventRepository events, PipelineRepository pipelines,
                       PipelineService pipelineService, CompanyRepository companies, ContactRepository contacts,
                       DealViews views, MergePatch patches) {
        this.deals = deals;
        this.events = events;
        this.pipelines = pipelines;
        this.pipelineService = pipelineService;
        this.companies = companies;
        this.contacts = contacts;
        this.views = views;
        this.patches = patches;
    }

    @Transactional
    public DealView create(String workspaceId, DealInput in) {
        Deal d = new Deal();
        d.id = UUID.randomUUID();
        d.workspaceId = workspaceId;
        d.createdAt = Now.instant();
        d.updatedAt = d.createdAt;
        apply(d, in, true);
        deals.persist(d);
        event(d, "created", null, d.stageId, null);
        return views.of(d);
    }

    @Transactional
    public DealView get(String workspaceId, UUID id) {
        return views.of(load(workspaceId, id, OptionalLong.empty()));
    }

    @Transactional
    public DealView patch(String workspaceId, UUID id, ObjectNode patch, OptionalLong ifMatch) {
        Deal d = load(workspaceId, id, ifMatch);
        DealInput in = patches.apply(views.of(d).toInput(), patch, DealInput.class);
        apply(d, in, false);
        d.updatedAt = Now.instant();
        try {
            deals.flush();
        } catch (OptimisticLockException e) {
            throw Versions.staleWrite("deal");
        }
        return views.of(d);
    }

    @Transactional
    public void delete(String workspaceId, UUID id, OptionalLong ifMatch) {
        deals.delete(load(workspaceId, id, ifMatch));
    }

    @Transactional
    public List<DealView> list(String workspaceId, DealRepository.Filter filter, int page, int size) {
        return views.of(deals.page(workspaceId, filter, page, size));
    }

    @Transactional
    public List<DealEventView> history(String workspaceId, UUID id) {
        load(workspaceId, id, OptionalLong.empty());
        return events.forDeal(workspaceId, id).stream().map(DealEventView::of).toList();
    }

    Deal load(String workspaceId, UUID id, OptionalLong ifMatch) {
        Deal d = deals.findInWorkspace(workspaceId, id).orElseThrow(() -> ProblemException.notFound("Deal " + id));
        if (ifMatch.isPresent() && ifMatch.getAsLong() != d.version) {
            throw Versions.staleWrite("deal");
        }
        return d;
    }

    void event(Deal d, String type, UUID from, UUID to, String detail) {
        DealEvent e = new DealEvent();
        e.id = UUID.randomUUID();
        e.workspaceId = d.workspaceId;
        e.dealId = d.id;
        e.type = type;
        e.fromStageId = from;
        e.toStageId = to;
        e.detail = detail;
        e.occurredAt = Now.instant();
        events.persist(e);
    }

    private void apply(Deal d, DealInput in, boolean isNew) {
        List<Problem.Violation> violations = new ArrayList<>();
        String ws = d.workspaceId;
        Pipeline pipeline = in.pipelineId() == null ? pipelineService.defaultPipeline(ws)
                : pipelines.findInWorkspace(ws, in.pipelineId()).orElse(null);
        PipelineStage stage = null;
        if (pipeline == null) {
            violations.add(new Problem.Violation("pipelineId", "no such pipeline in this workspace"));
        } else if (in.stageId() == null) {
            boolean samePipeline = !isNew && pipeline.id.equals(d.pipelineId);
            stage = samePipeline ? pipeline.stage(d.stageId).orElse(null) : pipeline.stages.get(0);
        } else {
            stage = pipeline.stage(in.stageId()).orElse(null);
            if (stage == null) {
                violations.add(new Problem.Violation("stageId", "not a stage of pipeline " + pipeline.name));
            }
        }
        try {
            Currency.getInstance(in.currency());
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("currency", "not an ISO 4217 currency code"));
        }
        if (in.companyId() != null && companies.findInWorkspace(ws, in.companyId()).isEmpty()) {
            violations.add(new Problem.Violation("companyId", "no such company in this workspace"));
        }
        List<UUID> contactIds = in.contactIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(in.contactIds()));
        for (int i = 0; i < contactIds.size(); i++) {
            if (contacts.findInWorkspace(ws, contactIds.get(i)).isEmpty()) {
                violations.add(new Problem.Violation("contactIds[" + i + "]", "no such contact in this workspace"));
            }
        }
        if (in.contractStart() != null && in.contractEnd() != null && in.contractEnd().isBefore(in.contractStart())) {
            violations.add(new Problem.Violation("contractEnd", "must not be before contractStart"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, violations.stream().map(v -> v.field() + ": " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("Invalid deal"), violations);
        }
        if (!isNew && d.status != DealStatus.OPEN && !stage.id.equals(d.stageId)) {
            throw new ProblemException(409, "The deal is " + d.status.wire() + "; reopen it before moving it");
        }
        if (!isNew && !stage.id.equals(d.stageId)) {
            String from = pipelines.findInWorkspace(ws, d.pipelineId).flatMap(p -> p.stage(d.stageId))
                    .map(s -> s.name).orElse("?");
            event(d, "stage_changed", d.stageId, stage.id, from + " -> " + stage.name);
        }
        ContractStatus contract = in.contractStatus() == null ? ContractStatus.NONE : in.contractStatus();
        if (!isNew && (contract != d.contractStatus || !Objects.equals(in.contractStart(), d.contractStart)
                || !Objects.equals(in.contractEnd(), d.contractEnd))) {
            event(d, "contract", null, null, d.contractStatus.wire() + " -> " + contract.wire()
                    + (in.contractStart() == null ? "" : ", from " + in.contractStart())
                    + (in.contractEnd() == null ? "" : ", until " + in.contractEnd()));
        }
        d.title = in.title().strip();
        d.pipelineId = pipeline.id;
        d.stageId = stage.id;
        d.amount = in.amount();
        d.currency = in.currency();
        d.expectedCloseDate = in.expectedCloseDate();
        d.owner = ContactFields.trimToNull(in.owner());
        d.companyId = in.companyId();
        d.contactIds = contactIds.toArray(UUID[]::new);
        d.contractStatus = contract;
        d.contractStart = in.contractStart();
        d.contractEnd = in.contractEnd();
    }
}
