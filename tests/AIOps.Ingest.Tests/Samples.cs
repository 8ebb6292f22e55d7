namespace AIOps.Ingest.Tests;

/// <summary>Payloads shaped exactly as the real producers write them.</summary>
internal static class Samples
{
    // Telegraf's influx serializer: sorted tags, integer fields with 'i', one metric per line, ns timestamps.
    public const string TelegrafInflux =
        "cpu,cpu=cpu-total,host=web-01 usage_guest=0,usage_idle=97.46835443037975,usage_iowait=0.25316455696202533,usage_system=0.7594936708860759,usage_user=1.518987341772152 1795795200000000000\n" +
        "mem,host=web-01 active=3254853632i,available=6190448640i,available_percent=72.0573,buffered=212992000i,used=2017615872i,used_percent=23.49 1795795200000000000\n" +
        "system,host=web-01 load1=0.42,load15=0.3,load5=0.35,n_cpus=4i,n_users=1i 1795795200000000000\n" +
        "system,host=web-01 uptime_format=\"12 days,  3:04\" 1795795200000000000\n" +
        "net,host=web-01,interface=eth0 bytes_recv=1288370419i,bytes_sent=344534454i,err_in=0i,err_out=0i 1795795200000000000\n";

    public const string PrometheusAdapter =
        "{\"timestamp\":\"2026-11-27T16:00:00Z\",\"value\":\"0.25\",\"name\":\"http_request_duration_seconds_sum\",\"labels\":{\"__name__\":\"http_request_duration_seconds_sum\",\"handler\":\"/api/orders\",\"instance\":\"orders-5f7c9:8080\",\"job\":\"orders\",\"method\":\"GET\",\"namespace\":\"shop\",\"pod\":\"orders-5f7c9d8b6-k2x7q\"}}";

    public const string AlertmanagerFiring = """
        {
          "receiver": "aiops",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": {"alertname": "HighErrorRate", "job": "checkout", "namespace": "shop", "severity": "critical", "instance": "checkout-0:8080"},
              "annotations": {"summary": "checkout 5xx ratio above 5%", "description": "5xx ratio is 7.3% over 5m", "runbook_url": "https://runbooks/checkout"},
              "startsAt": "2026-11-27T15:58:30.123456789Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus:9090/graph?g0.expr=rate%28http_requests_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29",
              "fingerprint": "c7a3e5b1f2d4a6b8"
            },
            {
              "status": "resolved",
              "labels": {"alertname": "PodCrashLooping", "namespace": "shop", "pod": "cart-7d9f8c6b5-x2x1z", "severity": "warning"},
              "annotations": {},
              "startsAt": "2026-11-27T15:40:00Z",
              "endsAt": "2026-11-27T15:55:00Z",
              "generatorURL": "http://prometheus:9090/graph",
              "fingerprint": ""
            }
          ],
          "groupLabels": {"alertname": "HighErrorRate"},
          "commonLabels": {"namespace": "shop"},
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"HighErrorRate\"}",
          "truncatedAlerts": 0
        }
        """;

    // Fluent Bit kafka output (format json, timestamp_key @timestamp as a double) after the kubernetes filter.
    public const string FluentBitLog = """
        {"@timestamp":1795795205.123456,"log":"2026-11-27T16:00:05.123Z ERROR [payment] charge failed: upstream timeout after 3000ms","stream":"stderr","time":"2026-11-27T16:00:05.123456789Z","kubernetes":{"pod_name":"payment-6b8d7f9c4-qz8wn","namespace_name":"shop","pod_id":"0c2e6f0a-5d2b-4c1e-9d7a-6a1f8e3b2c4d","labels":{"app":"payment","pod-template-hash":"6b8d7f9c4"},"annotations":{"prometheus.io/scrape":"true"},"host":"node-2","container_name":"payment","docker_id":"4f1c2a","container_hash":"sha256:ab12","container_image":"registry/shop/payment:1.4.2"}}
        """;

    // Vector kafka sink (encoding.codec json) with the kubernetes_logs source.
    public const string VectorLog = """
        {"file":"/var/log/pods/shop_cart-7d9f8c6b5-x2x1z_1/cart/0.log","kubernetes":{"container_id":"containerd://9a8b","container_image":"registry/shop/cart:2.0.1","container_name":"cart","namespace_labels":{"kubernetes.io/metadata.name":"shop"},"pod_ip":"10.1.2.3","pod_labels":{"app.kubernetes.io/name":"cart","pod-template-hash":"7d9f8c6b5"},"pod_name":"cart-7d9f8c6b5-x2x1z","pod_namespace":"shop","pod_node_name":"node-1","pod_uid":"7f1e"},"message":"level=warn msg=\"redis latency high\" p99_ms=85","source_type":"kubernetes_logs","stream":"stdout","timestamp":"2026-11-27T16:00:06.250113Z"}
        """;

