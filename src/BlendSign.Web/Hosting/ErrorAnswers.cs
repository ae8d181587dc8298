namespace BlendSign.Web.Hosting;

/// <summary>
/// What an unhandled exception answers. Pages show the error page. Routes under /api answer at once with a 5xx and a
/// JSON sentence, never a re-executed page: a client must be able to tell "maybe saved" (5xx) from "refused" (4xx), and
/// a PUT re-executed as a page would end as the not-found page's 404. A body over its limit stays the client's 413.
/// </summary>
public static class ErrorAnswers
{
    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteApiErrorAsync,
            StatusCodeSelector = StatusOf,
        }));
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                CreateScopeForErrors = true,
                StatusCodeSelector = StatusOf,
            }));
        }

        return app;
    }

    public static bool IsApi(HttpContext context) => context?.Request.Path.StartsWithSegments("/api") ?? false;

    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static Task WriteApiErrorAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new
        {
            error = context.Response.StatusCode >= 500
                ? "The server could not finish the request; it may or may not have taken effect. Try again."
                : "The request was refused.",
        });
}
