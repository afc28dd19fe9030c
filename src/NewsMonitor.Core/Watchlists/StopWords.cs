using NewsMonitor.Matching;

namespace NewsMonitor.Watchlists;

/// <summary>
/// The most frequent function words of the languages articles come in, which as a figure's name or alias would match
/// almost every article. Compared folded, the way matching compares ("über" and "Uber" are one word to the matcher).
/// </summary>
/// <remarks>
/// A modest subset of the Snowball project's stop-word lists (https://snowballstem.org/algorithms/, the
/// <c>stop.txt</c> of the English, German, French, Spanish, Italian, Portuguese and Dutch stemmers, BSD licence):
/// articles, pronouns, prepositions, conjunctions and auxiliaries that head their frequency lists. It is kept short on
/// purpose: every word here refuses an alias someone might mean, so only words no article can avoid belong in it.
/// </remarks>
internal static class StopWords
{
    private static readonly string[] English =
    [
        "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by", "can",
        "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "no", "not", "of", "on", "only", "or", "our",
        "out", "over", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why",
        "will", "with", "would", "you", "your",
    ];

    private static readonly string[] German =
    [
        "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "das", "dass", "dem", "den", "der", "des", "die", "du",
        "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "für", "hat", "haben", "ich", "ihr", "im", "in",
        "ist", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie", "sind", "so", "über", "und", "unter", "vom",
        "von", "vor", "war", "wenn", "werden", "wie", "wir", "wird", "zu", "zum", "zur",
    ];

    private static readonly string[] French =
    [
        "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et", "été",
        "il", "ils", "je", "la", "le", "les", "leur", "mais", "ne", "nous", "on", "ou", "par", "pas", "plus", "pour", "qu",
        "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous",
    ];

    private static readonly string[] Spanish =
    [
        "al", "como", "con", "de", "del", "el", "él", "ella", "ellos", "en", "entre", "es", "esa", "ese", "esta", "este",
        "fue", "ha", "han", "la", "las", "le", "les", "lo", "los", "más", "muy", "no", "nos", "para", "pero", "por",
        "que", "se", "sin", "sobre", "son", "su", "sus", "un", "una", "unas", "unos", "yo",
    ];

    private static readonly string[] Italian =
    [
        "al", "alla", "anche", "che", "come", "con", "da", "dei", "del", "della", "delle", "di", "è", "fra", "gli", "ha",
        "hanno", "il", "in", "la", "le", "lo", "ma", "nel", "nella", "non", "per", "più", "si", "sono", "su", "tra",
        "un", "una", "uno",
    ];

    private static readonly string[] Portuguese =
    [
        "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "ela", "ele", "eles", "em", "foi", "mais",
        "mas", "na", "não", "nas", "no", "nos", "os", "ou", "para", "por", "que", "se", "sem", "seu", "sua", "são", "um",
        "uma",
    ];

    private static readonly string[] Dutch =
    [
        "aan", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "het", "heeft", "hij",
        "ik", "in", "is", "je", "maar", "met", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot", "uit",
        "van", "voor", "was", "werd", "wij", "wordt", "ze", "zij", "zijn",
    ];

    /// <summary>Folded form → the word as listed, so an error can say which word a name collides with.</summary>
    private static readonly Dictionary<string, string> Folded = English.Concat(German).Concat(French).Concat(Spanish)
        .Concat(Italian).Concat(Portuguese).Concat(Dutch)
        .DistinctBy(Fold)
        .ToDictionary(Fold, word => word, StringComparer.Ordinal);

    /// <summary>The stop word that the single folded word <paramref name="folded"/> is, or null.</summary>
    public static string? Find(string folded) => Folded.GetValueOrDefault(folded);

    private static string Fold(string word) => string.Concat(Tokenizer.FoldedWords(word));
}
