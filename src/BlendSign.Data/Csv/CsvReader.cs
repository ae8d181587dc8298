using System.Text;

namespace BlendSign.Data.Csv;

// RFC 4180, stricter than most: a quote inside an unquoted field, text after a closing quote or an unterminated quoted
// field is an error. Empty lines are skipped.
public sealed class CsvReader(TextReader reader)
{
    private const int EndOfFile = -1;
    private readonly StringBuilder _field = new();
    private int _line = 1;

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
