namespace BlendSign.Web.Features.Reading.Load;

public sealed record LoadAccount(string UserId, string UserName);
