using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Training;

public class StudyLossTests
{
    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    // Binary log loss of a logit z against a target t: −t·log σ(z) − (1 − t)·log(1 − σ(z)) = softplus(z) − t·z.
    private static double LogLoss(double z, double t) => Softplus(z) - t * z;

    [Fact]
    public void Detection_OneImageTwoByTwoGrid_EqualsHandComputedLoss()
    {
        // Channel 0 (center logits) over the 4 cells, then left, right, top, bottom per cell.
        float[] center = [2f, -1f, 0f, 0.5f];
        float[] left = [0.3f, 0f, 0f, 0f], right = [0.1f, 0f, 0f, 0f], top = [0.2f, 0f, 0f, 0f], bottom = [0.4f, 0f, 0f, 0f];
        using var detection = tensor(center.Concat(left).Concat(right).Concat(top).Concat(bottom).ToArray(), [1, 5, 2, 2]);
        using var heat = tensor(new[] { 1f, 0.5f, 0f, 0.25f }, [1, 1, 2, 2]);
        using var distances = tensor(new[] { 0.1f, 9f, 9f, 9f, 0.3f, 9f, 9f, 9f, 0.2f, 9f, 9f, 9f, 0.1f, 9f, 9f, 9f }, [1, 4, 2, 2]);
        using var mask = tensor(new[] { 1f, 0f, 0f, 0f }, [1, 1, 2, 2]);
        var centerLoss = (LogLoss(2, 1) + LogLoss(-1, 0.5) + LogLoss(0, 0) + LogLoss(0.5, 0.25)) / 4;
        // Only cell 0 is a center: |0.3−0.1| + |0.1−0.3| + |0.2−0.2| + |0.4−0.1| = 0.7 over 4 distances.
        var expected = centerLoss + 0.7 / 4;

        using var loss = StudyLoss.Detection(detection, heat, distances, mask);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Detection_NoCenter_IsTheCenterLogLossAlone()
    {
        using var detection = tensor(new[] { 0f, 1f, 2f, 3f, 4f }, [1, 5, 1, 1]);
        using var heat = zeros(1, 1, 1, 1);
        using var distances = ones(1, 4, 1, 1);
        using var mask = zeros(1, 1, 1, 1);

        using var loss = StudyLoss.Detection(detection, heat, distances, mask);

        Assert.Equal(Math.Log(2), loss.item<float>(), 5);
    }

    [Fact]
    public void Distillation_TwoSamples_EqualsHandComputedKl()
    {
        using var student = tensor(new[] { 1f, 0f, 0f, 0f, 0f, 2f }, [2, 3]);
        using var teacher = tensor(new[] { 0.7f, 0.2f, 0.1f, 0f, 0.5f, 0.5f }, [2, 3]);
        double[] q1 = Softmax(1, 0, 0), q2 = Softmax(0, 0, 2);
        var kl1 = 0.7 * Math.Log(0.7 / q1[0]) + 0.2 * Math.Log(0.2 / q1[1]) + 0.1 * Math.Log(0.1 / q1[2]);
        var kl2 = 0.5 * Math.Log(0.5 / q2[1]) + 0.5 * Math.Log(0.5 / q2[2]); // 0·log 0 = 0
        using var loss = StudyLoss.Distillation(student, teacher);

        Assert.Equal((kl1 + kl2) / 2, loss.item<float>(), 5);
    }

    [Fact]
    public void Distillation_StudentEqualsTeacher_IsZero()
    {
        using var logits = tensor(new[] { 0.3f, -1f, 2f }, [1, 3]);
        using var teacher = nn.functional.softmax(logits, 1);

        using var loss = StudyLoss.Distillation(logits, teacher);

        Assert.Equal(0, loss.item<float>(), 6);
    }

    [Fact]
    public void Total_AllTerms_IsWceplusLambda1DetPlusLambda2Kl()
    {
        using var wce = tensor(0.5f);
        using var det = tensor(0.25f);
        using var kl = tensor(0.125f);

        var terms = StudyLoss.Total(wce, det, kl, detectionWeight: 1, distillationWeight: 10);

        Assert.Equal(0.5 + 0.25 + 1.25, terms.Total.item<float>(), 6);
        Assert.Equal(0.25, terms.Detection);
        Assert.Null(StudyLoss.Total(wce, null, null, 1, 10).Distillation);
    }

    private static double[] Softmax(params double[] x)
    {
        var e = x.Select(Math.Exp).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }
}
