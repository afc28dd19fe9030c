using System.Runtime.InteropServices;
using NewsMonitor.Articles;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Matching;

/// <summary>Writes the hits an article keeps as evidence as its mentions, in reading order, each with its sentence.</summary>
internal static class MentionWriter
{
    /// <summary>The kept hits as mentions in reading order; at one place, by entity id.</summary>
    public static List<Mention> InReadingOrder(ArticleText article, List<FoundEntity> found, List<KeptHit> kept, TermIndex index)
    {
        CollectionsMarshal.AsSpan(kept).Sort(new ReadingOrder(found));
        var mentions = new List<Mention>(kept.Count);
        var sentences = new Sentences(article);
        foreach (var (hit, entity) in kept)
        {
            var (snippet, offset) = sentences.Of(hit);
            mentions.Add(new Mention(found[entity].Id, found[entity].Kind, index.Term(hit.Term), hit.Field, hit.Start, hit.Length, snippet, offset));
        }

        return mentions;
    }

    /// <summary>
    /// The sentence of each mention, asked in reading order: a mention at the place of the one before (a figure and the
    /// topic it is evidence for) shares its sentence without looking again, and one string serves a sentence's mentions.
    /// </summary>
    private sealed class Sentences(ArticleText article)
    {
        private Hit last = new(TextField.Title, -1, 0, 0, 0);
        private (TextField Field, int From, int To) bounds = (TextField.Title, -1, -1);
        private string snippet = string.Empty;

        public (string Snippet, int Offset) Of(Hit hit)
        {
            if (hit.Field != last.Field || hit.Start != last.Start || hit.Length != last.Length)
            {
                var text = hit.Field == TextField.Title ? article.Title : article.Body;
                var (from, to) = SnippetBuilder.Bounds(text, hit.Start, hit.Length);
                if ((hit.Field, from, to) != bounds)
                {
                    bounds = (hit.Field, from, to);
                    snippet = text[from..to];
                }

                last = hit;
            }

            return (snippet, hit.Start - bounds.From);
        }
    }
}

/// <summary>An entity found in an article, with every hit that counts for it.</summary>
internal readonly record struct FoundEntity(string Id, EntityKind Kind, string Name, List<Hit> Hits);

/// <summary>A hit kept as a mention of the <see cref="Entity"/>-th entity found in the article.</summary>
internal readonly record struct KeptHit(Hit Hit, int Entity);

/// <summary>Reading order; at one place, by entity id, then the shorter hit and the term's number, so that ties never depend on the sort.</summary>
internal readonly struct ReadingOrder(List<FoundEntity> found) : IComparer<KeptHit>
{
    public int Compare(KeptHit a, KeptHit b)
        => a.Hit.Field != b.Hit.Field ? a.Hit.Field.CompareTo(b.Hit.Field)
        : a.Hit.Start != b.Hit.Start ? a.Hit.Start.CompareTo(b.Hit.Start)
        : a.Entity != b.Entity ? string.CompareOrdinal(found[a.Entity].Id, found[b.Entity].Id)
        : a.Hit.Length != b.Hit.Length ? a.Hit.Length.CompareTo(b.Hit.Length)
        : a.Hit.Term.CompareTo(b.Hit.Term);
}
