using System.Globalization;

namespace NewsMonitor.Watchlists.Queries;

/// <summary>
/// Parses the watchlist query language: terms, "phrases", AND / OR / NOT, parentheses, NEAR/n,
/// trailing * prefixes, title: and @figure-id. Adjacent operands without an operator are ANDed.
/// Precedence, loosest first: OR, AND, NOT, NEAR.
/// </summary>
/// <remarks>
/// A chain of one operator becomes one node however long it is (<see cref="QueryNode"/>); only '(' and NOT nest, and at
/// most <see cref="MaxDepth"/> deep, so parsing, evaluating and comparing a query never recurse further than that.
/// </remarks>
public static class QueryParser
{
    /// <summary>
    /// How many '(' and NOT may enclose a term. Real queries use two or three; the limit keeps every walk over a query
    /// shallow whatever a watchlist holds (50,000 nested parentheses once overflowed the stack).
    /// </summary>
    public const int MaxDepth = 32;

    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var state = new State(query);
        if (state.AtEnd)
        {
            throw new QuerySyntaxException(1, "the query is empty");
        }

        var node = ParseOr(state);
        if (!state.AtEnd)
        {
            var (column, text) = state.PeekToken();
            throw new QuerySyntaxException(column, text == ")" ? "unexpected ')' without a matching '('" : $"unexpected '{text}'");
        }

