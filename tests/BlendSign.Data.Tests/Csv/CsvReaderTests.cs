using BlendSign.Data.Csv;

namespace BlendSign.Data.Tests.Csv;

public class CsvReaderTests
{
    [Fact]
    public void ReadAll_QuotedFieldsWithCommasQuotesAndLineBreaks_FollowRfc4180()
    {
        var records = Read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\r\nlast,1,2").ToList();

        Assert.Equal(["a", "b,c", "say \"hi\""], records[0].Fields);
        Assert.Equal(["two\nlines", "", "x"], records[1].Fields);
        Assert.Equal(["last", "1", "2"], records[2].Fields);
        Assert.Equal([1, 2, 4], records.Select(r => r.LineNumber));
    }

    [Fact]
    public void ReadAll_EmptyLinesAndTrailingNewline_AreSkipped()
    {
        var records = Read("h\n\n\nx\n").ToList();

        Assert.Equal([1, 4], records.Select(r => r.LineNumber));
    }

    [Fact]
    public void ReadAll_TrailingComma_GivesAnEmptyLastField() =>
        Assert.Equal(["a", ""], Read("a,\n").Single().Fields);

    [Theory]
    [InlineData("h\n\"open,x\n", 2)]
    [InlineData("h\nab\"c,x\n", 2)]
    [InlineData("h\nok\n\"a\"b,x\n", 3)]
    public void ReadAll_MalformedQuoting_ThrowsWithLine(string text, int line) =>
        Assert.Equal(line, Assert.Throws<CsvFormatException>(() => Read(text).ToList()).LineNumber);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData(" padded", "\" padded\"")]
    public void Escape_FieldsNeedingQuotes_AreQuoted(string field, string expected) =>
        Assert.Equal(expected, CsvFormat.Escape(field));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=cmd|' /C calc'!A0.dcm", "\"'=cmd|' /C calc'!A0.dcm\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("+1", "+1")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("1e-3", "1e-3")]
    public void Escape_SpreadsheetFormulas_AreNeutralised_NumbersKept(string field, string expected) =>
        Assert.Equal(expected, CsvFormat.Escape(field));

    [Fact]
    public void Record_WrittenThenRead_RoundTrips()
    {
        string[] fields = ["a,b", "c\"d", "e\r\nf", ""];

        Assert.Equal(fields, Read(CsvFormat.Record(fields)).Single().Fields);
    }

    private static IEnumerable<CsvRecord> Read(string text) => new CsvReader(new StringReader(text)).ReadAll();
}
