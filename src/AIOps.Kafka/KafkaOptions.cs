namespace AIOps.Kafka;

/// <summary>Where the engine reads and writes Kafka. Plain settable properties; call <see cref="Validate"/> at start-up.</summary>
public sealed class KafkaOptions
{
    /// <summary>Comma-separated <c>host:port</c> list (an embedded cluster's address when none is configured).</summary>
    public string BootstrapServers { get; set; } = string.Empty;

    public string GroupId { get; set; } = KafkaDefaults.GroupId;

    /// <summary>Input topic to format binding (a decoder's format name, or <c>auto</c>).</summary>
    public Dictionary<string, string> InputTopics { get; set; } = new(KafkaDefaults.InputTopics);

    public string DlqTopic { get; set; } = KafkaDefaults.DlqTopic;

    public string IncidentsTopic { get; set; } = KafkaDefaults.IncidentsTopic;

    public string SignalsTopic { get; set; } = KafkaDefaults.SignalsTopic;

    /// <summary>Compacted topic the engine writes every series' detector state to at shutdown and reads at start-up; empty: off.</summary>
    public string StateTopic { get; set; } = KafkaDefaults.StateTopic;

    /// <summary>The consumer reports idle after this long without a message, so the host can advance time.</summary>
    public int IdleIntervalMs { get; set; } = KafkaDefaults.IdleIntervalMs;

    /// <summary>
    /// A partition more than this many messages behind is catching up a backlog: it holds the incident clock at the
    /// newest event it delivered, and signals from ahead of it wait (in event-time order) until it has passed them.
    /// 0 turns the hold off.
    /// </summary>
    public long CatchUpLag { get; set; } = KafkaDefaults.CatchUpLag;

    /// <summary>
    /// Raw librdkafka properties passed to every client (SASL, TLS, client.id, ...), e.g.
    /// <c>security.protocol=SASL_SSL</c>. Settings that the delivery guarantee depends on cannot be overridden.
    /// </summary>
    public Dictionary<string, string> ClientConfig { get; set; } = [];

    /// <summary>The format bound to <paramref name="topic"/>, or <c>auto</c> if the topic is not bound.</summary>
    public string FormatOf(string topic) =>
        InputTopics.TryGetValue(topic, out var format) && !string.IsNullOrEmpty(format) ? format : KafkaDefaults.AutoFormat;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            problems.Add("BootstrapServers is required");
        }

        if (string.IsNullOrWhiteSpace(GroupId))
        {
            problems.Add("GroupId is required");
        }

        if (InputTopics is null || InputTopics.Count == 0)
        {
            problems.Add("at least one input topic is required");
        }

        if (string.IsNullOrWhiteSpace(DlqTopic) || string.IsNullOrWhiteSpace(IncidentsTopic) || string.IsNullOrWhiteSpace(SignalsTopic))
        {
            problems.Add("DlqTopic, IncidentsTopic and SignalsTopic are required");
        }

        if (IdleIntervalMs <= 0)
        {
            problems.Add("IdleIntervalMs must be positive");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Kafka options: " + string.Join("; ", problems) + ".");
        }
    }
}
