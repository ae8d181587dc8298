using MudBlazor;

namespace BlendSign.Web.Layout;

/// <summary>A dark theme: reading rooms are dark.</summary>
public static class BlendSignTheme
{
    public static MudTheme Dark { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Black = "#000000",
            Background = "#0b0d10",
            Surface = "#14171c",
            AppbarBackground = "#101318",
            DrawerBackground = "#101318",
            Primary = "#4ea1ff",
            Secondary = "#ffb74d",
        },
    };
}
