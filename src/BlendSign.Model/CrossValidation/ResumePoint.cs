namespace BlendSign.Model.CrossValidation;

// Fold is 1-based, Generation 0 is the teacher; the next epoch is EpochsDone + 1.
public sealed record ResumePoint(int Fold, int Generation, int EpochsDone, int FoldsFinished);
