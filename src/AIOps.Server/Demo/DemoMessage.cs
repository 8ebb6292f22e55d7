namespace AIOps.Server.Demo;

/// <summary>One message the demo produces: the topic, key and payload exactly as a real shipper would send them.</summary>
public sealed record DemoMessage(string Topic, string Key, string Payload, DateTimeOffset EventTime);
