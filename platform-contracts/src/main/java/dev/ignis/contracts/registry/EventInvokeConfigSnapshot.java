package dev.ignis.contracts.registry;

import java.time.Instant;

/**
 * How asynchronous invocations of one function version or alias are retried and where their
 * results go (PutFunctionEventInvokeConfig). Key: the function ARN (unqualified for
 * {@code $LATEST}, else qualified by the version or alias it was put on) +
 * {@code #event-invoke-config}; a tombstone removes it, and AWS's defaults apply again.
 *
 * @param functionArn the ARN the settings apply to: unqualified for {@code $LATEST}, else qualified
 * @param qualifier {@code $LATEST}, a version number or an alias name
 * @param maximumRetryAttempts 0–2 retries after a function error; null means the default, 2
 * @param maximumEventAgeInSeconds 60–21,600; null means the default, 21,600 (six hours)
 * @param onSuccessDestination an SQS, SNS, EventBridge or Lambda ARN; null when none
 * @param onFailureDestination an SQS, SNS, EventBridge or Lambda ARN; null when none
 * @param lastModified when the settings last changed
 */
public record EventInvokeConfigSnapshot(
        String functionArn,
        String qualifier,
        Integer maximumRetryAttempts,
        Integer maximumEventAgeInSeconds,
        String onSuccessDestination,
        String onFailureDestination,
        Instant lastModified) {}
