using Spectre.Console;

namespace AIOps.Cli.Rendering;

/// <summary>
/// Spectre consoles for stdout and stderr: colours and live widgets on a terminal, plain text when redirected
/// (pipes, files, CI logs) or when NO_COLOR is set, so scripts never see escape codes.
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            console.Profile.Width = 160; // no terminal to measure: wide enough that tables do not wrap ids
        }

        return console;
    }

    public static IAnsiConsole Out() => Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error() => Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Progress bars only make sense to a person watching a terminal.</summary>
    public static bool ShowProgress => !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