    public const string DeployEvent = """
        {"kind":"deploy","service":"payment","version":"1.4.2","environment":"prod","namespace":"shop","timestamp":"2026-11-27T15:57:00Z","id":"deploy-8812","title":"Deploy payment 1.4.2","message":"rolled out by ci","labels":{"team":"payments"}}
        """;

    // kubernetes-event-exporter / eventrouter: the core/v1 Event object as the API returns it.
    public const string KubernetesCoreEvent = """
        {"metadata":{"name":"payment-6b8d7f9c4-qz8wn.17a9c2f3e4b5d6a7","namespace":"shop","uid":"5e0c8d4a-1f2b-4c3d-8e9f-0a1b2c3d4e5f","resourceVersion":"123456","creationTimestamp":"2026-11-27T15:59:40Z"},"involvedObject":{"kind":"Pod","namespace":"shop","name":"payment-6b8d7f9c4-qz8wn","uid":"0c2e6f0a-5d2b-4c1e-9d7a-6a1f8e3b2c4d","apiVersion":"v1","resourceVersion":"98765","fieldPath":"spec.containers{payment}"},"reason":"BackOff","message":"Back-off restarting failed container payment in pod payment-6b8d7f9c4-qz8wn_shop(0c2e6f0a-5d2b-4c1e-9d7a-6a1f8e3b2c4d)","source":{"component":"kubelet","host":"node-2"},"firstTimestamp":"2026-11-27T15:59:40Z","lastTimestamp":"2026-11-27T16:00:10Z","count":4,"type":"Warning","eventTime":null,"reportingComponent":"kubelet","reportingInstance":"node-2"}
        """;

    public const string KubernetesEventsV1 = """
        {"kind":"Event","apiVersion":"events.k8s.io/v1","metadata":{"name":"checkout.17a9c2f3","namespace":"shop","uid":"9f8e7d6c","resourceVersion":"1","creationTimestamp":"2026-11-27T15:57:02Z"},"eventTime":"2026-11-27T15:57:02.123456Z","reportingController":"deployment-controller","reportingInstance":"","action":"","reason":"ScalingReplicaSet","regarding":{"kind":"Deployment","namespace":"shop","name":"checkout","uid":"1a2b","apiVersion":"apps/v1","resourceVersion":"4455"},"note":"Scaled up replica set checkout-5c9d7b8f6 to 3 from 2","type":"Normal"}
        """;

    // rsyslog omkafka with template RSYSLOG_SyslogProtocol23Format (RFC 5424).
    public const string Syslog5424 = "<27>1 2026-11-27T16:00:07.412345+00:00 node-2 kubelet 1234 - [meta sequenceId=\"42\" origin=\"node-2\"] E1127 16:00:07.412 pod_workers.go:1298] \"Error syncing pod, skipping\" pod=\"shop/payment-6b8d7f9c4-qz8wn\"\n";

    public const string Syslog3164 = "<38>Nov 27 16:00:08 web-01 sshd[4123]: Accepted publickey for deploy from 10.0.0.5 port 52144 ssh2";

    // rsyslog's RSYSLOG_ForwardFormat: 3164 layout with an RFC 3339 timestamp.
    public const string SyslogForward = "<30>2026-11-27T16:00:09.000123+00:00 web-01 systemd[1]: Started nginx.service - A high performance web server.";

    public const string TelegrafJson = """
        {"fields":{"usage_idle":97.5,"usage_user":1.5,"usage_guest":0},"name":"cpu","tags":{"cpu":"cpu-total","host":"web-01"},"timestamp":1795795200}
        """;

    public const string TelegrafJsonBatch = """
        {"metrics":[{"fields":{"active":3254853632,"used_percent":23.49},"name":"mem","tags":{"host":"web-01"},"timestamp":1795795200},{"fields":{"uptime":1043781,"uptime_format":"12 days,  1:56"},"name":"system","tags":{"host":"web-01"},"timestamp":1795795200}]}
        """;

