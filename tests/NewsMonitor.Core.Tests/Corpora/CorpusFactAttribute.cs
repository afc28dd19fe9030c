using System.Runtime.CompilerServices;

namespace NewsMonitor.Tests.Corpora;

/// <summary>
/// A fact that reads a corpus of <c>shared/corpora</c>: skipped, with the reason and where the data comes from, when
/// the corpus is not beside the repository — reported as skipped by <c>dotnet test</c> and in TRX, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string corpus, [CallerMemberName] string test = "")
    {
        Skip = SharedCorpus.SkipReason(corpus);
        DisplayName = SharedCorpus.SkippedDisplayName(corpus, test);
    }
}
