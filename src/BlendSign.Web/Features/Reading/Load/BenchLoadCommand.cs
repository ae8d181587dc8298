using System.CommandLine;
using System.Globalization;
using System.Text;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Reading.Load;

/// <summary>
/// Writes to the database (see <see cref="LoadRaterAccounts"/>): run it on a scratch copy. Exit code 0 when nothing was
/// lost or duplicated, 2 when something was, 1 when it could not run.
/// </summary>
public static class BenchLoadCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "The server, on this machine only: http://127.0.0.1:PORT or http://localhost:PORT.", Required = true };
        var raters = new Option<int>("--raters") { Description = $"Simulated raters (1–{LoadSettings.MaxRaters}), accounts load-rater-001….", DefaultValueFactory = _ => 10 };
        var seconds = new Option<int>("--seconds") { Description = "How long the raters work (1–3600).", DefaultValueFactory = _ => 30 };
        var thinkMs = new Option<int>("--think-ms")
        {
            Description = "Each rater's mean pause after a save, in ms (0.5-1.5 times it at random, a radiologist looking at the next slice); 0: as fast as the server answers.",
            DefaultValueFactory = _ => 0,
        };
        var maxRequests = new Option<int>("--max-requests") { Description = "Stop once this many requests were sent, deadline or not.", DefaultValueFactory = _ => 1_000_000 };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "The raters' password from standard input (default: a new random one each run)." };
        var pid = new Option<int?>("--pid") { Description = "The server's process id: report its resident memory (VmRSS, VmHWM)." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("load", "Simulated raters against a running server: labels saved per second, latencies, errors, memory, lost and duplicated labels.")
        {
            url, raters, seconds, thinkMs, maxRequests, passwordStdin, pid, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (server, urlError) = LoadSettings.TryParseServer(parse.GetValue(url)!);
            if (server is null)
            {
                await context.Error.WriteLineAsync(urlError);
                return 1;
            }

            if (parse.GetValue(raters) is < 1 or > LoadSettings.MaxRaters || parse.GetValue(seconds) is < 1 or > 3600 || parse.GetValue(maxRequests) < 2
                || parse.GetValue(thinkMs) is < 0 or > 60_000)
            {
                await context.Error.WriteLineAsync($"Needs --raters 1–{LoadSettings.MaxRaters}, --seconds 1–3600, --think-ms 0–60000 and --max-requests ≥ 2.");
                return 1;
            }

            var password = parse.GetValue(passwordStdin) ? await CliCredentials.ReadPasswordAsync(context, cancellationToken) : LoadRaterAccounts.GeneratePassword();
            if (password is null)
            {
                await context.Error.WriteLineAsync("--password-stdin found no password on standard input.");
                return 1;
            }

            var settings = new LoadSettings(server, parse.GetValue(raters), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(maxRequests),
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(parse.GetValue(thinkMs)));
            return await RunAsync(context, settings, password, parse.GetValue(pid), parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, LoadSettings settings, string password, int? pid, bool json, CancellationToken cancellationToken)
    {
        var services = await context.GetServicesAsync(cancellationToken);
        await context.Error.WriteLineAsync(
            $"bench load writes to this database: accounts {LoadRaterAccounts.NameOf(1)}…{LoadRaterAccounts.NameOf(settings.Raters)} on every scan, and their labels (audited).");
        var (report, error) = await ActivatorUtilities.CreateInstance<LoadTest>(services, ActivatorUtilities.CreateInstance<LoadRaterAccounts>(services),
                ActivatorUtilities.CreateInstance<LoadVerifier>(services))
            .RunAsync(settings, password, pid, context.Error, cancellationToken);
        if (report is null)
        {
            await context.Error.WriteLineAsync(error);
            return 1;
        }

        if (json)
        {
            CliJson.Write(context.Out, report);
        }
        else
        {
            await context.Out.WriteAsync(Describe(report));
        }

        return report.Verification.Passed ? 0 : 2;
    }

    private static string Describe(LoadReport r)
    {
        var v = r.Verification;
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{r.Raters} raters ({r.ThinkMs} ms between slices) for {r.Seconds:F1} s against {r.Url}: {r.Requests} requests");
        text.AppendLine(culture, $"labels saved: {r.LabelsSaved} ({r.LabelsSavedPerSecond:F1}/s); save {Percentiles(r.SaveMs)}");
        text.AppendLine(culture, $"images: {r.ImageMs.Count}; image {Percentiles(r.ImageMs)}");
        text.AppendLine(culture, $"errors: {r.Errors}{(r.Errors > 0 ? " (" + string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key} {e.Value}")) + ")" : "")}");
        if (r.ServerMemory is { } m)
        {
            text.AppendLine(culture, $"server pid {m.Pid}: RSS {m.RssMb:F0} MiB, peak {m.PeakRssMb:F0} MiB");
        }

        text.AppendLine(culture,
            $"verified {v.Acknowledged} acknowledged saves on {v.Pairs} (rater, slice) pairs ({v.UncertainPairs} with an unanswered write): " +
            $"{v.Lost} lost ({v.LostLabels} labels, {v.LostAuditEntries} audit entries), " +
            $"{v.Duplicated} duplicated ({v.DuplicatedLabels} label rows, {v.DuplicatedAuditEntries} audit entries)");
        return text.ToString();
    }

    private static string Percentiles(LatencySummary s) => s.Count == 0
        ? "latency: none"
        : string.Create(CultureInfo.InvariantCulture, $"latency p50 {s.P50:F1} ms, p95 {s.P95:F1} ms, p99 {s.P99:F1} ms, max {s.Max:F1} ms");
}
