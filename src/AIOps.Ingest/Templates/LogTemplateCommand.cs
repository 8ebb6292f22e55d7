using System.Globalization;

namespace AIOps.Ingest.Templates;

/// <summary>
/// The body of `aiops templates`: mines every input line and writes CSV `line,template_id,template`
/// (1-based line numbers, one row per input line, the template as it stood when the line arrived).
/// </summary>
public static class LogTemplateCommand
{
    public static int Run(TextReader input, TextWriter output, LogTemplateMinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var miner = new LogTemplateMiner(options);
        output.Write("line,template_id,template\n");
        var number = 0L;
        while (input.ReadLine() is { } line)
        {
            number++;
            var match = miner.Add(line);
            output.Write(number.ToString(CultureInfo.InvariantCulture));
            output.Write(',');
            CsvField.Write(output, match.TemplateId);
            output.Write(',');
            CsvField.Write(output, match.Template);
            output.Write('\n');
        }

        output.Flush();
        return 0;
    }
}
