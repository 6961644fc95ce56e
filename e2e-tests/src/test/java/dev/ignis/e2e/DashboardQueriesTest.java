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
                .containsKeys("lambda_invocations_total", "lambda_duration_seconds_bucket", "jvm_memory_used_bytes");
    }
}
