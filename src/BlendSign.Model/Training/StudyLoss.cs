using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>L = L_wce + λ1·L_det + λ2·KL(teacher ‖ student), each term present only when its branch or teacher is.</summary>
public static class StudyLoss
{
    /// <summary>Center log loss over every grid position plus distance L1 over the center positions (0 when no box).</summary>
    /// <param name="detection">N×5×G×G: center logit, left, right, top, bottom.</param>
    /// <param name="center">N×1×G×G center map in [0,1].</param>
    /// <param name="distances">N×4×G×G target distances (used where <paramref name="mask"/> is 1).</param>
    /// <param name="mask">N×1×G×G: 1 at center positions.</param>
    public static Tensor Detection(Tensor detection, Tensor center, Tensor distances, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var centerLoss = nn.functional.binary_cross_entropy_with_logits(detection.narrow(1, 0, 1), center);
        var error = (detection.narrow(1, 1, 4) - distances).abs() * mask;
        var positions = mask.sum() * 4;
        var l1 = error.sum() / positions.clamp_min(1);
        return (centerLoss + l1).MoveToOuterDisposeScope();
    }

    /// <summary>KL(teacher ‖ student) = Σ p_t·(log p_t − log p_s) per sample, averaged over the batch (0·log 0 = 0).</summary>
    /// <param name="studentLogits">N×3 logits.</param>
    /// <param name="teacherProbabilities">N×3 softmax probabilities of the teacher.</param>
    public static Tensor Distillation(Tensor studentLogits, Tensor teacherProbabilities)
    {
        using var scope = NewDisposeScope();
        var logStudent = nn.functional.log_softmax(studentLogits, 1);
        var logTeacher = teacherProbabilities.clamp_min(1e-12).log();
        var kl = (teacherProbabilities * (logTeacher - logStudent)).sum(1).mean();
        return kl.MoveToOuterDisposeScope();
    }

    public static LossTerms Total(Tensor classification, Tensor? detection, Tensor? distillation, double detectionWeight, double distillationWeight)
    {
        var total = classification;
        if (detection is not null)
        {
            total = total + detection * detectionWeight;
        }

        if (distillation is not null)
        {
            total = total + distillation * distillationWeight;
        }

        return new LossTerms(total, classification.item<float>(), detection?.item<float>(), distillation?.item<float>());
    }
}

public sealed record LossTerms(Tensor Total, double Classification, double? Detection, double? Distillation);
