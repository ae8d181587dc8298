using System.ComponentModel.DataAnnotations;

namespace BlendSign.Model.Network;

/// <summary>The <c>BlendSign:Model:CpuFastPath</c> section.</summary>
public sealed class CpuFastPathOptions
{
    public const string SectionName = "BlendSign:Model:CpuFastPath";

    /// <summary>False keeps libtorch's default layout everywhere, without a check.</summary>
    public bool Enabled { get; set; } = true;

    // Decided in the background right after the server starts, so its first model does not wait for the check; false
    // leaves it to the first model built (the web tests' short-lived servers).
    public bool CheckAtStart { get; set; } = true;

    // In a child process (the web project fills in its own cpu-check --json), so that a kernel that kills its process
    // costs the fast path, not the server. Empty: the check runs in this process.
    public string[] ProbeCommand { get; set; } = [];

    /// <summary>A check that takes longer is taken for a hang: its process is killed and the reference path used.</summary>
    [Range(5, 3600)]
    public int ProbeTimeoutSeconds { get; set; } = 300;
}
