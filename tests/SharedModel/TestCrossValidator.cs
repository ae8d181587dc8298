using BlendSign.Model.CrossValidation;
using BlendSign.Model.Network;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlendSign.Tests.Shared;

/// <summary>
/// A <see cref="CrossValidator"/> as the app builds one, with one <see cref="CpuFastPathGuard"/> for the test process
/// (the app also decides once per process): the check runs in this process, at the first training of the run.
/// </summary>
public static class TestCrossValidator
{
    public static CpuFastPathGuard Guard { get; } = new(
        Options.Create(new CpuFastPathOptions()), new InProcessCpuFastPathProbe(), NullLogger<CpuFastPathGuard>.Instance);

    public static CrossValidator Create() => new(NullLogger<CrossValidator>.Instance, Guard);
}
