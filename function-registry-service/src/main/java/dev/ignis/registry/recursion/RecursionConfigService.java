package dev.ignis.registry.recursion;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Get/PutFunctionRecursionConfig: whether a function may run in a recursive loop. Kept per
 * function (AWS keeps it on the unqualified function, for every version); the registry stores and
 * returns it, nothing on Ignis detects loops yet (see the README).
 */
@Service
class RecursionConfigService {

    static final String TERMINATE = "Terminate";
    private static final List<String> VALUES = List.of(TERMINATE, "Allow");
    private static final String UNQUALIFIED_NAME =
            "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)";

    private final RecursionConfigRepository configs;
    private final FunctionService functions;

    RecursionConfigService(RecursionConfigRepository configs, FunctionService functions) {
        this.configs = configs;
        this.functions = functions;
    }

    @Transactional(readOnly = true)
    String get(String functionName) {
        String name = existing(functionName);
        return configs.findById(name).map(c -> c.recursiveLoop).orElse(TERMINATE);
    }

    @Transactional
    String put(String functionName, String recursiveLoop) {
        if (recursiveLoop == null) {
            throw LambdaApiException.validation(null, "recursiveLoop", "Member must not be null");
        }
        if (!VALUES.contains(recursiveLoop)) {
            throw LambdaApiException.validation(
                    recursiveLoop, "recursiveLoop", "Member must satisfy enum value set: [Terminate, Allow]");
        }
        String name = existing(functionName);
        RecursionConfigEntity config = configs.findById(name).orElseGet(RecursionConfigEntity::new);
        config.functionName = name;
        config.recursiveLoop = recursiveLoop;
        configs.save(config);
        return recursiveLoop;
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        configs.deleteById(deleted.functionName());
    }

    /** The function's name, after AWS's model check (no qualifier) and the check that it exists. */
    private String existing(String functionName) {
        FunctionRef ref = FunctionRef.parse(functionName);
        if (ref.qualifier().isPresent()) {
            throw LambdaApiException.validation(
                    functionName,
                    "functionName",
                    "Member must satisfy regular expression pattern: " + UNQUALIFIED_NAME);
        }
        return functions.latest(ref.functionName()).functionName();
    }
}
