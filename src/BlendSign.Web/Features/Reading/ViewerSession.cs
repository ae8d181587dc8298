using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Reading;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// The local copy of the scan is updated only from what the server accepted, so the page never shows an unsaved read.
/// Blazor Server may start the next key's handler while a save is awaited, so writes pass one at a time, in order.
/// </summary>
public sealed class ViewerSession(ReadingService reading, Reader reader, ScanReading scan) : IDisposable
{
    private readonly Stack<ReadingAction> _undo = new();
    private readonly SemaphoreSlim _writes = new(1, 1);

    public ScanReading Scan { get; private set; } = scan;
    public int Index { get; private set; }
    public int? SelectedBoxId { get; private set; }

    /// <summary>Why the last change was refused; null after a change that was saved.</summary>
    public string? Error { get; private set; }

    public string? LastUndone { get; private set; }

    public SliceReading Current => Scan.Slices[Index];
    public bool CanUndo => _undo.Count > 0;
    public BoxReading? SelectedBox => Current.MyBoxes.FirstOrDefault(b => b.BoxId == SelectedBoxId);

    /// <summary>The first slice the rater has not labeled (the first slice when all are), where reading resumes.</summary>
    public int FirstUnlabeledIndex => Math.Max(0, Scan.Slices.ToList().FindIndex(s => s.MyLabel is null));

    public void MoveTo(int index)
    {
        var target = Math.Clamp(index, 0, Scan.Slices.Count - 1);
        if (target != Index)
        {
            Index = target;
            SelectedBoxId = null;
        }
    }

    public void Move(int step) => MoveTo(Index + step);

    public void Select(int? boxId) =>
        SelectedBoxId = boxId is { } id && Current.MyBoxes.Any(b => b.BoxId == id) ? id : null;

    /// <summary>With <paramref name="advance"/> the next slice shows while the label is saved.</summary>
    public Task<bool> LabelAsync(HemorrhageClass label, bool advance)
    {
        var sliceId = Current.SliceId;
        if (advance)
        {
            Move(1);
        }

        return OneAtATime(retryOnce: true, async () =>
        {
            var old = Slice(sliceId).MyLabel;
            if (!Accept(await reading.SetLabelAsync(sliceId, reader, label)))
            {
                return false;
            }

            if (old != label)
            {
                Push(new LabelChanged(sliceId, old, label));
                Replace(sliceId, s => s with { MyLabel = label, RereadRequested = false });
            }

            return true;
        });
    }

    /// <summary>Attaches the blend-sign helper to the read of the current slice (not undoable: attaching again replaces it).</summary>
    public Task<bool> AttachBlendSignAsync(BlendSignMeasurement measurement)
    {
        var sliceId = Current.SliceId;
        return OneAtATime(async () =>
        {
            if (!Accept(await reading.AttachBlendSignAsync(sliceId, reader, measurement)))
            {
                return false;
            }

            Replace(sliceId, s => s with { BlendSignMeasurement = measurement });
            return true;
        });
    }

    public Task<bool> AddBoxAsync(BoxGeometry geometry)
    {
        var sliceId = Current.SliceId;
        return OneAtATime(() => AddBoxAsync(sliceId, geometry));
    }

    private async Task<bool> AddBoxAsync(int sliceId, BoxGeometry geometry)
    {
        var outcome = await reading.AddBoxAsync(sliceId, reader, geometry);
        if (!Accept(outcome))
        {
            return false;
        }

        Push(new BoxAdded(outcome.Box!));
        Replace(outcome.Box!.SliceId, s => s with { MyBoxes = [.. s.MyBoxes, outcome.Box] });
        SelectedBoxId = outcome.Box.BoxId;
        return true;
    }

    public Task<bool> UpdateBoxAsync(int boxId, BoxGeometry geometry) => OneAtATime(async () =>
    {
        var old = Scan.Slices.SelectMany(s => s.MyBoxes).FirstOrDefault(b => b.BoxId == boxId);
        if (old is null)
        {
            return Fail("That box is not in this scan any more.");
        }

        var outcome = await reading.UpdateBoxAsync(boxId, reader, geometry);
        if (!Accept(outcome))
        {
            return false;
        }

        if (old.Geometry != outcome.Box!.Geometry)
        {
            Push(new BoxChanged(old));
            ReplaceBox(outcome.Box);
        }

        SelectedBoxId = boxId;
        return true;
    });

    public Task<bool> DeleteSelectedBoxAsync() => SelectedBox is { } box ? OneAtATime(() => DeleteBoxAsync(box)) : Task.FromResult(false);

    private async Task<bool> DeleteBoxAsync(BoxReading box)
    {
        if (!Accept(await reading.DeleteBoxAsync(box.BoxId, reader)))
        {
            return false;
        }

        Push(new BoxDeleted(box));
        RemoveBox(box);
        SelectedBoxId = null;
        return true;
    }

    public Task<bool> SetExclusionAsync(ExclusionState? exclusion) => OneAtATime(retryOnce: true, () => ChangeExclusionAsync(exclusion));

