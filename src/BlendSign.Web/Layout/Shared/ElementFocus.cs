using Microsoft.AspNetCore.Components;

namespace BlendSign.Web.Layout.Shared;

public static class ElementFocus
{
    /// <summary>Moves the focus to the element; nothing while prerendering or once the element is no longer rendered.</summary>
    public static async Task FocusIfRenderedAsync(this ElementReference element)
    {
        try
        {
            await element.FocusAsync();
        }
        catch (InvalidOperationException)
        {
            // Prerendering, or the element is gone (a queue emptied): nothing to focus.
        }
    }
}
