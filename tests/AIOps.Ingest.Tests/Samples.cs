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
}
