using System.Text.Json;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Import;

/// <summary><c>import --dicomweb</c> against a real Orthanc with HTTP basic authentication.</summary>
public sealed class ImportVerbDicomWebTests : IDisposable
{
    private const string User = "lead";
    private const string Password = "pacs-Passw0rd";
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Import_DicomWebJson_TheFileImportsShapeWithRetrieveUrlsThenDuplicates()
    {
        using var pacs = await OrthancServer.StartAsync(User, Password);
        await pacs.UploadAsync([PydicomTestFiles.CtSmall]);
        string[] args = ["import", "--dicomweb", pacs.DicomWebRoot.AbsoluteUri, "--user", User, "--password-stdin", "--json"];

        var (exitCode, output, error) = await _cli.RunWithInputAsync(Password + "\n", args);
        var (_, again, _) = await _cli.RunWithInputAsync(Password + "\n", args);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(Password, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["files", "imported", "duplicates", "rejected", "scans", "slices", "items"],
            root.EnumerateObject().Select(p => p.Name));
        var item = Assert.Single(root.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("imported", item.GetProperty("status").GetString());
        var sop = item.GetProperty("sop_instance_uid").GetString();
        Assert.Matches($"^{pacs.DicomWebRoot}/studies/[0-9.]+/series/[0-9.]+/instances/{sop}$", item.GetProperty("file").GetString());
        using var second = JsonDocument.Parse(again);
        Assert.Equal("duplicate", second.RootElement.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_DicomWebWrongPassword_ExitCode1WithTheRefusalAndNoPassword()
    {
        using var pacs = await OrthancServer.StartAsync(User, Password);

        var (exitCode, output, error) = await _cli.RunWithInputAsync("wrong-one\n",
            "import", "--dicomweb", pacs.DicomWebRoot.AbsoluteUri, "--user", User, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"Nothing imported: the PACS refused the user name and password of {User} (HTTP 401).", error);
        Assert.DoesNotContain("wrong-one", error);
    }

    [Theory]
    [InlineData(new[] { "import", "--dicomweb", "ftp://pacs/dicom-web" }, "--dicomweb takes an http:// or https:// address")]
    [InlineData(new[] { "import", "--dicomweb", "http://127.0.0.1:9/dicom-web", "--user", "lead" }, "--user and --password-stdin go together")]
    [InlineData(new[] { "import", "--dicomweb", "http://127.0.0.1:9/dicom-web", "--since", "yesterday" }, "--since takes a date as YYYY-MM-DD")]
    [InlineData(new[] { "import", "--study", "1.2.3", "some.dcm" }, "go with --dicomweb")]
    [InlineData(new[] { "import" }, "Give the files, folders or .zip archives to import, or --dicomweb BASE_URL.")]
    [InlineData(new[] { "import", "--dimse", "pacs", "--called-ae", "PACS", "--study", "1.2.3" }, "--dimse takes HOST:PORT, with --called-ae AE and at least one --study UID.")]
    [InlineData(new[] { "import", "--dimse", "pacs:4242", "--study", "1.2.3" }, "--dimse takes HOST:PORT, with --called-ae AE and at least one --study UID.")]
    [InlineData(new[] { "import", "--dimse", "pacs:4242", "--called-ae", "PACS", "--study", "1.2.3", "--since", "2026-01-01" }, "--dimse takes --called-ae and --study only")]
    public async Task Import_BadDicomWebOptions_ExitCode1WithTheReason(string[] args, string message)
    {
        var (exitCode, _, error) = await _cli.RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Import_DicomWebNobodyListening_ExitCode1SaysThePacsCouldNotBeReached()
    {
        var (exitCode, _, error) = await _cli.RunAsync("import", "--dicomweb", "http://127.0.0.1:9/dicom-web");

        Assert.Equal(1, exitCode);
        Assert.Contains("Nothing imported: could not reach the PACS at 127.0.0.1:9", error);
    }

    public void Dispose() => _cli.Dispose();
}
