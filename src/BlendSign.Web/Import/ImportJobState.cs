namespace BlendSign.Web.Import;

/// <summary>Where a browser-started import stands.</summary>
public enum ImportJobState
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
