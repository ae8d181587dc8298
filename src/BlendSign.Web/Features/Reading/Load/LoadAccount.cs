namespace BlendSign.Web.Features.Reading.Load;

/// <summary>One simulated rater's account: a radiologist named <c>load-rater-NNN</c>.</summary>
public sealed record LoadAccount(string UserId, string UserName);
