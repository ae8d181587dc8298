using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Gold;
using BlendSign.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Hosting;

public class GoldExportTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Fact]
    public async Task GetGoldCsv_AsLead_SameContentAsTheExporter()
    {
        using var client = await factory.CreateClientAsync("gold-lead", Roles.Lead);

        var response = await client.GetAsync("/api/export/gold.csv");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var expected = GoldExporter.ToCsv(await factory.Services.GetRequiredService<GoldStandardService>().ComputeAsync());
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.StartsWith(GoldExporter.CsvHeader + "\n", expected);
    }

    [Fact]
    public async Task GetGoldCoco_AsAdmin_CocoDocument()
    {
        using var client = await factory.CreateClientAsync("gold-admin", Roles.Admin);

        var response = await client.GetAsync("/api/export/gold.coco.json");

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["info", "categories", "images", "annotations"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
