package dev.ignis.registry.concurrency;

import dev.ignis.registry.concurrency.ConcurrencyApi.AccountLimit;
import dev.ignis.registry.concurrency.ConcurrencyApi.AccountUsage;
import dev.ignis.registry.concurrency.ConcurrencyApi.GetAccountSettingsResponse;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.version.VersionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GetAccountSettings (2016-08-19): the account's limits and what its functions use of them. */
@RestController
@Tag(name = "Account")
class AccountSettingsController {

    /** AWS's default storage quota for function and layer packages: 75 GB. */
    static final long TOTAL_CODE_SIZE = 80_530_636_800L;

    private final ConcurrencyLedger ledger;
    private final FunctionService functions;
    private final VersionService versions;
    private final RegistryProperties properties;

    AccountSettingsController(
            ConcurrencyLedger ledger,
            FunctionService functions,
            VersionService versions,
            RegistryProperties properties) {
        this.ledger = ledger;
        this.functions = functions;
        this.versions = versions;
        this.properties = properties;
    }

    @Operation(summary = "GetAccountSettings")
    @GetMapping({"/2016-08-19/account-settings", "/2016-08-19/account-settings/"})
    GetAccountSettingsResponse get() {
        ConcurrencyBudget budget = ledger.read();
        FunctionService.Usage usage = functions.usage();
        return new GetAccountSettingsResponse(
                new AccountLimit(
                        TOTAL_CODE_SIZE,
                        properties.maxUnzippedCodeBytes(),
                        properties.maxZippedCodeBytes(),
                        budget.accountLimit(),
                        budget.unreserved()),
                new AccountUsage(usage.latestCodeSize() + versions.totalCodeSize(), usage.functionCount()));
    }
}