    // OpenTelemetry Collector kafkaexporter, encoding otlp_json.
    public const string OtlpMetrics = """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}},{"key":"k8s.namespace.name","value":{"stringValue":"shop"}},{"key":"host.name","value":{"stringValue":"node-1"}}]},"scopeMetrics":[{"scope":{"name":"io.opentelemetry.runtime","version":"1.32.0"},"metrics":[
          {"name":"process.runtime.jvm.threads.count","unit":"{thread}","gauge":{"dataPoints":[{"attributes":[{"key":"daemon","value":{"boolValue":true}}],"timeUnixNano":"1795795200000000000","asInt":"42"}]}},
          {"name":"http.server.request.count","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"attributes":[{"key":"http.route","value":{"stringValue":"/api/cart"}}],"startTimeUnixNano":"1795795100000000000","timeUnixNano":"1795795200000000000","asDouble":1250}]}},
          {"name":"http.server.duration","unit":"ms","histogram":{"aggregationTemporality":2,"dataPoints":[{"startTimeUnixNano":"1795795100000000000","timeUnixNano":"1795795200000000000","count":"10","sum":1234.5,"bucketCounts":["2","5","3"],"explicitBounds":[50,250],"min":12,"max":480}]}},
          {"name":"rpc.latency","summary":{"dataPoints":[{"timeUnixNano":"1795795200000000000","count":"4","sum":2.0,"quantileValues":[{"quantile":0.5,"value":0.4},{"quantile":0.99,"value":0.9}]}]}}
        ]}]}]}
        """;

    public const string OtlpLogs = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}},{"key":"k8s.pod.name","value":{"stringValue":"cart-7d9f8c6b5-x2x1z"}}]},"scopeLogs":[{"scope":{},"logRecords":[{"timeUnixNano":"1795795201000000000","observedTimeUnixNano":"1795795201100000000","severityNumber":17,"severityText":"ERROR","body":{"stringValue":"redis timeout after 500ms"},"attributes":[{"key":"thread","value":{"stringValue":"main"}}],"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"},{"observedTimeUnixNano":"1795795202000000000","severityText":"warn","body":{"stringValue":"slow query"}}]}]}]}
        """;

    public const string OtlpTraces = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},"scopeSpans":[{"scope":{"name":"otel-go"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"","name":"GET /cart","kind":2,"startTimeUnixNano":"1795795200000000000","endTimeUnixNano":"1795795200250000000","status":{}},{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"aaa19b7ec3c1b175","parentSpanId":"eee19b7ec3c1b174","name":"cart.Get","kind":"SPAN_KIND_CLIENT","startTimeUnixNano":"1795795200010000000","endTimeUnixNano":"1795795200200000000","attributes":[{"key":"peer.service","value":{"stringValue":"cart"}}],"status":{"code":2,"message":"deadline exceeded"}}]}]}]}
        """;

    public const string CloudEventDeploy = """
        {"specversion":"1.0","id":"8b2f6c1e-run-8812","source":"https://ci.example.com/pipelines/payment","type":"dev.cdevents.service.deployed.0.1.1","subject":"payment","time":"2026-11-27T15:57:00Z","datacontenttype":"application/json","environment":"prod","data":{"service":"payment","version":"1.4.2","namespace":"shop","title":"payment 1.4.2 deployed to prod"}}
        """;

    // rules/mappings/cloudwatch-metric-stream.yaml: Metric Streams JSON output, NDJSON of two metrics.
    public const string CloudWatchMetricStream = """
        {"metric_stream_name":"prod-stream","account_id":"123456789012","region":"eu-west-1","namespace":"AWS/EC2","metric_name":"CPUUtilization","dimensions":{"InstanceId":"i-0abc123"},"timestamp":1795795200000,"value":{"max":71.5,"min":12.0,"sum":180.0,"count":5.0},"unit":"Percent"}
        {"metric_stream_name":"prod-stream","account_id":"123456789012","region":"eu-west-1","namespace":"AWS/RDS","metric_name":"ReadLatency","dimensions":{"DBInstanceIdentifier":"payments-db"},"timestamp":1795795260000,"value":{"max":0.004,"min":0.001,"sum":0.01,"count":4.0},"unit":"Seconds"}
        """;

    // rules/mappings/gcp-logging.yaml: a Cloud Logging LogEntry from a GKE container, exported through Pub/Sub.
    public const string GcpLogEntry = """
        {"insertId":"42xyz","logName":"projects/shop-prod/logs/stderr","receiveTimestamp":"2026-11-27T16:00:05.400Z","resource":{"type":"k8s_container","labels":{"cluster_name":"prod","container_name":"cart","location":"europe-west1","namespace_name":"shop","pod_name":"cart-7d9f8c6b5-x2x1z","project_id":"shop-prod"}},"severity":"ERROR","textPayload":"payment failed: upstream timeout after 3000ms","timestamp":"2026-11-27T16:00:05.123456789Z"}
        """;

    // rules/mappings/zabbix-webhook.yaml: what the webhook media type posts for a problem.
    public const string ZabbixProblem = """
        {"event_id":"8812","event_name":"High CPU utilization on db-1","event_status":"PROBLEM","event_severity":"Disaster","event_time":"2026.11.27 16:00:00","host_name":"db-1","host_group":"databases","trigger_id":"1001"}
        """;
}
