namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>A backup or restore that cannot go on; the message is one line for a person and names what to do.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
