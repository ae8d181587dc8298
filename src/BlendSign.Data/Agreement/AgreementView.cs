namespace BlendSign.Data.Agreement;

/// <summary>What the agreement pages show, computed once per <see cref="Persistence.StudyVersion"/>: the label matrix,
/// Table 2 with the default options (its 1,000 bootstrap resamples) and each rater's class counts.</summary>
public sealed record AgreementView(LabelMatrix Matrix, AgreementReport Report, IReadOnlyList<long[]> Prevalence);
