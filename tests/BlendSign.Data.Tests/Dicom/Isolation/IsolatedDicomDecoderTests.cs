using BlendSign.Data.Dicom;
using BlendSign.Data.Dicom.Isolation;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Tests.Dicom.Isolation;

/// <summary>
/// The pool's side of isolation with real child processes that misbehave on purpose (a shell that greets and then
/// aborts, hangs or never greets); the real decoder child is tested from the web project, which is that binary.
/// </summary>
public sealed class IsolatedDicomDecoderTests
{
    private const string Greet = "printf BSD1; ";

    [Fact]
    public async Task ReadAsync_ChildAborts_FileRejectedAsCrashedAndTheNextFileGetsAFreshChild()
    {
        using var decoder = Decoder(Greet + "read line; kill -ABRT $$");
        var file = PydicomTestFiles.Require("MR_small_RLE.dcm");

        var first = await decoder.ReadAsync(file, CancellationToken.None);
        var second = await decoder.ReadAsync(file, CancellationToken.None);

        Assert.Equal("the decoder crashed on this file (the decoder process aborted, SIGABRT)", first.RejectionReason);
        Assert.Equal(first, second);
        Assert.Equal(2, decoder.Crashes);
    }

    [Fact]
    public async Task ReadAsync_ChildHangs_StoppedAfterTheTimeoutAndFileRejectedAsHung()
    {
        using var decoder = Decoder(Greet + "read line; sleep 600", timeoutSeconds: 1);

        var result = await decoder.ReadAsync(PydicomTestFiles.Require("JPEG2000.dcm"), CancellationToken.None);

        Assert.Equal("the decoder hung on this file (no answer within 1 s; it was stopped)", result.RejectionReason);
        Assert.Equal(1, decoder.Crashes);
    }

    [Fact]
    public async Task ReadAsync_FileThatNeedsNoNativeCodec_DecodedWithoutAChild()
    {
        using var decoder = Decoder("exit 3");

        var result = await decoder.ReadAsync(PydicomTestFiles.CtSmall, CancellationToken.None);

        Assert.NotNull(result.Slice);
        Assert.Equal(0, decoder.Crashes);
    }

    [Fact]
    public async Task ReadAsync_ChildNeverGreets_FailsLoudlyInsteadOfRejectingEveryFile()
    {
        using var decoder = Decoder("echo no; exit 3");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await decoder.ReadAsync(PydicomTestFiles.Require("JPEG2000.dcm"), CancellationToken.None));

        Assert.Contains("The isolated DICOM decoder", failure.Message);
        Assert.Contains("did not start", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_CommandMissing_SaysItCouldNotBeStarted()
    {
        using var decoder = new IsolatedDicomDecoder(new DicomSliceReader(),
            Options.Create(new DecoderIsolationOptions { WorkerCommand = ["/nonexistent/decoder"] }),
            NullLogger<IsolatedDicomDecoder>.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await decoder.ReadAsync(PydicomTestFiles.Require("JPEG2000.dcm"), CancellationToken.None));

        Assert.StartsWith("The isolated DICOM decoder could not be started (/nonexistent/decoder)", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_NotIsolated_EveryCodecInProcess()
    {
        using var decoder = new IsolatedDicomDecoder(new DicomSliceReader(),
            Options.Create(new DecoderIsolationOptions { Isolated = false, WorkerCommand = ["/nonexistent/decoder"] }),
            NullLogger<IsolatedDicomDecoder>.Instance);

        var result = await decoder.ReadAsync(PydicomTestFiles.Require("MR_small_RLE.dcm"), CancellationToken.None);

        Assert.NotNull(result.Slice);
    }

    private static IsolatedDicomDecoder Decoder(string script, int timeoutSeconds = 30) =>
        new(new DicomSliceReader(),
            Options.Create(new DecoderIsolationOptions { WorkerCommand = ["/bin/sh", "-c", script], TimeoutSeconds = timeoutSeconds }),
            NullLogger<IsolatedDicomDecoder>.Instance);
}
