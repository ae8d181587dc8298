using System.Net;
using System.Text.RegularExpressions;

namespace BlendSign.Web.Features.Reading.Load;

internal static partial class LoadSignIn
{
    public const string LoginPath = "/Account/Login";

    /// <summary>Null when signed in (the client's cookies now carry the session); otherwise why not.</summary>
    public static async Task<string?> SignInAsync(HttpClient client, string userName, string password, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync(LoginPath, cancellationToken);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            return $"{LoginPath} has no antiforgery token; is {client.BaseAddress} a BlendSign server?";
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(LoginPath, form, cancellationToken);
        // Signed in: a redirect into the app. A wrong password renders the form again (200); a lockout redirects to /Account/Lockout.
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && !location.Contains("Account/", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{userName} could not sign in (HTTP {(int)response.StatusCode}{(location.Length > 0 ? $" to {location}" : "")}).";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
