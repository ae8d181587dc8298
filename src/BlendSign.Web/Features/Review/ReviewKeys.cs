using BlendSign.Data.Labels;
using BlendSign.Web.Features.Reading;

namespace BlendSign.Web.Features.Review;

public enum ReviewCommand
{
    None,
    Keep,
    StartChange,
    PickClass,
    Reread,
    Undo,
    Cancel,
    Next,
    Previous,
    NextWindow,
    ToggleGradCam,
    ToggleModelBoxes,
}

/// <summary>One table drives both the key handling and the legend.</summary>
public static class ReviewKeys
{
    public static IReadOnlyList<(string Key, HemorrhageClass Class)> Classes { get; } =
        [("1", HemorrhageClass.NonIch), ("2", HemorrhageClass.NormalIch), ("3", HemorrhageClass.BlendSign)];

    /// <summary>The letters this page keeps for itself; the viewer's windows and tools of these letters stay on their buttons.</summary>
    public static IReadOnlySet<string> PageKeys { get; } = new HashSet<string>(["k", "c", "r", "u", "w", "g", "m"]);

    public static IReadOnlyList<(string[] Keys, string Action)> Legend { get; } =
    [
        (["K"], "keep the gold label"),
        (["C", "1 / 2 / 3", "reason", "Enter"], "change it to non_ich / normal_ich / blend_sign (a reason is required)"),
        (["R"], "send back to the raters for a re-read"),
        (["U"], "undo your last decision"),
        (["Esc"], "cancel a change"),
        (["↑", "↓"], "previous / next slice"),
        (["W"], "next window (" + string.Join(" / ", ViewerKeys.Windows.Select(w => w.Name)) + ")"),
        (["G"], "Grad-CAM overlay on / off"),
        (["M"], "the model's boxes on / off"),
        (["right drag"], "window; the viewer's other keys as on its buttons"),
    ];

    /// <summary>The command for <paramref name="key"/>; <paramref name="changing"/>: a change was started and waits for its class.</summary>
    public static (ReviewCommand Command, HemorrhageClass? Class) Map(string key, bool changing)
    {
        if (key == "Escape")
        {
            return (ReviewCommand.Cancel, null);
        }

        if (changing)
        {
            foreach (var (classKey, label) in Classes)
            {
                if (key == classKey)
                {
                    return (ReviewCommand.PickClass, label);
                }
            }

            return (ReviewCommand.None, null);
        }

        return (key.ToLowerInvariant() switch
        {
            "k" => ReviewCommand.Keep,
            "c" => ReviewCommand.StartChange,
            "r" => ReviewCommand.Reread,
            "u" => ReviewCommand.Undo,
            "w" => ReviewCommand.NextWindow,
            "g" => ReviewCommand.ToggleGradCam,
            "m" => ReviewCommand.ToggleModelBoxes,
            "arrowdown" or "arrowright" => ReviewCommand.Next,
            "arrowup" or "arrowleft" => ReviewCommand.Previous,
            _ => ReviewCommand.None,
        }, null);
    }
}
