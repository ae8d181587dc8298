namespace BlendSign.Data.Reading;

/// <summary>Why a reading write was refused; <see cref="None"/> when it was saved.</summary>
public enum ReadingRefusal
{
    None,
    UnknownSlice,
    UnknownScan,
    NotAssigned,
    NotAllowed,
    UnknownClass,
    UnknownBox,
    BoxIdInUse,
    BoxOutsideImage,
    BoxInverted,
    CenterOutsideBox,
    UnknownExclusion,
    NoteRequired,
    NoteTooLong,
    NotLabeled,
}
