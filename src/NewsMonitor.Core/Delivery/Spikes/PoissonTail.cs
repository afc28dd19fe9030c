namespace NewsMonitor.Delivery.Spikes;

/// <summary>P(X ≥ k) for a Poisson count X with mean λ: how surprising a window is if mentions kept to the baseline's rate.</summary>
public static class PoissonTail
{
    public static double AtLeast(int k, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        if (k == 0)
        {
            return 1;
        }

        // Each side is summed away from the mode, where the terms only fall: above λ the upper tail itself, below it
        // the lower tail, subtracted from one. A start that underflows to zero means a tail far below any threshold.
        if (k > lambda)
        {
            var term = Term(k, lambda);
            var sum = 0.0;
            for (var n = k; term > sum * 1e-17; n++)
            {
                sum += term;
                term *= lambda / (n + 1);
            }

            return Math.Min(1, sum);
        }

        var below = 0.0;
        var lower = Term(k - 1, lambda);
        for (var n = k - 1; n >= 0 && lower > below * 1e-17; n--)
        {
            below += lower;
            lower *= n / lambda;
        }

        return Math.Max(0, 1 - below);
    }

    /// <summary>P(X = n), from logarithms so that large n and λ do not overflow.</summary>
    private static double Term(int n, double lambda)
    {
        var logFactorial = 0.0;
        for (var i = 2; i <= n; i++)
        {
            logFactorial += Math.Log(i);
        }

        return Math.Exp(-lambda + (n * Math.Log(lambda)) - logFactorial);
    }
}
