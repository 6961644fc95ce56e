package dev.ignis.invocation.environment;

import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.credentials.FunctionCredentials;
import dev.ignis.invocation.sandbox.SandboxPaths;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a function process: Lambda's defaults (which the function's own variables
 * may override), then the function's variables, then the reserved variables no one overrides.
 */
final class EnvironmentVariables {

    private EnvironmentVariables() {}

    record Context(
            String region,
            String runtimeApi,
            String logGroup,
            String logStream,
            boolean provisioned,
            FunctionCredentials credentials) {}

    static Map<String, String> of(
            FunctionSnapshot function,
            Map<String, String> functionVariables,
            Map<String, String> runtimeVariables,
            SandboxPaths paths,
            Context context) {
        Map<String, String> env = new HashMap<>();
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put(
                "LD_LIBRARY_PATH",
                String.join(
                        ":",
                        "/lib64",
                        "/usr/lib64",
                        paths.taskRoot(),
                        paths.taskRoot() + "/lib",
                        paths.opt() + "/lib"));
        env.putAll(runtimeVariables);
        env.putAll(functionVariables);
        env.put("_HANDLER", function.handler() == null ? "" : function.handler());
        env.put("AWS_REGION", context.region());
        env.put("AWS_DEFAULT_REGION", context.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", function.version());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", context.provisioned() ? "provisioned-concurrency" : "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", context.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", context.logStream());
        env.put("AWS_LAMBDA_RUNTIME_API", context.runtimeApi());
        env.put("AWS_ACCESS_KEY_ID", context.credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", context.credentials().secretAccessKey());
        env.put("AWS_SESSION_TOKEN", context.credentials().sessionToken());
        env.put("LAMBDA_TASK_ROOT", paths.taskRoot());
        env.put("LAMBDA_RUNTIME_DIR", paths.runtimeDir());
        if (!paths.tmp().equals("/tmp")) {
            env.put("TMPDIR", paths.tmp());
        }
        return env;
    }
}
