using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class LogTemplateCommandTests
{
    [Fact]
    public void Run_WritesHeaderAndOneRowPerLine()
    {
        using var input = new StringReader("login from console by user alice\nlogin from console by user bob\n");
        using var output = new StringWriter();

        var code = LogTemplateCommand.Run(input, output, new LogTemplateMinerOptions());

        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(3, rows.Length);
        Assert.Equal("line,template_id,template", rows[0]);
        var id = rows[1].Split(',')[1];
        Assert.Equal($"1,{id},login from console by user alice", rows[1]);
        Assert.Equal($"2,{id},login from console by user <*>", rows[2]);
    }

    [Fact]
    public void Run_TemplateWithCommaAndQuote_IsCsvQuoted()
    {
        using var input = new StringReader("Changing view acls to: \"yarn\",curi");
        using var output = new StringWriter();

        LogTemplateCommand.Run(input, output, new LogTemplateMinerOptions());

        var row = output.ToString().Split('\n')[1];
        Assert.EndsWith(",\"Changing view acls to: \"\"yarn\"\",curi\"", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void CsvFieldWrite_QuotesOnlyWhenNeeded(string value, string expected)
    {
        using var output = new StringWriter();

        CsvField.Write(output, value);

        Assert.Equal(expected, output.ToString());
    }
}
