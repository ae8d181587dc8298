using System.Diagnostics;
using BlendSign.Data.Persistence;

namespace BlendSign.Web.Features.Reading.Load;

public sealed class LoadTest(LoadRaterAccounts accountProvisioner, LoadVerifier verifier)
{
    public async Task<(LoadReport? Report, string? Error)> RunAsync(
        LoadSettings settings, string password, int? serverPid, TextWriter log, CancellationToken cancellationToken)
    {
        var (accounts, error) = await accountProvisioner.EnsureAsync(settings.Raters, password, cancellationToken);
        if (accounts is null)
        {
            return (null, error);
        }

        var raters = accounts.Select(a => new LoadRater(a, settings)).ToList();
        try
        {
            await log.WriteLineAsync($"Signing in {raters.Count} raters at {settings.Server} …");
            if (await PrepareAsync(raters, password, cancellationToken) is { } notReady)
            {
                return (null, notReady);
            }

            var watermark = await verifier.AuditWatermarkAsync(cancellationToken);
            await log.WriteLineAsync($"Running {raters.Count} raters for {settings.Duration.TotalSeconds:F0} s …");
            var budget = new RequestBudget(settings.MaxRequests);
            var (results, seconds) = await RunRatersAsync(raters, settings.Duration, budget, cancellationToken);

            var memory = ReadMemory(serverPid, log);
            var attempts = results.SelectMany(r => r.Saves).ToList();
            var verification = await VerifyAsync(accounts, attempts, watermark);
            return (Report(settings, raters.Count, seconds, budget, results, memory, verification), null);
        }
        finally
        {
            raters.ForEach(r => r.Dispose());
        }
    }

    private static async Task<(RaterResult[] Results, double Seconds)> RunRatersAsync(
        IReadOnlyList<LoadRater> raters, TimeSpan duration, RequestBudget budget, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(raters.Select((rater, i) =>
            Task.Run(() => rater.RunAsync(i, deadline, budget, cancellationToken), CancellationToken.None)));
        return (results, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<LoadVerification> VerifyAsync(IReadOnlyList<LoadAccount> accounts, IReadOnlyList<SaveAttempt> attempts, long watermark)
    {
        // The database may have restarted under the load (the fault tests restart it): the first read may meet a dead
        // pooled connection, which empties the pool (PostgresStalePoolInterceptor); the read is repeated once.
        // Verifying only reads.
        try
        {
            return await verifier.VerifyAsync(accounts, attempts, watermark, CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseFailure.Is(exception))
        {
            return await verifier.VerifyAsync(accounts, attempts, watermark, CancellationToken.None);
        }
    }

    private static LoadReport Report(
        LoadSettings settings, int raters, double seconds, RequestBudget budget, IReadOnlyList<RaterResult> results,
        ServerMemory? memory, LoadVerification verification)
    {
        var errors = results.SelectMany(r => r.Errors)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        var saved = verification.Acknowledged;
        return new LoadReport(
            settings.Server.ToString().TrimEnd('/'),
            raters,
            (int)settings.ThinkTime.TotalMilliseconds,
            Math.Round(seconds, 2),
            budget.Taken,
            saved,
            Math.Round(saved / seconds, 1),
            LatencySummary.Of(results.SelectMany(r => r.SaveMilliseconds)),
            LatencySummary.Of(results.SelectMany(r => r.ImageMilliseconds)),
            errors.Values.Sum(),
            errors,
            memory,
            verification);
    }

    /// <summary>Signs the raters in a few at a time (each sign-in hashes a password on the server); null when all are ready.</summary>
    private static async Task<string?> PrepareAsync(IReadOnlyList<LoadRater> raters, string password, CancellationToken cancellationToken)
    {
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(raters, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (rater, token) =>
            {
                try
                {
                    if (await rater.PrepareAsync(password, token) is { } problem)
                    {
                        problems.Enqueue(problem);
                    }
                }
                catch (HttpRequestException exception)
                {
                    problems.Enqueue($"{rater.Name}: could not reach the server ({exception.Message}).");
                }
            });
        return problems.IsEmpty ? null : $"Not every rater is ready, nothing was run: {string.Join(" ", problems.Order(StringComparer.Ordinal).Take(3))}";
    }

    private static ServerMemory? ReadMemory(int? pid, TextWriter log)
    {
        if (pid is not { } id)
        {
            return null;
        }

        var (memory, error) = ServerMemory.Read(id);
        if (error is not null)
        {
            log.WriteLine(error);
        }

        return memory;
    }
}
