using BlendSign.Data.Dicom;

namespace BlendSign.Data.Tests.Dicom;

public class DicomValueParserTests
{
    [Theory]
    [InlineData("045Y", 45.0)]
    [InlineData("018M", 1.5)]
    [InlineData("052W", 52 * 7 / 365.25)]
    [InlineData("", null)]
    [InlineData("45", null)]
    public void AgeInYears_AgeString_ParsesUnits(string raw, double? expected)
    {
        Assert.Equal(expected, DicomValueParser.AgeInYears(raw));
    }

    [Theory]
    [InlineData("19500615", "20200614", 69.0)]
    [InlineData("19500615", "20200615", 70.0)]
    [InlineData("20000229", "20210227", 20.0)]
    [InlineData("1950.06.15", "20200616", 70.0)]
    [InlineData("20200101", "19990101", null)]
    [InlineData(null, "20200101", null)]
    [InlineData("1950-06-15", "20200101", null)]
    public void AgeInYears_BirthAndStudyDate_CountsCompletedYears(string? birth, string? study, double? expected)
    {
        Assert.Equal(expected, DicomValueParser.AgeInYears(DicomValueParser.Date(birth), DicomValueParser.Date(study)));
    }
}
