using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// What a person would notice went wrong in a browser context: console errors, uncaught page errors, failed requests
/// and answers of 500 or above. A workflow test watches its contexts and asserts at the end that nothing happened.
/// Requests the browser aborts itself (a navigation leaving a page, a lazy image scrolled away) are not failures.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];
    private readonly Lock _gate = new();

    public static PageProblems Watch(IBrowserContext context)
    {
        var problems = new PageProblems();
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error: {message.Text}");
            }
        };
        context.WebError += (_, error) => problems.Add($"page error: {error.Error}");
        context.RequestFailed += (_, request) =>
        {
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                problems.Add($"request failed: {request.Method} {request.Url}: {failure}");
            }
        };
        context.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                problems.Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return problems;
    }

    public void AssertNone()
    {
        lock (_gate)
        {
            Assert.True(_problems.Count == 0, "The browser saw problems:" + Environment.NewLine + string.Join(Environment.NewLine, _problems));
        }
    }

    private void Add(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
