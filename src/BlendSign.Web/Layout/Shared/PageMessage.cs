namespace BlendSign.Web.Layout.Shared;

/// <summary>The outcome of the last action on a page: what was done, or why nothing was.</summary>
public sealed record PageMessage(string Text, bool Error);
