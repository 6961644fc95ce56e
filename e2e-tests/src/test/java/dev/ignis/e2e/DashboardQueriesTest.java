package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNothingElse() {
        assertThat(DashboardQueries.metricNames(
                        "histogram_quantile(0.99, sum by (function, le) (rate(lambda_duration_seconds_bucket"
                                + "{function=\"$function\", version=~\"$version\"}[$__rate_interval])))"))
                .containsExactly("lambda_duration_seconds_bucket");
        assertThat(
                        DashboardQueries.metricNames(
                                "sum(rate(lambda_errors_total[5m])) / clamp_min(sum(rate(lambda_invocations_total[5m])), 1e-9)"))
                .containsExactly("lambda_errors_total", "lambda_invocations_total");
        assertThat(DashboardQueries.metricNames("max by (version) (lambda_provisioned_concurrency_utilization)"))
                .containsExactly("lambda_provisioned_concurrency_utilization");
        assertThat(DashboardQueries.metricNames(
                        "sum by (outcome) (rate(ignis_eventsource_records_total{mapping=~\"$m\"}"
                                + "[$__rate_interval]) and on (mapping) lambda_iterator_age_seconds)"))
                .containsExactly("ignis_eventsource_records_total", "lambda_iterator_age_seconds");
        assertThat(
                        DashboardQueries.metricNames(
                                "max by (mapping) (ignis_eventsource_offset_lag unless on (mapping) lambda_iterator_age_seconds)"))
                .containsExactly("ignis_eventsource_offset_lag", "lambda_iterator_age_seconds");
    }

    @Test
    void readsSeriesNamesFromPrometheusText() {
        assertThat(
                        DashboardQueries.exposed(
                                """
                        # HELP jvm_threads_live_threads x
                        # TYPE jvm_threads_live_threads gauge
                        jvm_threads_live_threads{application="a"} 12.0
                        process_uptime_seconds 3.0
                        """))
                .containsExactly("jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void everyDashboardQueriesSomething() throws Exception {
        assertThat(DashboardQueries.metricsByPanel())
                .containsKeys(
                        "lambda_invocations_total",
                        "lambda_duration_seconds_bucket",
                        "jvm_memory_used_bytes",
                        "ignis_eventsource_records_total",
                        "ignis_eventsource_batches_total",
                        "ignis_eventsource_offset_lag",
                        "lambda_iterator_age_seconds",
                        "ignis_schedule_fires_total",
                        "ignis_schedule_lateness_seconds",
                        "ignis_schedule_targets_total",
                        "ignis_schedule_skipped_total",
                        "ignis_schedule_failures_total");
    }
}
