using System.Reflection;
using Xunit.Sdk;

[assembly: BlendSign.Tests.Shared.RecordRunningTest]

namespace BlendSign.Tests.Shared;

/// <summary>
/// Appends "start NAME" and "end NAME" around every test to the file that <c>BLENDSIGN_RUNNING_TEST_FILE</c> names
/// (scripts/dotnet-test-isolated.sh sets it), flushed to the disk before the test runs: when a native fault kills the
/// test host, the tests started and never ended are the ones that were running, whatever the host managed to report.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RecordRunningTestAttribute : BeforeAfterTestAttribute
{
    public const string FileVariable = "BLENDSIGN_RUNNING_TEST_FILE";
    private static readonly Lock Gate = new();

    public override void Before(MethodInfo methodUnderTest) => Append("start", methodUnderTest);

    public override void After(MethodInfo methodUnderTest) => Append("end", methodUnderTest);

    private static void Append(string what, MethodInfo method)
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        // The name the test filter knows: namespace, class (nested with '+') and method.
        var line = $"{what}\t{method.ReflectedType?.FullName}.{method.Name}\n";
        lock (Gate)
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(System.Text.Encoding.UTF8.GetBytes(line));
            file.Flush(flushToDisk: true);
        }
    }
}
