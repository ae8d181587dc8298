using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Web.Features.Import;
using BlendSign.Web.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Web.Tests.Features.Import;

public sealed class ImportJobsTests
{
    private readonly ImportJobs _jobs = new(new Lifetime(), NullLogger<ImportJobs>.Instance);

    [Fact]
    public async Task Cancel_RunningImport_EndsCancelledWithItsMeaningAndCleansUp()
    {
        var cleaned = false;
        var job = _jobs.Start("3 uploaded files", "lead", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Report();
        }, () => cleaned = true);

        job.Cancel();
        await _jobs.EndedAsync(job);

        Assert.Equal(ImportJobState.Cancelled, job.State);
        Assert.StartsWith("Cancelled: the batches committed before the cancel stay imported", job.Error);
        Assert.True(cleaned);
        Assert.Null(job.Report);
    }

    [Fact]
    public async Task Start_PacsRefuses_FailedWithThePacsReason()
    {
        var job = _jobs.Start("1 series from pacs", "lead", (_, _) =>
            throw new DicomWebException(DicomWebFailure.Unauthorized, "the PACS asks for a user name and password (HTTP 401)"));

        await _jobs.EndedAsync(job);

        Assert.Equal(ImportJobState.Failed, job.State);
        Assert.Equal("Nothing imported: the PACS asks for a user name and password (HTTP 401).", job.Error);
    }

    [Fact]
    public async Task Start_ServerFault_FailedWithASentenceNotTheException()
    {
        var job = _jobs.Start("1 uploaded file", "lead", (_, _) => throw new InvalidOperationException("/data/uploads/Doe^John.dcm: disk full"));

        await _jobs.EndedAsync(job);

        Assert.Equal(ImportJobState.Failed, job.State);
        Assert.Equal("The import failed on the server; nothing more was imported. The server log says why.", job.Error);
    }

    [Fact]
    public async Task Start_ProgressThenReport_SubscribersSeeBothAndTheEtaComesFromTheRate()
    {
        var seen = new List<ImportJobState>();
        using var subscription = _jobs.Subscribe(j => { lock (seen) { seen.Add(j.State); } });
        var halfway = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var job = _jobs.Start("10 uploaded files", "lead", async (progress, _) =>
        {
            progress.Report(new ImportProgress(5, 5, 0, 0, null, FilesExpected: 10));
            halfway.SetResult();
            await finish.Task;
            return Report();
        });

        await halfway.Task;
        var remaining = job.Remaining;
        finish.SetResult();
        await _jobs.EndedAsync(job);

        Assert.NotNull(remaining);
        Assert.Equal(ImportJobState.Completed, job.State);
        Assert.Equal(1, job.Report!.Imported);
        Assert.Same(job, _jobs.Find(job.Id));
        lock (seen)
        {
            Assert.Equal(ImportJobState.Completed, seen[^1]);
            Assert.Contains(ImportJobState.Running, seen);
        }
    }

    private static ImportReport Report() =>
        new(1, 1, 0, 0, 1, 1, [new ImportItem("a.dcm", ImportItemStatus.Imported, "1.2.3", null)]);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
