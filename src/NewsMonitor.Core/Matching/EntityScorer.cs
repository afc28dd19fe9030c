namespace NewsMonitor.Matching;

/// <summary>
/// Salience of an entity in one article, in 0..1:
/// <c>0.5 · (1 − e^(−count/3)) + 0.3 · [named in the title] + 0.2 · (1 − first body offset / body length)</c>,
/// the last term counting 1 when the entity is in the title. See docs/configuration.md, "Scores".
/// </summary>
public static class EntityScorer
{
    public static double Score(int count, bool inTitle, int firstBodyOffset, int bodyLength)
    {
        var frequency = 1 - Math.Exp(-count / 3.0);
        var earliness = inTitle || bodyLength == 0 ? 1.0 : 1.0 - Math.Clamp((double)firstBodyOffset / bodyLength, 0, 1);
        var score = (0.5 * frequency) + (inTitle ? 0.3 : 0) + (0.2 * earliness);
        return Math.Round(Math.Clamp(score, 0, 1), 3);
    }
}
