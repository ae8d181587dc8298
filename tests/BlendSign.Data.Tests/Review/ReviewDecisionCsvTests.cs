using BlendSign.Data.Csv;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;

namespace BlendSign.Data.Tests.Review;

public class ReviewDecisionCsvTests
{
    [Fact]
    public void Write_AReasonThatIsASpreadsheetFormula_ComesOutAsText()
    {
        var row = new ReviewDecisionRow(1, new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero), "reviewer", 3, 4, "1.2.3", "P-0001", 5,
            ReviewOutcome.Change, HemorrhageClass.NonIch, HemorrhageClass.BlendSign, "=HYPERLINK(\"http://x.example\",\"open\")", 6, 7, null);

        var csv = ReviewDecisionCsv.Write([row]);

        var fields = new CsvReader(new StringReader(csv)).ReadAll().Skip(1).Single().Fields;
        Assert.Equal("'=HYPERLINK(\"http://x.example\",\"open\")", fields[9]);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
