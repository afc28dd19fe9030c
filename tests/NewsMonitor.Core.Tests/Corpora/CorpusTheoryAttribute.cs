using System.Runtime.CompilerServices;

namespace NewsMonitor.Tests.Corpora;

/// <summary>
/// A theory whose rows come from a corpus of <c>shared/corpora</c>: skipped as a whole, with the reason, when the
/// corpus is absent. xunit reads the skip before it enumerates the rows, so the missing folder is never listed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string corpus, [CallerMemberName] string test = "")
    {
        Skip = SharedCorpus.SkipReason(corpus);
        DisplayName = SharedCorpus.SkippedDisplayName(corpus, test);
    }
}
