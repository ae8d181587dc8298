using System.Text;

namespace BlendSign.Data.Csv;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line breaks and
/// doubled quotes; CRLF, LF or CR end a record. Stricter than most: a quote inside an unquoted field, text
/// after a closing quote or an unterminated quoted field is an error. Empty lines are skipped.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private const int EndOfFile = -1;
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The next record, or null at the end of the text.</summary>
    /// <exception cref="CsvFormatException">The text is malformed at the exception's line.</exception>
    public CsvRecord? Read()
    {
        var c = Next();
        while (c is '\r' or '\n')
        {
            EndLine(c);
            c = Next();
        }

        if (c == EndOfFile)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        while (true)
        {
            c = c == '"' ? ReadQuoted(start) : ReadUnquoted(c);
            fields.Add(_field.ToString());
            _field.Clear();
            switch (c)
            {
                case ',':
                    c = Next();
                    continue;
                case '\r' or '\n':
                    EndLine(c);
                    return new CsvRecord(start, fields);
                case EndOfFile:
                    return new CsvRecord(start, fields);
                default:
                    throw new CsvFormatException(_line, $"unexpected '{(char)c}' after a closing quote.");
            }
        }
    }

    /// <summary>Every remaining record.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    private int ReadUnquoted(int c)
    {
        while (c is not (',' or '\r' or '\n' or EndOfFile))
        {
            if (c == '"')
            {
                throw new CsvFormatException(_line, "a quote inside an unquoted field (quote the whole field and double the quote).");
            }

            _field.Append((char)c);
            c = Next();
        }

        return c;
    }

    /// <summary>Reads after an opening quote up to the closing one; returns the character after it.</summary>
    private int ReadQuoted(int start)
    {
        while (true)
        {
            var c = Next();
            switch (c)
            {
                case EndOfFile:
                    throw new CsvFormatException(start, "a quoted field is never closed.");
                case '"' when reader.Peek() == '"':
                    Next();
                    _field.Append('"');
                    break;
                case '"':
                    return Next();
                case '\r' or '\n':
                    // A line break inside quotes belongs to the field; keep it as written.
                    _field.Append((char)c);
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        _field.Append((char)Next());
                    }

                    _line++;
                    break;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    /// <summary>Finishes a line break whose first character was <paramref name="c"/> (CRLF counts once).</summary>
    private void EndLine(int c)
    {
        if (c == '\r' && reader.Peek() == '\n')
        {
            Next();
        }

        _line++;
    }

    private int Next() => reader.Read();
}
