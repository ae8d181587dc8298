using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BlendSign.Data.Persistence;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks so SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetToTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
