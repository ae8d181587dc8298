using System.Net.Http.Headers;
using System.Text;

namespace BlendSign.Data.Import.DicomWeb;

/// <summary>HTTP basic authentication for a PACS. The password never appears in <see cref="ToString"/>, logs or reports.</summary>
public sealed record DicomWebCredentials(string User, string Password)
{
    public AuthenticationHeaderValue ToHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    public override string ToString() => $"{User} (password hidden)";
}
