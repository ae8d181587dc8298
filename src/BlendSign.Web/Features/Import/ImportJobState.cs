namespace BlendSign.Web.Features.Import;

/// <summary>Where a browser-started import stands.</summary>
public enum ImportJobState
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
