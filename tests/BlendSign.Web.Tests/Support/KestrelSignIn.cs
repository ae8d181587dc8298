using System.Net;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Tests.Support;

/// <summary>A client of a <see cref="KestrelServer"/> signed in through the real login form, as an account the command line made.</summary>
public static class KestrelSignIn
{
    public static async Task<HttpClient> AsAsync(KestrelServer server, TestDatabase database, string userName, string role)
    {
        await using (var cli = new CliContext
        {
            Out = new StringWriter(), Error = new StringWriter(), In = new StringReader(BlendSignWebFactory.Password + "\n"),
            ConfigurationOverrides = database.Settings,
        })
        {
            var exit = await CliApplication.RunAsync(["users", "add", userName, "--role", role], cli);
            Assert.True(exit == 0, cli.Error.ToString());
        }

        var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        var page = await client.GetStringAsync("/Account/Login");
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken.Extract(page),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = BlendSignWebFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