        return node;
    }

    private static QueryNode ParseOr(State state)
    {
        var operands = new List<QueryNode> { ParseAnd(state) };
        while (state.TryKeyword("OR"))
        {
            operands.Add(ParseAnd(state));
        }

        return operands.Count == 1 ? operands[0] : new OrNode(operands);
    }

    private static QueryNode ParseAnd(State state)
    {
        var operands = new List<QueryNode> { ParseNot(state) };
        while (state.TryKeyword("AND") || (!state.AtEnd && !state.IsKeyword("OR") && state.Peek() != ')'))
        {
            operands.Add(ParseNot(state));
        }

        return operands.Count == 1 ? operands[0] : new AndNode(operands);
    }

    /// <summary>Reads a run of NOTs in a loop, so a long run is refused at the level that exceeds the limit rather than overflowing the stack.</summary>
    private static QueryNode ParseNot(State state)
    {
        var nots = 0;
        while (state.IsKeyword("NOT"))
        {
            state.Enter(state.Column);
            state.TryKeyword("NOT");
            nots++;
        }

        var node = ParseNear(state);
        for (var i = 0; i < nots; i++)
        {
            node = new NotNode(node);
            state.Leave();
        }

        return node;
    }

    private static QueryNode ParseNear(State state)
    {
        var first = ParsePrimary(state);
        if (!state.TryNear(out var distance))
        {
            return first;
        }

        var operands = new List<QueryNode> { first };
        var distances = new List<int>();
        do
        {
            distances.Add(distance);
            operands.Add(ParsePrimary(state));
        }
        while (state.TryNear(out distance));

        return new NearNode(operands, distances);
    }

    private static QueryNode ParsePrimary(State state)
    {
        state.SkipSpace();
        if (state.AtEnd)
        {
            throw new QuerySyntaxException(state.Column, "expected a term, a \"phrase\", '(' or @figure at the end of the query");
        }

        var column = state.Column;
        foreach (var keyword in (string[])["AND", "OR", "NEAR"])
        {
            if (state.IsKeyword(keyword))
            {
                throw new QuerySyntaxException(column, $"expected a term before {keyword}");
            }
        }

        var c = state.Peek();
        if (c == '(')
        {
            state.Enter(column);
            state.Advance();
            var inner = ParseOr(state);
            state.SkipSpace();
            if (state.AtEnd || state.Peek() != ')')
            {
                throw new QuerySyntaxException(state.Column, "expected ')'");
            }

            state.Advance();
            state.Leave();
            return inner;
        }

        if (c == ')')
        {
            throw new QuerySyntaxException(column, "expected a term before ')'");
        }

        if (c == '@')
        {
            state.Advance();
            var id = state.ReadWord();
            if (id.Length == 0)
            {
                throw new QuerySyntaxException(column, "expected a figure id after '@'");
            }

            return new FigureNode(id, column);
        }

        var titleOnly = state.TryTitleScope();
        return ParseTerm(state, titleOnly);
    }

    private static TermNode ParseTerm(State state, bool titleOnly)
    {
        var column = state.Column;
        if (!state.AtEnd && state.Peek() == '"')
        {
            state.Advance();
            var phrase = state.ReadUntilQuote();
            if (phrase is null)
            {
                throw new QuerySyntaxException(column, "unterminated \"phrase\"");
            }

            if (phrase.Trim().Length == 0)
            {
                throw new QuerySyntaxException(column, "empty \"phrase\"");
            }

            return new TermNode(phrase.Trim(), state.TryStar(), titleOnly);
        }

        var word = state.ReadWord();
        if (word.Length == 0)
        {
            throw new QuerySyntaxException(column, $"unexpected '{state.Peek()}'");
        }

        var prefix = word.EndsWith('*');
        var text = prefix ? word[..^1] : word;
        if (text.Length == 0 || text.Contains('*', StringComparison.Ordinal))
        {
            throw new QuerySyntaxException(column, "'*' is allowed only at the end of a term, after at least one letter");
        }

        return new TermNode(text, prefix, titleOnly);
    }

    private sealed class State(string text)
    {
        private int position;
        private int depth;

        public int Column => position + 1;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return position >= text.Length;
            }
        }

        public char Peek() => text[position];

        /// <summary>One more '(' or NOT encloses what follows; <paramref name="column"/> is where it stands.</summary>
        public void Enter(int column)
        {
            if (++depth > MaxDepth)
            {
                throw new QuerySyntaxException(column, $"nested too deeply: at most {MaxDepth} levels of '(' and NOT may enclose a term");
            }
        }

        public void Leave() => depth--;

        public void Advance() => position++;

        public void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        public (int Column, string Text) PeekToken()
        {
            SkipSpace();
            var start = position;
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return (start + 1, text[start..Math.Max(end, start + 1)]);
        }

        public bool IsKeyword(string keyword)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, position, keyword, 0, keyword.Length) != 0)
            {
                return false;
            }

            var end = position + keyword.Length;
            // A keyword right before ')' is still a keyword, so "(a AND)" is reported rather than read as the term "AND".
            return keyword == "NEAR"
                ? end < text.Length && text[end] == '/'
                : end >= text.Length || char.IsWhiteSpace(text[end]) || text[end] is '(' or ')' or '"' or '@';
        }

        public bool TryKeyword(string keyword)
        {
            if (!IsKeyword(keyword))
            {
                return false;
            }

            position += keyword.Length;
            if (AtEnd || Peek() == ')')
            {
                throw new QuerySyntaxException(Column, $"expected a term after {keyword}");
            }

            return true;
        }

        public bool TryNear(out int distance)
        {
            distance = 0;
            if (!IsKeyword("NEAR"))
            {
                return false;
            }

            position += "NEAR/".Length;
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == start || !int.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out distance) || distance < 1 || distance > 1000)
            {
                throw new QuerySyntaxException(start + 1, "expected a distance from 1 to 1000 after NEAR/");
            }

            if (AtEnd || Peek() == ')')
            {
                throw new QuerySyntaxException(Column, "expected a term after NEAR");
            }

            return true;
        }

        public bool TryTitleScope()
        {
            if (string.CompareOrdinal(text, position, "title:", 0, 6) != 0)
            {
                return false;
            }

            position += 6;
            if (position >= text.Length || char.IsWhiteSpace(text[position]) || text[position] is '(' or ')')
            {
                throw new QuerySyntaxException(Column, "expected a term or \"phrase\" right after title:");
            }

            return true;
        }

        public bool TryStar()
        {
            if (position < text.Length && text[position] == '*')
            {
                position++;
                return true;
            }

            return false;
        }

        public string ReadWord()
        {
            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')' or '"'))
            {
                position++;
            }

            return text[start..position];
        }

        public string? ReadUntilQuote()
        {
            var end = text.IndexOf('"', position);
            if (end < 0)
            {
                return null;
            }

            var phrase = text[position..end];
            position = end + 1;
            return phrase;
        }
    }
}
