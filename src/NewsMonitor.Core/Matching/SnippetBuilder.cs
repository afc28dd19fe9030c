using System.Buffers;

namespace NewsMonitor.Matching;

/// <summary>Cuts the sentence around a mention, at most <see cref="MaxLength"/> characters, on word boundaries.</summary>
public static class SnippetBuilder
{
    public const int MaxLength = 300;

    /// <returns>The snippet and where the mention starts inside it.</returns>
    public static (string Snippet, int Offset) Build(string text, int start, int length)
    {
        var (from, to) = Bounds(text, start, length);
        return (text[from..to], start - from);
    }

    /// <returns>Where the snippet starts and ends in <paramref name="text"/>.</returns>
    public static (int From, int To) Bounds(string text, int start, int length)
    {
        var sentenceStart = SentenceStart(text, start);
        var sentenceEnd = SentenceEnd(text, start + length);
        if (sentenceEnd - sentenceStart > MaxLength)
        {
            var room = Math.Max(0, MaxLength - length);
            var before = Math.Min(start - sentenceStart, room / 2);
            var after = Math.Min(sentenceEnd - (start + length), room - before);
            before = Math.Min(start - sentenceStart, room - after);
            sentenceStart = WordStartAtOrAfter(text, start - before, start);
            sentenceEnd = WordEndAtOrBefore(text, start + length + after, start + length);
        }

        while (sentenceStart < start && char.IsWhiteSpace(text[sentenceStart]))
        {
            sentenceStart++;
        }

        while (sentenceEnd > start + length && char.IsWhiteSpace(text[sentenceEnd - 1]))
        {
            sentenceEnd--;
        }

        return (sentenceStart, sentenceEnd);
    }

    /// <summary>Line breaks and the marks that end a sentence when a space follows; searched for with vector instructions.</summary>
    private static readonly SearchValues<char> SentenceMarks = SearchValues.Create(".!?…\n");

    // Both scans stop MaxLength away: a text without sentence ends (a 5 MB single line) must not make every mention
    // walk the whole of it.
    private static int SentenceStart(string text, int position)
    {
        var limit = Math.Max(0, position - MaxLength);
        for (var i = position; text.AsSpan(limit, i - limit).LastIndexOfAny(SentenceMarks) is >= 0 and var found;)
        {
            i = limit + found;
            if (text[i] == '\n' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static int SentenceEnd(string text, int position)
    {
        var limit = Math.Min(text.Length, position + MaxLength);
        for (var i = position; text.AsSpan(i, limit - i).IndexOfAny(SentenceMarks) is >= 0 and var found; i++)
        {
            i += found;
            if (text[i] == '\n')
            {
                return i;
            }

            if (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static int WordStartAtOrAfter(string text, int position, int limit)
    {
        if (position == 0 || char.IsWhiteSpace(text[position - 1]))
        {
            return position;
        }

        var i = position;
        while (i < limit && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int WordEndAtOrBefore(string text, int position, int limit)
    {
        if (position >= text.Length || char.IsWhiteSpace(text[position]))
        {
            return position;
        }

        var i = position;
        while (i > limit && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }
}
