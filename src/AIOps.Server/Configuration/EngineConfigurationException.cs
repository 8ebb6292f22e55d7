namespace AIOps.Server.Configuration;

/// <summary>The configuration is unusable; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class EngineConfigurationException : Exception
{
    public EngineConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public EngineConfigurationException()
        : this([])
    {
    }

    public EngineConfigurationException(string message)
        : this([message])
    {
    }

    public EngineConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
