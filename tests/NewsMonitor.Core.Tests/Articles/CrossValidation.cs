namespace NewsMonitor.Tests.Articles;

/// <summary>
/// k-fold cross-validation over per-page scores: page i belongs to fold i mod k; for each fold the candidate with the
/// best F1 on the other folds is chosen (the first one on a tie, so the defaults win unless another does better), and
/// that candidate's scores on the fold's own pages are what it reports. A change that only fits the pages it was tuned
/// on scores worse here than on all pages.
/// </summary>
internal static class CrossValidation
{
    /// <param name="scores">For each candidate, the score of every page, pages in the same order for all candidates.</param>
    /// <param name="folds">How many folds (k).</param>
    public static Result Run(IReadOnlyList<IReadOnlyList<(double? Precision, double? Recall)>> scores, int folds)
    {
        if (scores.Count == 0 || scores.Any(s => s.Count != scores[0].Count) || folds < 2 || folds > scores[0].Count)
        {
            throw new ArgumentException($"{scores.Count} candidates must score the same pages, at least {folds} of them, with at least 2 folds", nameof(scores));
        }

        var heldOut = new List<(double? Precision, double? Recall)>();
        var chosen = new int[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var best = double.NegativeInfinity;
            for (var candidate = 0; candidate < scores.Count; candidate++)
            {
                var training = ShingleScore.Corpus(scores[candidate].Where((_, page) => page % folds != fold)).F1;
                if (training > best)
                {
                    (best, chosen[fold]) = (training, candidate);
                }
            }

            heldOut.AddRange(scores[chosen[fold]].Where((_, page) => page % folds == fold));
        }

        return new Result(ShingleScore.Corpus(heldOut), chosen);
    }

    /// <summary>The held-out pages' scores together, and the candidate each fold chose.</summary>
    public sealed record Result((double F1, double Precision, double Recall) HeldOut, IReadOnlyList<int> Chosen);
}
