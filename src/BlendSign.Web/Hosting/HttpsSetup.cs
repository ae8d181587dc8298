using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Hosting;

/// <summary>Forwarded headers from a trusted proxy and HSTS on HTTPS answers (<see cref="HttpsOptions"/>).</summary>
public static class HttpsSetup
{
    public static IHostApplicationBuilder AddBlendSignHttps(this IHostApplicationBuilder builder)
    {
        var https = builder.Configuration.GetSection(HttpsOptions.SectionName).Get<HttpsOptions>() ?? new HttpsOptions();
        builder.Services.Configure<HttpsOptions>(builder.Configuration.GetSection(HttpsOptions.SectionName));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in https.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromSeconds(https.HstsMaxAgeSeconds));
        return builder;
    }

    public static WebApplication UseBlendSignHttps(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        // Only HTTPS answers carry it (UseHsts skips plain HTTP and localhost names).
        app.UseHsts();
        return app;
    }
}
