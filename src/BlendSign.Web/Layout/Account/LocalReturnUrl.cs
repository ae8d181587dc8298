namespace BlendSign.Web.Layout.Account;

/// <summary>
/// Where a sign-in may send the browser: a path on this site ("/scans?x=1") or a relative one ("Account/Lockout").
/// Anything else ("https://…", "//host", "/\host", "javascript:…") gives the home page: no open redirect, no error.
/// </summary>
public static class LocalReturnUrl
{
    public static string Of(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.Any(c => char.IsControl(c) || c == '\\'))
        {
            return "";
        }

        if (uri[0] == '/')
        {
            return uri.Length > 1 && uri[1] == '/' ? "" : uri;
        }

        var firstSlash = uri.IndexOf('/', StringComparison.Ordinal);
        var head = firstSlash < 0 ? uri : uri[..firstSlash];
        return char.IsAsciiLetterOrDigit(uri[0]) && !head.Contains(':', StringComparison.Ordinal) ? uri : "";
    }
}
