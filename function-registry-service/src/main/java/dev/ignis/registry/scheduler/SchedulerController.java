package dev.ignis.registry.scheduler;

import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.registry.api.TokenPages;
import dev.ignis.registry.scheduler.SchedulerApi.ListSchedulesResponse;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleArnResponse;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The EventBridge Scheduler API subset for Lambda schedules: REST-JSON under {@code /schedules}, as
 * the AWS CLI and SDKs send it (the gateway routes such requests here). Thin: each operation reads
 * its request, calls {@link ScheduleService} and writes AWS's answer.
 */
@RestController
@Tag(name = "EventBridge Scheduler")
class SchedulerController {

    private static final TokenPages.Refusals REFUSALS = new TokenPages.Refusals(
            v -> SchedulerApiException.violations(java.util.List.of(v)), SchedulerApiException::validation);

    private final ScheduleService schedules;
    private final SchedulerJson json;

    SchedulerController(ScheduleService schedules, SchedulerJson json) {
        this.schedules = schedules;
        this.json = json;
    }

    @Operation(summary = "Scheduler: CreateSchedule")
    @PostMapping("/schedules/{name}")
    ResponseEntity<byte[]> create(@PathVariable String name, @RequestBody(required = false) byte[] body) {
        return ok(new ScheduleArnResponse(schedules.create(name, json.read(body, ScheduleRequest.class))));
    }

    @Operation(summary = "Scheduler: UpdateSchedule")
    @PutMapping("/schedules/{name}")
    ResponseEntity<byte[]> update(@PathVariable String name, @RequestBody(required = false) byte[] body) {
        return ok(new ScheduleArnResponse(schedules.update(name, json.read(body, ScheduleRequest.class))));
    }

    @Operation(summary = "Scheduler: GetSchedule")
    @GetMapping("/schedules/{name}")
    ResponseEntity<byte[]> get(@PathVariable String name, @RequestParam(required = false) String groupName) {
        return ok(SchedulerMapping.get(schedules.get(name, groupName)));
    }

    @Operation(summary = "Scheduler: DeleteSchedule")
    @DeleteMapping("/schedules/{name}")
    ResponseEntity<byte[]> delete(@PathVariable String name, @RequestParam(required = false) String groupName) {
        schedules.delete(name, groupName);
        return ok(Map.of());
    }

    @Operation(summary = "Scheduler: ListSchedules")
    @GetMapping("/schedules")
    ResponseEntity<byte[]> list(
            @RequestParam(name = "NamePrefix", required = false) String namePrefix,
            @RequestParam(name = "State", required = false) String state,
            @RequestParam(name = "ScheduleGroup", required = false) String group,
            @RequestParam(name = "MaxResults", required = false) Integer maxResults,
            @RequestParam(name = "NextToken", required = false) String nextToken) {
        ScheduleRules.checkState(state);
        TokenPages.Page<ScheduleSnapshot> page = TokenPages.of(
                schedules.list(namePrefix, state, group),
                nextToken,
                maxResults,
                "maxResults",
                "Invalid NextToken.",
                REFUSALS);
        return ok(new ListSchedulesResponse(
                page.items().stream().map(SchedulerMapping::summary).toList(), page.nextToken()));
    }

    private ResponseEntity<byte[]> ok(Object answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(answer));
    }
}
