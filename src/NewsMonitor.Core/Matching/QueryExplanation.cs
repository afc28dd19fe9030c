using NewsMonitor.Watchlists;

namespace NewsMonitor.Matching;

/// <summary>Why a topic or alert rule did or did not match an article: its query as a tree of clauses, each with its outcome.</summary>
public sealed record QueryExplanation(string EntityId, EntityKind Kind, string Query, bool Matched, ClauseExplanation Clause);

/// <summary>One clause: a term, phrase or @figure with its number of hits, or an operator over its clauses.</summary>
public sealed record ClauseExplanation(string Clause, bool Matched, int Hits, IReadOnlyList<ClauseExplanation> Clauses);
