namespace AIOps.Correlation.Rules;

/// <summary>A problem in a rule file, at a 1-based line and column.</summary>
public readonly record struct LintError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
