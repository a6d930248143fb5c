using Hearth.Learning.Heads;

namespace Hearth.Learning.Evaluation;

/// <summary>
/// Temperature scaling (Guo et al., 2017): the one number T that, dividing the logits, minimises the negative
/// log-likelihood of held-out data, so that confidences match accuracy; and the expected calibration error that shows it.
/// </summary>
public static class Calibration
{
    /// <summary>The temperature, searched over 0.05–20 on a log scale, then refined.</summary>
    public static double FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<float[]> targets, Objective objective)
    {
        double Loss(double t) => logits.Select((z, i) => NegativeLogLikelihood(z, targets[i], t, objective)).Sum();
        var step = Math.Log(20 / 0.05) / 80;
        var best = Enumerable.Range(0, 81).Select(i => Math.Log(0.05) + (i * step)).MinBy(x => Loss(Math.Exp(x)));
        var (low, high) = (best - step, best + step); // then a golden-section search within one grid step either side
        for (var round = 0; round < 30; round++)
        {
            var (a, b) = (high - (0.618 * (high - low)), low + (0.618 * (high - low)));
            (low, high) = Loss(Math.Exp(a)) < Loss(Math.Exp(b)) ? (low, b) : (a, high);
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>Expected calibration error of single-label predictions: |confidence − accuracy| over 10 equal-width bins, weighted.</summary>
    public static double ExpectedError(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        var bins = new (double Confidence, double Right, int Count)[10];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            var best = Array.IndexOf(p, p.Max());
            var bin = Math.Min(9, (int)(p[best] * 10));
            bins[bin] = (bins[bin].Confidence + p[best], bins[bin].Right + (best == labels[i] ? 1 : 0), bins[bin].Count + 1);
        }

        return probabilities.Count == 0 ? 0 : bins.Sum(b => Math.Abs(b.Confidence - b.Right)) / probabilities.Count;
    }

    private static double NegativeLogLikelihood(float[] logits, float[] target, double t, Objective objective)
    {
        if (objective == Objective.MultiLabel)
        {
            return logits.Select((z, c) => (z / t, target[c])).Sum(x =>
                -((x.Item2 * LogSigmoid(x.Item1)) + ((1 - x.Item2) * LogSigmoid(-x.Item1))));
        }

        var max = logits.Max() / t;
        var logSum = max + Math.Log(logits.Sum(z => Math.Exp((z / t) - max)));
        return -logits.Select((z, c) => target[c] * ((z / t) - logSum)).Sum();
    }

    private static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));
}