    private async Task<bool> ChangeExclusionAsync(ExclusionState? exclusion)
    {
        var old = Scan.Exclusion;
        if (!Accept(await reading.SetExclusionAsync(Scan.ScanId, reader, exclusion)))
        {
            return false;
        }

        var saved = exclusion is null ? null : exclusion with { Note = string.IsNullOrWhiteSpace(exclusion.Note) ? null : exclusion.Note.Trim() };
        if (old != saved)
        {
            Push(new ExclusionChanged(old, saved));
            Scan = Scan with { Exclusion = saved };
        }

        return true;
    }

    /// <summary>Reverts the last saved change (itself saved and audited) and shows the slice it happened on.</summary>
    public Task<bool> UndoAsync() => OneAtATime(UndoLastAsync);

    private async Task<bool> UndoLastAsync()
    {
        if (!_undo.TryPop(out var action))
        {
            return false;
        }

        var undone = action switch
        {
            LabelChanged l => await UndoLabelAsync(l),
            BoxAdded a => await UndoAddAsync(a.Box),
            BoxChanged c => await UndoChangeAsync(c.Old),
            BoxDeleted d => await UndoDeleteAsync(d.Old),
            ExclusionChanged e => await UndoExclusionAsync(e.Old),
            _ => false,
        };
        LastUndone = undone ? action.Description : null;
        return undone;
    }

    private async Task<bool> UndoLabelAsync(LabelChanged change)
    {
        var outcome = change.Old is { } old
            ? await reading.SetLabelAsync(change.SliceId, reader, old)
            : await reading.ClearLabelAsync(change.SliceId, reader);
        if (!Accept(outcome))
        {
            return false;
        }

        Replace(change.SliceId, s => s with { MyLabel = change.Old });
        ShowSlice(change.SliceId);
        return true;
    }

    private async Task<bool> UndoAddAsync(BoxReading box)
    {
        if (!Accept(await reading.DeleteBoxAsync(box.BoxId, reader)))
        {
            return false;
        }

        RemoveBox(box);
        ShowSlice(box.SliceId);
        SelectedBoxId = null;
        return true;
    }

    private async Task<bool> UndoChangeAsync(BoxReading old)
    {
        var outcome = await reading.UpdateBoxAsync(old.BoxId, reader, old.Geometry);
        if (!Accept(outcome))
        {
            return false;
        }

        ReplaceBox(outcome.Box!);
        ShowSlice(old.SliceId);
        SelectedBoxId = old.BoxId;
        return true;
    }

    private async Task<bool> UndoDeleteAsync(BoxReading old)
    {
        var outcome = await reading.RestoreBoxAsync(old, reader);
        if (!Accept(outcome))
        {
            return false;
        }

        Replace(old.SliceId, s => s with { MyBoxes = [.. s.MyBoxes, outcome.Box!] });
        ShowSlice(old.SliceId);
        SelectedBoxId = old.BoxId;
        return true;
    }

    private async Task<bool> UndoExclusionAsync(ExclusionState? old)
    {
        if (!Accept(await reading.SetExclusionAsync(Scan.ScanId, reader, old)))
        {
            return false;
        }

        Scan = Scan with { Exclusion = old };
        return true;
    }

    private Task<bool> OneAtATime(Func<Task<bool>> write) => OneAtATime(retryOnce: false, write);

    /// <param name="retryOnce">
    /// For writes that are idempotent (setting a label or an exclusion to a value): one more try after a database
    /// failure, on a fresh connection (PostgresStalePoolInterceptor empties a pool of dead ones). Others (adding a box)
    /// are not repeated: the first try may have been saved.
    /// </param>
    private async Task<bool> OneAtATime(bool retryOnce, Func<Task<bool>> write)
    {
        await _writes.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await write();
                }
                catch (Exception exception) when (DatabaseFailure.Is(exception))
                {
                    // A database restart must not end the rater's session (an unhandled exception closes the circuit).
                    if (!retryOnce || attempt > 1)
                    {
                        return Fail("Not saved: the database did not answer. Try again in a moment.");
                    }
                }
            }
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();

    private SliceReading Slice(int sliceId) => Scan.Slices.First(s => s.SliceId == sliceId);

    private bool Accept(ReadingOutcome outcome)
    {
        Error = outcome.IsSaved ? null : outcome.Message;
        LastUndone = null;
        return outcome.IsSaved;
    }

    private bool Fail(string message)
    {
        Error = message;
        return false;
    }

    private void Push(ReadingAction action) => _undo.Push(action);

    private void ShowSlice(int sliceId)
    {
        var index = Scan.Slices.ToList().FindIndex(s => s.SliceId == sliceId);
        if (index >= 0)
        {
            MoveTo(index);
        }
    }

    private void ReplaceBox(BoxReading box) =>
        Replace(box.SliceId, s => s with { MyBoxes = s.MyBoxes.Select(b => b.BoxId == box.BoxId ? box : b).ToList() });

    private void RemoveBox(BoxReading box) =>
        Replace(box.SliceId, s => s with { MyBoxes = s.MyBoxes.Where(b => b.BoxId != box.BoxId).ToList() });

    private void Replace(int sliceId, Func<SliceReading, SliceReading> change) =>
        Scan = Scan with { Slices = Scan.Slices.Select(s => s.SliceId == sliceId ? change(s) : s).ToList() };
}
