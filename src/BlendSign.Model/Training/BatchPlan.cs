namespace BlendSign.Model.Training;

/// <summary>Cuts a list into batches; a lone last sample joins the batch before it (batch norm needs two).</summary>
internal static class BatchPlan
{
    public static IReadOnlyList<Range> Split(int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<Range>();
        for (var start = 0; start < count; start += batchSize)
        {
            batches.Add(new Range(start, Math.Min(start + batchSize, count)));
        }

        if (batchSize > 1 && batches.Count > 1 && count % batchSize == 1)
        {
            var lastTwo = new Range(batches[^2].Start, count);
            batches.RemoveRange(batches.Count - 2, 2);
            batches.Add(lastTwo);
        }

        return batches;
    }
}
