import type {SpecialistId, Symptom} from '../../../../incident/vocabulary.js'

/**
 * The curated PromQL queries asked of a live Prometheus, one entry per question, written against
 * well-known metric names: the Prometheus client libraries' HTTP instrumentation, Spring Boot
 * (Micrometer), OpenTelemetry's HTTP semantic conventions, cAdvisor, kube-state-metrics, node
 * exporter, postgres_exporter, kafka_exporter and RabbitMQ's built-in exporter.
 *
 * An entry is asked when the incident's symptoms call for it (no symptoms: always) and Prometheus
 * has every metric it reads; an answer without series is dropped. Its series are named
 * `<series>{labels}`, and the name tells the analysis the unit (`_seconds`, `_ratio`,
 * `_utilization`: a share of a limit, checked for saturation).
 *
 * Every entry carries its own example: samples shaped as the exporter exposes them, with the
 * per-second rate of each counter or the level of each gauge, and the values the query returns on
 * them. A test loads every example into a real Prometheus and runs every query against it.
 */
export interface PrometheusQuery {
  id: string
  description: string
  series: string
  /** Empty: asked whatever the symptoms. */
  symptoms: readonly Symptom[]
  specialist: SpecialistId
  /** Every metric name the expression reads. */
  metrics: readonly string[]
  expr: string
  examples: {
    exposes: ReadonlyArray<{sample: string; perSecond?: number; value?: number}>
    returns: {min: number; max: number}
    /** Metric names of a target that lacks one the query reads: it is not asked there. */
    skippedOn: readonly string[]
  }
}

const ERRORS_AND_OUTAGES: readonly Symptom[] = ['high-error-rate', 'service-unavailable', 'infrastructure-issues']

