namespace BlendSign.Data.Gold;

public static class GoldStatusNames
{
    public static string ToWireName(this GoldStatus status) => status switch
    {
        GoldStatus.Unanimous => "unanimous",
        GoldStatus.Majority => "majority",
        GoldStatus.Adjudicated => "adjudicated",
        GoldStatus.Tie => "tie",
        GoldStatus.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown gold status."),
    };
}
