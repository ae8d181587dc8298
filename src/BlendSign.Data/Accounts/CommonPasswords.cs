using System.Collections.Frozen;

namespace BlendSign.Data.Accounts;

/// <summary>
/// NIST SP 800-63B's blocklist check: a password is refused when it, or it with look-alike digits read as letters and
/// trailing digits and symbols dropped (<c>Passw0rd</c>, <c>Password123!</c>), is a commonly used password, the
/// application's name or the account's own name.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "BlendSign.Data.Accounts.common-passwords.txt";
    private const string TrailingNoise = "0123456789!?.#*_-+=@$%&";
    private const int ShortestNameChecked = 3;
    private readonly FrozenSet<string> _words;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal) { "blendsign" };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("#!comment:", StringComparison.Ordinal))
            {
                words.Add(line);
            }
        }

        _words = words.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _words.Count;

    public bool IsCommon(string password, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var plain = Unleet(lower.TrimEnd(TrailingNoise.ToCharArray()));
        if (_words.Contains(lower) || _words.Contains(Unleet(lower)) || (plain.Length > 0 && _words.Contains(plain)))
        {
            return true;
        }

        return userName is { Length: >= ShortestNameChecked } && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal);
    }

    private static string Unleet(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '0' => 'o',
                '1' => 'l',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                '$' => 's',
                _ => source[i],
            };
        }
    });
}
