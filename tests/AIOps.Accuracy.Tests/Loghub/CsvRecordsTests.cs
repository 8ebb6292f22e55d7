using AIOps.Accuracy.Loghub;

namespace AIOps.Accuracy.Tests.Loghub;

public sealed class CsvRecordsTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_AreOneFieldEach()
    {
        const string text = "LineId,Content,EventId\r\n1,\"a, b\",E1\n2,\"say \"\"hi\"\"\nthere\",E2\n3,plain,E3";

        var rows = CsvRecords.Read(new StringReader(text)).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "a, b", "E1"], rows[1]);
        Assert.Equal(["2", "say \"hi\"\nthere", "E2"], rows[2]);
        Assert.Equal(["3", "plain", "E3"], rows[3]);
    }

    [Fact]
    public void LoadDataset_ReadsContentAndEventIdByHeaderName()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "Demo"));
            File.WriteAllText(
                Path.Combine(dir.FullName, "Demo", "Demo_2k.log_structured.csv"),
                "LineId,Level,Content,EventId,EventTemplate\n1,INFO,\"x, y\",E7,x <*>\n");

            var dataset = LoghubDataset.Load(dir.FullName, "Demo");

            Assert.Equal(["x, y"], dataset.Contents);
            Assert.Equal(["E7"], dataset.EventIds);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
