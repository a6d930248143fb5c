namespace Hearth.Learning.Evaluation;

/// <summary>How well one predicted number follows the expected one.</summary>
public sealed record TargetScore(string Name, double Pearson, double MeanAbsoluteError, double RootMeanSquaredError);

/// <summary>How a regression model did: per target, Pearson's r, mean absolute and root mean squared error; the worst texts.</summary>
public sealed record RegressionReport(int Examples, double MeanPearson, IReadOnlyList<TargetScore> Targets, IReadOnlyList<Miss> WorstErrors)
{
    public static RegressionReport Score(IReadOnlyList<string> names, IReadOnlyList<(string Text, float[] Expected, float[] Predicted)> predictions,
        int worst = 20)
    {
        var targets = names.Select((name, k) =>
        {
            var (x, y) = (predictions.Select(p => (double)p.Predicted[k]).ToList(), predictions.Select(p => (double)p.Expected[k]).ToList());
            var errors = x.Zip(y, (a, b) => a - b).ToList();
            return new TargetScore(name, Pearson(x, y), errors.Count == 0 ? 0 : errors.Average(Math.Abs),
                errors.Count == 0 ? 0 : Math.Sqrt(errors.Average(e => e * e)));
        }).ToList();
        string Numbers(float[] values) => string.Join(",", values.Select(v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        var misses = predictions.Select(p => (p, Error: p.Expected.Zip(p.Predicted, (a, b) => Math.Abs(a - b)).Sum()))
            .OrderByDescending(x => x.Error).Take(worst)
            .Select(x => new Miss(x.p.Text, Numbers(x.p.Expected), Numbers(x.p.Predicted), x.Error)).ToList();
        return new RegressionReport(predictions.Count, targets.Count == 0 ? 0 : targets.Average(t => t.Pearson), targets, misses);
    }

    private static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2)
        {
            return 0;
        }

        var (mx, my) = (x.Average(), y.Average());
        var covariance = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var spread = Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
        return spread == 0 ? 0 : covariance / spread;
    }
}
