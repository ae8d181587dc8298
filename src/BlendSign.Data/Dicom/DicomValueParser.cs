using System.Globalization;

namespace BlendSign.Data.Dicom;

/// <summary>Parses DICOM string values (DS, IS, AS, UI), tolerating the padding and quirks of real files.</summary>
internal static class DicomValueParser
{
    public static string? Text(string? raw)
    {
        var trimmed = raw?.Trim('\0', ' ');
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public static double[]? Decimals(string? raw)
    {
        var text = Text(raw);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('\\');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    public static int? Integer(string? raw)
    {
        var text = Text(raw);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Age String "nnnD|W|M|Y" in years; null when absent or malformed.</summary>
    public static double? AgeInYears(string? raw)
    {
        var text = Text(raw);
        if (text is null || text.Length < 2
            || !int.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        return char.ToUpperInvariant(text[^1]) switch
        {
            'D' => count / 365.25,
            'W' => count * 7 / 365.25,
            'M' => count / 12.0,
            'Y' => count,
            _ => null,
        };
    }

    /// <summary>Date "YYYYMMDD" (or the old ACR-NEMA "YYYY.MM.DD"); null when absent or malformed.</summary>
    public static DateOnly? Date(string? raw)
    {
        var text = Text(raw);
        return text is not null && DateOnly.TryParseExact(text, ["yyyyMMdd", "yyyy.MM.dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>Completed years between birth and the study; null when either is unknown or the order is impossible.</summary>
    public static double? AgeInYears(DateOnly? birth, DateOnly? at)
    {
        if (birth is not { } born || at is not { } day || day < born)
        {
            return null;
        }

        var years = day.Year - born.Year;
        if (day < born.AddYears(years))
        {
            years--;
        }

        return years;
    }
}
