using System.Buffers.Binary;
using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Model.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Review;

/// <summary><c>GET /api/runs/{runId}/gradcam/{sop}</c> on a real run: the overlay PNG for the unblinded roles, nothing for raters.</summary>
public sealed class GradCamEndpointTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private static readonly TrainingSettings Tiny = new()
    {
        Folds = 2, Epochs = 1, ImageSize = 32, BatchSize = 4, Backbone = "tiny_cnn", Detection = false, Distillation = false, Seed = 3, Threads = 1,
    };

    private async Task<(int RunId, string Sop)> TrainAsync()
    {
        var run = await FactoryRuns.TrainAsync(factory, Tiny);
        return (run.RunId, run.Sop);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Reviewer)]
    public async Task Get_UnblindedRole_PngOfTheSliceSize(string role)
    {
        var (runId, sop) = await TrainAsync();
        using var client = await factory.CreateClientAsync($"gradcam-{role}", role);

        var response = await client.GetAsync($"/api/runs/{runId}/gradcam/{sop}?class=blend_sign");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal(TrainingData.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(TrainingData.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task Get_Radiologist_Forbidden_Anonymous_Unauthorized()
    {
        var (runId, sop) = await TrainAsync();
        using var rater = await factory.CreateClientAsync("gradcam-rater", Roles.Radiologist);
        using var anonymous = await factory.CreateClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await rater.GetAsync($"/api/runs/{runId}/gradcam/{sop}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/runs/{runId}/gradcam/{sop}")).StatusCode);
    }

    [Fact]
    public async Task Get_SliceNotInTheRunOrUnknownClass_NotFoundAndBadRequestWithReasons()
    {
        var (runId, sop) = await TrainAsync();
        using var lead = await factory.CreateClientAsync("gradcam-lead2", Roles.Lead);

        var missing = await lead.GetAsync($"/api/runs/{runId}/gradcam/9.9.9");
        var badClass = await lead.GetAsync($"/api/runs/{runId}/gradcam/{sop}?class=tumour");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no out-of-fold prediction", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badClass.StatusCode);
    }
}
