using System.Globalization;

namespace BlendSign.Data.Rendering;

/// <summary>Equality compares the windows, so a preset can key caches.</summary>
public sealed record WindowPreset
{
    private readonly Window[] _channels;

    public WindowPreset(string name, params Window[] channels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (channels.Length is not (1 or 3))
        {
            throw new ArgumentException("A preset has one window (gray) or three (red, green, blue).", nameof(channels));
        }

        if (channels.Any(c => !(c.Width > 0) || !double.IsFinite(c.Level)))
        {
            throw new ArgumentException("Every window needs a finite level and a positive width.", nameof(channels));
        }

        Name = name;
        _channels = (Window[])channels.Clone();
    }

    public string Name { get; }

    public IReadOnlyList<Window> Channels => _channels;

    public bool IsColor => _channels.Length == 3;

    public bool Equals(WindowPreset? other) =>
        other is not null && Name == other.Name && _channels.AsSpan().SequenceEqual(other._channels);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var channel in _channels)
        {
            hash.Add(channel);
        }

        return hash.ToHashCode();
    }

    /// <summary>Name and windows, culture-invariant (also what content-addressed keys hash).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({string.Join(", ", _channels.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Level:R}/{c.Width:R}")))})");
}
