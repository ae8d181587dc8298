using System.ComponentModel.DataAnnotations;

namespace BlendSign.Model.Network;

/// <summary>
/// The <c>BlendSign:Model:CpuFastPath</c> configuration section: whether the network may take its CPU fast path
/// (channels-last, <see cref="CpuFastPathCheck"/>) once the check has passed on this CPU, and how the check runs.
/// </summary>
public sealed class CpuFastPathOptions
{
    public const string SectionName = "BlendSign:Model:CpuFastPath";

    /// <summary>False keeps libtorch's default layout everywhere, without a check.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The server makes the decision in the background right after it starts, so that its first model does not wait
    /// for the check; false leaves it to the first model built (the web tests' short-lived servers).
    /// </summary>
    public bool CheckAtStart { get; set; } = true;

    /// <summary>
    /// The program and arguments that run the check in a child process and print its report as JSON (the web
    /// project's <c>cpu-check --json</c>, filled in by it when left empty), so that a kernel that kills its process
    /// costs the fast path, not the server. Empty: the check runs in this process.
    /// </summary>
    public string[] ProbeCommand { get; set; } = [];

    /// <summary>A check that takes longer is taken for a hang: its process is killed and the reference path used.</summary>
    [Range(5, 3600)]
    public int ProbeTimeoutSeconds { get; set; } = 300;
}
