using BlendSign.Model.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>Trains one fold's classifier (weighted CE, SGD with momentum and weight decay, poly schedule) and predicts.</summary>
internal sealed class FoldTrainer(IImageSource images, TrainingSettings settings, Device device, ProgressTracker tracker)
{
    /// <summary>Trains a fresh network; returns it and the last epoch's mean loss.</summary>
    public (SliceClassifier Model, double LastEpochLoss) Train(IReadOnlyList<TrainingExample> examples, int fold, CancellationToken cancellationToken)
    {
        var model = new SliceClassifier(settings.Backbone);
        try
        {
            model.to(device);
            model.train();
            using var weights = tensor(settings.ClassWeights.Select(w => (float)w).ToArray(), device: device);
            using var optimizer = optim.SGD(model.parameters(), settings.LearningRate, settings.Momentum,
                weight_decay: settings.WeightDecay);

            var batches = BatchPlan.Split(examples.Count, settings.BatchSize);
            var totalIterations = (long)settings.Epochs * batches.Count;
            // Not HashCode.Combine: its seed changes with every process, and a run must repeat with its seed.
            var shuffle = new Random(unchecked((settings.Seed * 7919) + fold));
            var order = examples.ToArray();
            var lastEpochLoss = double.NaN;
            long iteration = 0;
            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                shuffle.Shuffle(order);
                var lossSum = 0.0;
                for (var b = 0; b < batches.Count; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rate = PolySchedule.LearningRate(settings.LearningRate, iteration++, totalIterations, settings.PolyPower);
                    foreach (var group in optimizer.ParamGroups)
                    {
                        group.LearningRate = rate;
                    }

                    var loss = Step(model, optimizer, weights, order[batches[b]]);
                    lossSum += loss;
                    tracker.Report(TrainingStage.Training, fold, epoch, b + 1, batches.Count, loss, lossSum / (b + 1), rate);
                }

                lastEpochLoss = lossSum / batches.Count;
                tracker.Report(TrainingStage.EpochCompleted, fold, epoch, batches.Count, batches.Count, lastEpochLoss, lastEpochLoss,
                    PolySchedule.LearningRate(settings.LearningRate, iteration, totalIterations, settings.PolyPower));
            }

            return (model, lastEpochLoss);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Softmax probabilities per example, in the order given (evaluation mode, no gradients).</summary>
    public double[][] Predict(SliceClassifier model, IReadOnlyList<TrainingExample> examples, int fold, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var batches = BatchPlan.Split(examples.Count, settings.BatchSize);
        var probabilities = new double[examples.Count][];
        var list = examples as TrainingExample[] ?? examples.ToArray();
        for (var b = 0; b < batches.Count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var batch = list[batches[b]];
            var input = BatchTensors.Images(batch, images, settings.ImageSize, device);
            var softmax = nn.functional.softmax(model.forward(input), 1).to(float64).cpu();
            var values = softmax.data<double>().ToArray();
            var start = batches[b].Start.Value;
            for (var i = 0; i < batch.Length; i++)
            {
                probabilities[start + i] = values.AsSpan(i * SliceClassifier.ClassCount, SliceClassifier.ClassCount).ToArray();
            }

            tracker.Report(TrainingStage.Predicting, fold, settings.Epochs, b + 1, batches.Count, double.NaN, double.NaN, 0);
        }

        return probabilities;
    }

    private double Step(SliceClassifier model, optim.Optimizer optimizer, Tensor weights, TrainingExample[] batch)
    {
        using var scope = NewDisposeScope();
        var input = BatchTensors.Images(batch, images, settings.ImageSize, device);
        var target = BatchTensors.Labels(batch, device);
        var loss = WeightedCrossEntropy.Compute(model.forward(input), target, weights);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
