namespace NewsMonitor.Matching;

/// <summary>One word of a text: its span in the original string, its folded form and its exact (case-kept) form.</summary>
/// <remarks>Folded = NFKD without marks, lower-cased, ignorable joiners dropped; Exact keeps case for case-sensitive aliases.</remarks>
public readonly record struct Token(int Start, int Length, string Folded, string Exact);
