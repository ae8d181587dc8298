namespace BlendSign.Data.Reading;

/// <summary>What a reading write did: saved (with the box it saved, for box writes) or refused with a message; a refusal changes nothing.</summary>
public sealed record ReadingOutcome(ReadingRefusal Refusal, string? Message, BoxReading? Box = null)
{
    public static ReadingOutcome Saved { get; } = new(ReadingRefusal.None, null);

    public bool IsSaved => Refusal == ReadingRefusal.None;

    public static ReadingOutcome SavedBox(BoxReading box) => new(ReadingRefusal.None, null, box);

    public static ReadingOutcome Refused(ReadingRefusal refusal, string message) => new(refusal, message);
}
