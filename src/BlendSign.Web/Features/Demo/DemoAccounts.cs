using System.Security.Cryptography;
using BlendSign.Data.Accounts;

namespace BlendSign.Web.Features.Demo;

public static class DemoAccounts
{
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static IReadOnlyList<(string UserName, string Role)> All { get; } =
    [
        ("rater1", Roles.Radiologist),
        ("rater2", Roles.Radiologist),
        ("rater3", Roles.Radiologist),
        ("lead", Roles.Lead),
        ("reviewer", Roles.Reviewer),
        ("admin", Roles.Admin),
    ];

    /// <summary>
    /// A strong random password (about 119 bits: four groups of five characters from 57, no look-alikes
    /// such as l/1 or O/0) with a lower-case letter, an upper-case letter and a digit, as Identity requires.
    /// </summary>
    public static string NewPassword()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(PasswordAlphabet, 5));
            var password = string.Join('-', groups);
            if (password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiDigit))
            {
                return password;
            }
        }
    }
}
