using BlendSign.Data.Import.DicomWeb;

namespace BlendSign.Web.Cli;

/// <summary>Passwords come from the first line of standard input, never from the command line (where `ps` shows them).</summary>
internal static class CliCredentials
{
    public static async Task<string?> ReadPasswordAsync(CliContext context, CancellationToken cancellationToken)
    {
        var password = (await context.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
        return string.IsNullOrEmpty(password) ? null : password;
    }

    /// <summary>No credentials when neither <c>--user</c> nor <c>--password-stdin</c> is given; otherwise both are needed.</summary>
    public static async Task<(DicomWebCredentials? Credentials, string? Error)> ReadPacsAccountAsync(
        CliContext context, string? user, bool passwordStdin, CancellationToken cancellationToken)
    {
        if (passwordStdin != (user is not null))
        {
            return (null, "--user and --password-stdin go together: the password is read from standard input, never from the command line.");
        }

        if (user is null)
        {
            return (null, null);
        }

        return await ReadPasswordAsync(context, cancellationToken) is { } password
            ? (new DicomWebCredentials(user, password), null)
            : (null, "--password-stdin found no password on standard input.");
    }
}
