using System.Net;
using System.Net.Http.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Persistence;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Security;

/// <summary>
/// A failure inside an /api request (the database gone mid-request) answers 5xx with JSON, never a re-executed page:
/// a label write answered 404 by the not-found page would read as "refused" to a client while it may have been saved.
/// </summary>
public sealed class ErrorAnswerTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Fact]
    public async Task LabelWrite_TheDatabaseFailsInTheEndpoint_500WithJson_NotTheNotFoundPage()
    {
        var failing = new FailingDbFactoryHolder();
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => failing.Install(s)));
        await factory.CreateUserAsync("error-rater", Roles.Radiologist);
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });
        await BlendSignWebFactory.SignInAsync(client, "error-rater", BlendSignWebFactory.Password);
        var request = new HttpRequestMessage(HttpMethod.Put, ReadingApiContract.LabelPath("1.2.3"))
        {
            Content = JsonContent.Create(new LabelRequest("non_ich"), options: ReadingApiContract.Json),
        };
        request.Headers.Add(ReadingApiContract.ClientHeader, "test");
        // The session check passes; the endpoint's own query fails (and the session check of a re-executed page would pass again).
        failing.Factory!.FailCall = failing.Factory.Calls + 2;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("may or may not have taken effect", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Wraps the server's context factory so that one chosen call fails, as a dropped database connection does.</summary>
    private sealed class FailingDbFactoryHolder
    {
        public FailingDbFactory? Factory { get; private set; }

        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<BlendSignDbContext>));
            services.Remove(original);
            services.AddSingleton<IDbContextFactory<BlendSignDbContext>>(sp =>
            {
                var inner = (IDbContextFactory<BlendSignDbContext>)(original.ImplementationInstance
                    ?? original.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
                return Factory = new FailingDbFactory(inner);
            });
        }
    }

    private sealed class FailingDbFactory(IDbContextFactory<BlendSignDbContext> inner) : IDbContextFactory<BlendSignDbContext>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public int FailCall { get; set; } = -1;

        public BlendSignDbContext CreateDbContext() => Interlocked.Increment(ref _calls) == FailCall
            ? throw new InvalidOperationException("The database connection dropped (test).")
            : inner.CreateDbContext();
    }
}
