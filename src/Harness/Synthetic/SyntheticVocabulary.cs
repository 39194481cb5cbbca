namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// A SentencePiece-style (<c>tokenizer.ggml.model = "llama"</c>) vocabulary built without randomness:
/// <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>, the 256 byte tokens <c>&lt;0x00&gt;</c>..<c>&lt;0xFF&gt;</c> (byte fallback,
/// newline), single characters (so prompts seldom fall back to bytes), then English-looking word pieces with a
/// leading U+2581, each preceded by all its shorter prefixes (the tokenizer reaches a word only through merges of
/// pieces that are themselves in the vocabulary). Generated text therefore comes out as words.
/// </summary>
public sealed class SyntheticVocabulary
{
    public const int Unknown = 0;
    public const int Bos = 1;
    public const int Eos = 2;

    public const int TypeNormal = 1;
    public const int TypeUnknown = 2;
    public const int TypeControl = 3;
    public const int TypeByte = 6;

    /// <summary>The SentencePiece word boundary, U+2581.</summary>
    public const char WordBoundary = '\u2581';

    /// <summary>Specials, bytes and single characters take this many entries; a vocabulary needs more than that.</summary>
    public const int MinimumSize = 512;

    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
        "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were", "their",
        "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
        "no", "what", "up", "out", "about", "into", "than", "them", "some", "could", "time", "these", "two", "may",
        "then", "do", "first", "any", "my", "now", "such", "like", "our", "over", "man", "me", "even", "most", "made",
        "after", "also", "did", "many", "before", "must", "through", "back", "years", "where", "much", "your", "way",
        "well", "down", "should", "because", "each", "just", "those", "people", "how", "too", "little", "state",
        "good", "very", "make", "world", "still", "own", "see", "men", "work", "long", "get", "here", "between",
        "both", "life", "being", "under", "never", "day", "same", "another", "know", "while", "last", "might", "us",
        "great", "old", "year", "off", "come", "since", "against", "go", "came", "right", "used", "take", "three",
        "water", "light", "energy", "model", "small", "language", "write", "explain", "describe", "list", "give",
        "story", "poem", "answer", "question", "example", "summary", "reason", "idea", "simple", "short", "new",
    ];

    private static readonly string[] Onsets =
    [
        "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z",
        "br", "ch", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "sl", "st", "th", "tr", "wh",
    ];

    private static readonly string[] Nuclei = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou"];

    private static readonly string[] Codas = ["", "n", "r", "s", "t", "l", "m", "nd", "ng", "st", "ck", "rt"];

    private const string SingleCharacters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()-\u2581";

    private SyntheticVocabulary(string[] tokens, float[] scores, int[] types)
    {
        Tokens = tokens;
        Scores = scores;
        Types = types;
    }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Merge priorities: the earlier a piece, the higher its score.</summary>
    public IReadOnlyList<float> Scores { get; }

    /// <summary>Token types: 1 normal, 2 unknown, 3 control, 6 byte.</summary>
    public IReadOnlyList<int> Types { get; }

    public static SyntheticVocabulary Build(int size)
    {
        if (size < MinimumSize)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"a synthetic vocabulary needs at least {MinimumSize} tokens");

        var tokens = new List<string>(size) { "<unk>", "<s>", "</s>" };
        var types = new List<int>(size) { TypeUnknown, TypeControl, TypeControl };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(TypeByte);
        }

        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        foreach (var piece in Pieces())
        {
            if (tokens.Count == size)
                break;
            if (seen.Add(piece))
            {
                tokens.Add(piece);
                types.Add(TypeNormal);
            }
        }

        var scores = new float[size];
        for (var i = 0; i < size; i++)
            scores[i] = types[i] == TypeNormal ? -i : 0f;
        return new SyntheticVocabulary([.. tokens], scores, [.. types]);
    }

    /// <summary>Single characters, then words (common ones first, capitalized too), each after its prefixes.</summary>
    private static IEnumerable<string> Pieces()
    {
        foreach (var c in SingleCharacters)
            yield return c.ToString();
        foreach (var word in Words())
        {
            for (var length = 1; length <= word.Length; length++)
                yield return WordBoundary + word[..length];
        }
    }

    private static IEnumerable<string> Words()
    {
        foreach (var word in CommonWords)
        {
            yield return word;
            yield return char.ToUpperInvariant(word[0]) + word[1..];
        }

        var syllables = (from onset in Onsets from nucleus in Nuclei from coda in Codas select onset + nucleus + coda).ToArray();
        foreach (var s in syllables)
            yield return s;
        foreach (var first in syllables)
        {
            foreach (var second in syllables)
                yield return first + second;
        }
    }
}
