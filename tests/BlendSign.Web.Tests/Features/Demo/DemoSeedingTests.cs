using BlendSign.Data.Accounts;
using BlendSign.Data.Demo;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Demo;

public sealed class DemoSeedingTests : IDisposable
{
    private const string Password = "Demo-password-1";

    private readonly TestDatabase _database = new();
    private readonly TempDirectory _output = new();

    [Fact]
    public async Task Demo_ThreeScans_ImportsScansAndStoresEveryRatersReadAndTheTruth()
    {
        var truthPath = _output.Combine("truth.csv");

        var (exitCode, output, error) = await RunAsync("demo", "--scans", "3", "--seed", "5", "--truth-out", truthPath);

        Assert.True(exitCode == 0, error);
        await using var db = _database.CreateDbContext();
        var scans = await db.Scans.Include(s => s.Slices).ToListAsync();
        Assert.Equal(3, scans.Count);
        Assert.All(scans, s => Assert.Equal(DemoGenerator.SeriesDescription, s.SeriesDescription));
        var slices = scans.SelectMany(s => s.Slices).ToList();

        // The truth file names exactly the imported slices.
        var truth = await TruthFile.ReadAsync(truthPath);
        Assert.Equal(slices.Select(s => s.SopInstanceUid).Order(), truth.Select(t => t.SopInstanceUid).Order());

        // Every rater read every slice; boxes only where that rater saw a hemorrhage.
        var labels = await db.SliceLabels.Include(l => l.Rater).ToListAsync();
        Assert.Equal(3 * slices.Count, labels.Count);
        Assert.Equal(["rater1", "rater2", "rater3"], labels.Select(l => l.Rater.UserName!).Distinct().Order());
        var boxes = await db.HemorrhageBoxes.ToListAsync();
        var labelOf = labels.ToDictionary(l => (l.SliceId, l.RaterId), l => l.Label);
        Assert.All(boxes, b => Assert.NotEqual(HemorrhageClass.NonIch, labelOf[(b.SliceId, b.RaterId)]));
        Assert.All(boxes, b => Assert.True(b.Left < b.Right && b.Top < b.Bottom && b.CenterX >= b.Left && b.CenterX <= b.Right));

        // The seeded reads follow the truth closely: most slices' majority is the true class.
        var trueClass = truth.ToDictionary(t => t.SopInstanceUid, t => t.TrueLabel);
        var sopOf = slices.ToDictionary(s => s.Id, s => s.SopInstanceUid);
        var agreeing = labels.GroupBy(l => l.SliceId)
            .Count(g => g.Count(l => l.Label == trueClass[sopOf[g.Key]]) >= 2);
        Assert.True(agreeing >= 0.9 * slices.Count, $"{agreeing} of {slices.Count} majorities match the truth");

        Assert.Contains($"Wrote 3 synthetic scans ({slices.Count} slices)", output);
        Assert.Contains("non_ich", output);
        Assert.Contains("rater1 (radiologist), rater2 (radiologist), rater3 (radiologist), lead (lead), reviewer (reviewer), admin (admin)", output);
        Assert.Contains("Password of the new accounts:", output);
        Assert.True(Directory.GetFiles(_database.Paths.Demo, "*.dcm", SearchOption.AllDirectories).Length == slices.Count);
    }

    [Fact]
    public async Task Demo_GeneratedPassword_SignsEveryDemoAccountIn()
    {
        var (_, output, _) = await RunAsync("demo", "--scans", "1");
        var password = output.Split('\n').Single(l => l.StartsWith("Password of the new accounts:", StringComparison.Ordinal))
            .Split(' ')[5];

        await using var context = Context();
        var services = await context.GetServicesAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (name, role) in DemoAccounts.All)
        {
            var user = await users.FindByNameAsync(name);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, password), name);
            Assert.Equal([role], await users.GetRolesAsync(user));
            Assert.DoesNotContain(password, user.PasswordHash);
        }
    }

    [Fact]
    public async Task Demo_SecondRun_RefusesAndChangesNothing()
    {
        await RunAsync("demo", "--scans", "1");
        await using var before = _database.CreateDbContext();
        var counts = (await before.Scans.CountAsync(), await before.SliceLabels.CountAsync(), await before.HemorrhageBoxes.CountAsync());

        var (exitCode, _, error) = await RunAsync("demo", "--scans", "1");

        Assert.Equal(1, exitCode);
        Assert.Contains("already seeded", error);
        await using var after = _database.CreateDbContext();
        Assert.Equal(counts, (await after.Scans.CountAsync(), await after.SliceLabels.CountAsync(), await after.HemorrhageBoxes.CountAsync()));
    }

    [Fact]
    public async Task SeedDemoIfRequested_DemoOnAndEmptyDatabase_SeedsOnceWithTheConfiguredPassword()
    {
        await using var context = Context(("BlendSign:Demo", "true"), ("BlendSign:DemoScans", "2"), ("BlendSign:DemoPassword", Password));
        var services = await context.GetServicesAsync(CancellationToken.None);

        await services.SeedDemoIfRequestedAsync();
        await services.SeedDemoIfRequestedAsync();

        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.Scans.CountAsync());
        Assert.True(File.Exists(Path.Combine(_database.Paths.Demo, "truth.csv")));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("lead"))!, Password));
    }

    [Fact]
    public async Task SeedDemoIfRequested_DemoOff_SeedsNothing()
    {
        await using var context = Context(("BlendSign:Demo", "false"));
        var services = await context.GetServicesAsync(CancellationToken.None);

        await services.SeedDemoIfRequestedAsync();

        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Scans.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public void NewPassword_TwoCalls_StrongAndDifferent()
    {
        var first = DemoAccounts.NewPassword();

        Assert.NotEqual(first, DemoAccounts.NewPassword());
        Assert.Equal(23, first.Length);
        Assert.Contains(first, char.IsAsciiDigit);
        Assert.Contains(first, char.IsAsciiLetterUpper);
        Assert.Contains(first, char.IsAsciiLetterLower);
    }

    private CliContext Context(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?>(_database.Settings);
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return new CliContext { Out = new StringWriter(), Error = new StringWriter(), In = new StringReader(""), ConfigurationOverrides = overrides };
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        await using var context = Context();
        var exitCode = await CliApplication.RunAsync(args, context);
        return (exitCode, context.Out.ToString()!, context.Error.ToString()!);
    }

    public void Dispose()
    {
        _database.Dispose();
        _output.Dispose();
    }
}
