using System.CommandLine;
using BlendSign.Data.Agreement;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Agreement;

public sealed class AgreementVerb : ICliVerb
{
    public string Name => "agreement";

    public Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var resamples = new Option<int>("--resamples")
        {
            Description = "Bootstrap resamples of scans behind each 95% interval (0: none).",
            DefaultValueFactory = _ => AgreementOptions.DefaultResamples,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The bootstrap's seed.",
            DefaultValueFactory = _ => AgreementOptions.DefaultSeed,
        };
        var command = new Command(Name, "Inter-rater agreement per class and overall: percent agreement, Cohen's and Fleiss' kappa.")
        {
            json, resamples, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(resamples) < 0)
            {
                await context.Error.WriteLineAsync("--resamples cannot be negative.");
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            var report = await services.GetRequiredService<AgreementService>()
                .ComputeAsync(new AgreementOptions(parse.GetValue(resamples), parse.GetValue(seed)), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, report);
            }
            else
            {
                await context.Out.WriteAsync(AgreementTextTable.Format(report));
            }

            return 0;
        });
        return command;
    }
}
