namespace BlendSign.Web.Features.Import;

public enum ImportJobState
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
