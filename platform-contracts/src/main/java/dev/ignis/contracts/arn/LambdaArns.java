package dev.ignis.contracts.arn;

/** Formats the ARNs of the resources Ignis manages, in AWS's layout. */
public final class LambdaArns {

    private LambdaArns() {}

    public static String function(String region, String accountId, String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    public static String qualifiedFunction(String region, String accountId, String functionName, String qualifier) {
        return function(region, accountId, functionName) + ":" + qualifier;
    }

    public static String layer(String region, String accountId, String layerName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":layer:" + layerName;
    }

    public static String layerVersion(String region, String accountId, String layerName, long version) {
        return layer(region, accountId, layerName) + ":" + version;
    }

    public static String eventSourceMapping(String region, String accountId, String uuid) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
    }

    /** A rule on the default event bus (the only bus Ignis has): {@code arn:aws:events:…:rule/<name>}. */
    public static String eventRule(String region, String accountId, String ruleName) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + ruleName;
    }

    /** An EventBridge Scheduler schedule: {@code arn:aws:scheduler:…:schedule/<group>/<name>}. */
    public static String schedule(String region, String accountId, String groupName, String scheduleName) {
        return "arn:aws:scheduler:" + region + ":" + accountId + ":schedule/" + groupName + "/" + scheduleName;
    }
}
