namespace BlendSign.Web.Layout.Shared;

public sealed record PageMessage(string Text, bool Error);
