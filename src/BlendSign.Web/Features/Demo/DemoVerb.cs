using System.CommandLine;
using BlendSign.Data.Configuration;
using BlendSign.Data.Labels;
using BlendSign.Web.Cli;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Demo;

public sealed class DemoVerb : ICliVerb
{
    public string Name => "demo";

    public Command Create(CliContext context)
    {
        var scans = new Option<int?>("--scans") { Description = "How many synthetic scans (default BlendSign:DemoScans, 40)." };
        var seed = new Option<int>("--seed")
        {
            Description = $"Seed of the phantom and the simulated raters (default {DemoSeedRequest.DefaultSeed}).",
            DefaultValueFactory = _ => DemoSeedRequest.DefaultSeed,
        };
        var truthOut = new Option<string?>("--truth-out") { Description = "Where to write sop_instance_uid,true_label (default {DataDirectory}/demo/truth.csv)." };
        var command = new Command(Name, "Seed the demo: synthetic head-CT scans as DICOM, the demo accounts and three simulated raters' reads.")
        {
            scans, seed, truthOut,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var count = parse.GetValue(scans) ?? services.GetRequiredService<IOptions<BlendSignOptions>>().Value.DemoScans;
            if (count < 1)
            {
                await context.Error.WriteLineAsync("--scans must be at least 1.");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(new DemoSeedRequest(count, parse.GetValue(seed), parse.GetValue(truthOut)), cancellationToken);
            if (!result.Seeded)
            {
                await context.Error.WriteLineAsync($"Not seeded: {result.RefusalReason}.");
                return 1;
            }

            await WriteSummaryAsync(context.Out, result);
            return 0;
        });
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, DemoSeedResult result)
    {
        var counts = result.TrueClassCounts;
        await output.WriteLineAsync($"Wrote {result.Scans} synthetic scans ({result.Slices} slices) to {result.DemoFolder}; "
            + $"imported {result.Imported}, rejected {result.Rejected}.");
        await output.WriteLineAsync($"True classes: {counts[HemorrhageClass.NonIch]} non_ich, {counts[HemorrhageClass.NormalIch]} normal_ich, "
            + $"{counts[HemorrhageClass.BlendSign]} blend_sign.");
        await output.WriteLineAsync($"Simulated reads: {result.Labels} labels and {result.Boxes} boxes by rater1, rater2, rater3.");
        await output.WriteLineAsync("Accounts: " + string.Join(", ",
            result.Accounts.Select(a => $"{a.UserName} ({a.Role}{(a.Created ? "" : ", existing, unchanged")})")) + ".");
        if (result.GeneratedPassword is { } password)
        {
            await output.WriteLineAsync($"Password of the new accounts: {password} (shown once; not stored).");
        }

        await output.WriteLineAsync($"Truth file: {result.TruthFile}");
    }
}