export const PROMETHEUS_QUERIES: readonly PrometheusQuery[] = [
  {
    id: 'http-request-rate',
    description: 'Requests per second per job (Prometheus client libraries: http_requests_total)',
    series: 'http_requests_rate',
    symptoms: [],
    specialist: 'performance',
    metrics: ['http_requests_total'],
    expr: 'sum by (job) (rate(http_requests_total[5m]))',
    examples: {
      exposes: [
        {sample: 'http_requests_total{job="checkout-api",instance="10.1.0.7:8080",method="POST",handler="/api/orders",code="200"}', perSecond: 40},
        {sample: 'http_requests_total{job="checkout-api",instance="10.1.0.7:8080",method="POST",handler="/api/orders",code="500"}', perSecond: 2},
      ],
      returns: {min: 41.5, max: 42.5},
      skippedOn: ['http_server_requests_seconds_count', 'process_cpu_seconds_total'],
    },
  },
  {
    id: 'http-error-ratio',
    description: 'Share of requests answered 5xx per job; 0 while there are none, so the step up shows',
    series: 'http_requests_5xx_ratio',
    symptoms: [],
    specialist: 'backend-reliability',
    metrics: ['http_requests_total'],
    expr:
      '(sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) or sum by (job) (rate(http_requests_total[5m])) * 0)' +
      ' / sum by (job) (rate(http_requests_total[5m]))',
    examples: {
      exposes: [
        {sample: 'http_requests_total{job="checkout-api",instance="10.1.0.7:8080",method="POST",handler="/api/orders",code="200"}', perSecond: 38},
        {sample: 'http_requests_total{job="checkout-api",instance="10.1.0.7:8080",method="POST",handler="/api/orders",code="503"}', perSecond: 2},
      ],
      returns: {min: 0.049, max: 0.051},
      skippedOn: ['http_request_duration_seconds_bucket', 'up'],
    },
  },
  {
    id: 'http-p99-latency',
    description: '99th percentile request duration per job (http_request_duration_seconds histogram)',
    series: 'http_request_duration_p99_seconds',
    symptoms: [],
    specialist: 'performance',
    metrics: ['http_request_duration_seconds_bucket'],
    expr: 'histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))',
    examples: {
      exposes: histogram('http_request_duration_seconds_bucket{job="checkout-api",handler="/api/orders"', [
        ['0.1', 50],
        ['0.25', 90],
        ['0.5', 99],
        ['1', 100],
        ['+Inf', 100],
      ]),
      returns: {min: 0.45, max: 0.55},
      skippedOn: ['http_requests_total', 'http_request_duration_seconds_sum'],
    },
  },
  {
    id: 'spring-http-error-ratio',
    description: 'Share of requests answered 5xx per job (Spring Boot / Micrometer: http_server_requests_seconds)',
    series: 'http_server_requests_5xx_ratio',
    symptoms: [],
    specialist: 'backend-reliability',
    metrics: ['http_server_requests_seconds_count'],
    expr:
      '(sum by (job) (rate(http_server_requests_seconds_count{status=~"5.."}[5m])) or sum by (job) (rate(http_server_requests_seconds_count[5m])) * 0)' +
      ' / sum by (job) (rate(http_server_requests_seconds_count[5m]))',
    examples: {
      exposes: [
        {sample: 'http_server_requests_seconds_count{job="orders",exception="None",method="GET",outcome="SUCCESS",status="200",uri="/orders/{id}"}', perSecond: 9},
        {sample: 'http_server_requests_seconds_count{job="orders",exception="DataAccessResourceFailureException",method="GET",outcome="SERVER_ERROR",status="500",uri="/orders/{id}"}', perSecond: 1},
      ],
      returns: {min: 0.099, max: 0.101},
      skippedOn: ['http_requests_total', 'jvm_memory_used_bytes'],
    },
  },
  {
    id: 'spring-http-p99-latency',
    description: '99th percentile request duration per job (Micrometer histogram buckets)',
    series: 'http_server_requests_p99_seconds',
    symptoms: [],
    specialist: 'performance',
    metrics: ['http_server_requests_seconds_bucket'],
    expr: 'histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket[5m])))',
    examples: {
      exposes: histogram('http_server_requests_seconds_bucket{job="orders",method="GET",status="200",uri="/orders/{id}"', [
        ['0.05', 80],
        ['0.1', 95],
        ['0.2', 100],
        ['+Inf', 100],
      ]),
      returns: {min: 0.17, max: 0.19},
      skippedOn: ['http_server_requests_seconds_count', 'http_server_requests_seconds_max'],
    },
  },
  {
    id: 'otel-http-error-ratio',
    description: 'Share of requests answered 5xx per job (OpenTelemetry http.server.request.duration)',
    series: 'http_server_5xx_ratio',
    symptoms: [],
    specialist: 'backend-reliability',
    metrics: ['http_server_request_duration_seconds_count'],
    expr:
      '(sum by (job) (rate(http_server_request_duration_seconds_count{http_response_status_code=~"5.."}[5m])) or sum by (job) (rate(http_server_request_duration_seconds_count[5m])) * 0)' +
      ' / sum by (job) (rate(http_server_request_duration_seconds_count[5m]))',
    examples: {
      exposes: [
        {sample: 'http_server_request_duration_seconds_count{job="cart",http_request_method="POST",http_route="/cart/items",http_response_status_code="201"}', perSecond: 15},
        {sample: 'http_server_request_duration_seconds_count{job="cart",http_request_method="POST",http_route="/cart/items",http_response_status_code="502"}', perSecond: 5},
      ],
      returns: {min: 0.249, max: 0.251},
      skippedOn: ['http_requests_total', 'http_client_request_duration_seconds_count'],
    },
  },
  {
    id: 'otel-http-p99-latency',
    description: '99th percentile request duration per job (OpenTelemetry histogram buckets)',
    series: 'http_server_request_duration_p99_seconds',
    symptoms: [],
    specialist: 'performance',
    metrics: ['http_server_request_duration_seconds_bucket'],
    expr: 'histogram_quantile(0.99, sum by (job, le) (rate(http_server_request_duration_seconds_bucket[5m])))',
    examples: {
      exposes: histogram('http_server_request_duration_seconds_bucket{job="cart",http_request_method="POST",http_route="/cart/items"', [
        ['0.25', 10],
        ['0.5', 18],
        ['1', 19.8],
        ['2.5', 20],
        ['+Inf', 20],
      ]),
      returns: {min: 0.95, max: 1.05},
      skippedOn: ['http_server_request_duration_seconds_count', 'http_request_duration_seconds_bucket'],
    },
  },
  {
    id: 'http-denied-ratio',
    description: 'Share of requests refused 401/403 per job: credential stuffing, expired tokens',
    series: 'http_requests_401_403_ratio',
    symptoms: ['security-incident'],
    specialist: 'security',
    metrics: ['http_requests_total'],
    expr:
      '(sum by (job) (rate(http_requests_total{code=~"401|403"}[5m])) or sum by (job) (rate(http_requests_total[5m])) * 0)' +
      ' / sum by (job) (rate(http_requests_total[5m]))',
    examples: {
      exposes: [
        {sample: 'http_requests_total{job="auth",method="POST",handler="/login",code="200"}', perSecond: 6},
        {sample: 'http_requests_total{job="auth",method="POST",handler="/login",code="401"}', perSecond: 14},
      ],
      returns: {min: 0.69, max: 0.71},
      skippedOn: ['http_server_requests_seconds_count', 'node_cpu_seconds_total'],
    },
  },
  {
    id: 'target-up',
    description: 'Scrape targets answering per job (1) or not (0): a service down or its pods gone',
    series: 'up',
    symptoms: ['service-unavailable', 'high-error-rate', 'infrastructure-issues'],
    specialist: 'infrastructure',
    metrics: ['up'],
    expr: 'min by (job) (up)',
    examples: {
      exposes: [
        {sample: 'up{job="inventory",instance="10.1.2.3:9100"}', value: 1},
        {sample: 'up{job="inventory",instance="10.1.2.4:9100"}', value: 0},
      ],
      returns: {min: 0, max: 0},
      skippedOn: ['http_requests_total'],
    },
  },
  {
    id: 'pod-restarts',
    description: 'Container restarts per pod in the last 5 minutes (kube-state-metrics)',
    series: 'kube_pod_container_restarts',
    symptoms: [],
    specialist: 'infrastructure',
    metrics: ['kube_pod_container_status_restarts_total'],
    expr: 'sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[5m]))',
    examples: {
      exposes: [{sample: 'kube_pod_container_status_restarts_total{namespace="shop",pod="checkout-7d9f8-x2x9z",container="app",uid="5f0c"}', perSecond: 0.01}],
      returns: {min: 2.5, max: 3.5},
      skippedOn: ['kube_pod_info', 'container_memory_working_set_bytes'],
    },
  },
  {
    id: 'oom-killed',
    description: 'Containers whose last termination was OOMKilled (kube-state-metrics)',
    series: 'kube_pod_container_last_terminated_oomkilled',
    symptoms: ERRORS_AND_OUTAGES,
    specialist: 'infrastructure',
    metrics: ['kube_pod_container_status_last_terminated_reason'],
    expr: 'sum by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{reason="OOMKilled"})',
    examples: {
      exposes: [
        {sample: 'kube_pod_container_status_last_terminated_reason{namespace="shop",pod="catalog-5c6d-8mq2l",container="app",reason="OOMKilled"}', value: 1},
        {sample: 'kube_pod_container_status_last_terminated_reason{namespace="shop",pod="catalog-5c6d-jq7rk",container="app",reason="Error"}', value: 1},
      ],
      returns: {min: 1, max: 1},
      skippedOn: ['kube_pod_container_status_restarts_total'],
    },
  },
  {
    id: 'container-memory-utilization',
    description: 'Container working set as a share of its memory limit (cAdvisor over kube-state-metrics)',
    series: 'container_memory_utilization',
    symptoms: [...ERRORS_AND_OUTAGES, 'slow-performance'],
    specialist: 'infrastructure',
    metrics: ['container_memory_working_set_bytes', 'kube_pod_container_resource_limits'],
    expr:
      'max by (namespace, pod, container) (container_memory_working_set_bytes{container!=""})' +
      ' / max by (namespace, pod, container) (kube_pod_container_resource_limits{resource="memory"})',
    examples: {
      exposes: [
        {sample: 'container_memory_working_set_bytes{namespace="shop",pod="catalog-5c6d-8mq2l",container="app",id="/kubepods/burstable/pod1/abc",image="registry.example.com/catalog:4.2.0"}', value: 966367641.6},
        {sample: 'container_memory_working_set_bytes{namespace="shop",pod="catalog-5c6d-8mq2l",container="",id="/kubepods/burstable/pod1"}', value: 999999999},
        {sample: 'kube_pod_container_resource_limits{namespace="shop",pod="catalog-5c6d-8mq2l",container="app",resource="memory",unit="byte",node="node-a"}', value: 1073741824},
      ],
      returns: {min: 0.89, max: 0.91},
      skippedOn: ['container_memory_working_set_bytes', 'kube_pod_container_resource_requests'],
    },
  },
  {
    id: 'container-cpu-throttling',
    description: 'Share of CPU periods in which a container was throttled (cAdvisor CFS counters)',
    series: 'container_cpu_throttled_ratio',
    symptoms: ['slow-performance', 'infrastructure-issues', 'service-unavailable'],
    specialist: 'performance',
    metrics: ['container_cpu_cfs_throttled_periods_total', 'container_cpu_cfs_periods_total'],
    expr:
      'sum by (namespace, pod, container) (rate(container_cpu_cfs_throttled_periods_total{container!=""}[5m]))' +
      ' / sum by (namespace, pod, container) (rate(container_cpu_cfs_periods_total{container!=""}[5m]))',
    examples: {
      exposes: [
        {sample: 'container_cpu_cfs_periods_total{namespace="shop",pod="search-6b7c-4kdl2",container="app",image="registry.example.com/search:2.0.1"}', perSecond: 10},
        {sample: 'container_cpu_cfs_throttled_periods_total{namespace="shop",pod="search-6b7c-4kdl2",container="app",image="registry.example.com/search:2.0.1"}', perSecond: 6},
      ],
      returns: {min: 0.59, max: 0.61},
      skippedOn: ['container_cpu_usage_seconds_total', 'container_cpu_cfs_periods_total'],
    },
  },
  {
    id: 'node-cpu-utilization',
    description: 'Busy share of each node’s CPUs (node exporter)',
    series: 'node_cpu_utilization',
    symptoms: ['slow-performance', 'infrastructure-issues'],
    specialist: 'infrastructure',
    metrics: ['node_cpu_seconds_total'],
    expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
    examples: {
      exposes: [
        {sample: 'node_cpu_seconds_total{instance="node-a:9100",job="node",cpu="0",mode="idle"}', perSecond: 0.2},
        {sample: 'node_cpu_seconds_total{instance="node-a:9100",job="node",cpu="1",mode="idle"}', perSecond: 0.3},
        {sample: 'node_cpu_seconds_total{instance="node-a:9100",job="node",cpu="0",mode="user"}', perSecond: 0.7},
      ],
      returns: {min: 0.74, max: 0.76},
      skippedOn: ['node_memory_MemTotal_bytes'],
    },
  },
  {
    id: 'node-memory-utilization',
    description: 'Memory in use on each node, as a share of its total (node exporter)',
    series: 'node_memory_utilization',
    symptoms: ['slow-performance', 'infrastructure-issues'],
    specialist: 'infrastructure',
    metrics: ['node_memory_MemAvailable_bytes', 'node_memory_MemTotal_bytes'],
    expr: '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
    examples: {
      exposes: [
        {sample: 'node_memory_MemAvailable_bytes{instance="node-a:9100",job="node"}', value: 2147483648},
        {sample: 'node_memory_MemTotal_bytes{instance="node-a:9100",job="node"}', value: 8589934592},
      ],
      returns: {min: 0.74, max: 0.76},
      skippedOn: ['node_memory_MemTotal_bytes', 'node_memory_MemFree_bytes'],
    },
  },
  {
    id: 'node-filesystem-utilization',
    description: 'Used share of each node filesystem, pseudo filesystems left out (node exporter)',
    series: 'node_filesystem_utilization',
    symptoms: ['infrastructure-issues', 'database-issues', 'data-corruption'],
    specialist: 'infrastructure',
    metrics: ['node_filesystem_avail_bytes', 'node_filesystem_size_bytes'],
    expr:
      '1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|nsfs"}' +
      ' / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|nsfs"}',
    examples: {
      exposes: [
        {sample: 'node_filesystem_avail_bytes{instance="node-a:9100",job="node",device="/dev/nvme0n1p1",fstype="ext4",mountpoint="/var/lib/postgresql"}', value: 5e9},
        {sample: 'node_filesystem_size_bytes{instance="node-a:9100",job="node",device="/dev/nvme0n1p1",fstype="ext4",mountpoint="/var/lib/postgresql"}', value: 100e9},
        {sample: 'node_filesystem_avail_bytes{instance="node-a:9100",job="node",device="tmpfs",fstype="tmpfs",mountpoint="/run"}', value: 0},
        {sample: 'node_filesystem_size_bytes{instance="node-a:9100",job="node",device="tmpfs",fstype="tmpfs",mountpoint="/run"}', value: 1e9},
      ],
      returns: {min: 0.94, max: 0.96},
      skippedOn: ['node_filesystem_size_bytes', 'node_filesystem_free_bytes'],
    },
  },
  {
    id: 'postgres-connections-utilization',
    description: 'Connections in use as a share of max_connections per PostgreSQL server (postgres_exporter)',
    series: 'postgres_connections_utilization',
    symptoms: ['database-issues', 'slow-performance', 'high-error-rate', 'service-unavailable'],
    specialist: 'database',
    metrics: ['pg_stat_activity_count', 'pg_settings_max_connections'],
    expr: 'sum by (instance) (pg_stat_activity_count) / max by (instance) (pg_settings_max_connections)',
    examples: {
      exposes: [
        {sample: 'pg_stat_activity_count{instance="orders-db:9187",job="postgres",datname="orders",state="active"}', value: 80},
        {sample: 'pg_stat_activity_count{instance="orders-db:9187",job="postgres",datname="orders",state="idle"}', value: 15},
        {sample: 'pg_settings_max_connections{instance="orders-db:9187",job="postgres",server="orders-db:5432"}', value: 100},
      ],
      returns: {min: 0.949, max: 0.951},
      skippedOn: ['pg_stat_activity_count', 'pg_up'],
    },
  },
  {
    id: 'postgres-deadlocks',
    description: 'Deadlocks per second per database (postgres_exporter)',
    series: 'postgres_deadlocks_rate',
    symptoms: ['database-issues', 'data-corruption', 'high-error-rate'],
    specialist: 'database',
    metrics: ['pg_stat_database_deadlocks'],
    expr: 'sum by (instance, datname) (rate(pg_stat_database_deadlocks[5m]))',
    examples: {
      exposes: [{sample: 'pg_stat_database_deadlocks{instance="orders-db:9187",job="postgres",datid="16384",datname="orders"}', perSecond: 0.5}],
      returns: {min: 0.49, max: 0.51},
      skippedOn: ['pg_stat_database_xact_commit', 'pg_up'],
    },
  },
  {
    id: 'kafka-consumer-lag',
    description: 'Messages a consumer group is behind, per topic (kafka_exporter)',
    series: 'kafka_consumergroup_lag',
    symptoms: ['slow-performance', 'data-corruption', 'high-error-rate'],
    specialist: 'performance',
    metrics: ['kafka_consumergroup_lag'],
    expr: 'sum by (consumergroup, topic) (kafka_consumergroup_lag)',
    examples: {
      exposes: [
        {sample: 'kafka_consumergroup_lag{consumergroup="order-events",partition="0",topic="orders"}', value: 500},
        {sample: 'kafka_consumergroup_lag{consumergroup="order-events",partition="1",topic="orders"}', value: 700},
      ],
      returns: {min: 1200, max: 1200},
      skippedOn: ['kafka_topic_partitions', 'kafka_brokers'],
    },
  },
  {
    id: 'rabbitmq-queue-ready',
    description: 'Messages waiting for a consumer, per queue (RabbitMQ’s Prometheus plugin)',
    series: 'rabbitmq_queue_messages_ready',
    symptoms: ['slow-performance', 'data-corruption', 'high-error-rate'],
    specialist: 'performance',
    metrics: ['rabbitmq_queue_messages_ready'],
    expr: 'sum by (queue) (rabbitmq_queue_messages_ready)',
    examples: {
      exposes: [{sample: 'rabbitmq_queue_messages_ready{queue="payments",vhost="/"}', value: 300}],
      returns: {min: 300, max: 300},
      skippedOn: ['rabbitmq_queue_messages_unacked', 'rabbitmq_connections'],
    },
  },
]

/** Cumulative histogram buckets of `prefix` (a sample name with its labels, the brace left open). */
function histogram(prefix: string, buckets: Array<[le: string, perSecond: number]>): Array<{sample: string; perSecond: number}> {
  return buckets.map(([le, perSecond]) => ({sample: `${prefix},le="${le}"}`, perSecond}))
}
