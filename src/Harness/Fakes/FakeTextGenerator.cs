using System.Security.Cryptography;
using System.Text;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// Deterministic "model output": the same (model, prompt) always gives the same text. Words of up to five
/// letters count one token, longer words two, punctuation and paragraph breaks one, so a completion has about
/// 1.3 tokens per word (words/s and tokens/s differ, as with a real tokenizer).
/// </summary>
internal static class FakeTextGenerator
{
    public const int MinCompletionTokens = 20;
    public const int MaxCompletionTokens = 200;

    private static readonly string[] ShortWords =
        ["the", "a", "of", "to", "and", "is", "in", "it", "you", "can", "for", "on", "as", "with", "be", "this", "are", "or", "by", "we", "each", "more", "less", "time", "power"];

    private static readonly string[] LongWords =
        ["energy", "models", "language", "inference", "measure", "battery", "processor", "efficient", "response", "generation", "benchmark", "context", "summary", "example"];

    /// <summary>About four characters per token, at least one.</summary>
    public static int PromptTokens(string prompt) => Math.Max(1, (prompt.Length + 3) / 4);

    /// <summary>How many tokens the model "wants" to write for this prompt (20 to 200), before <c>max_tokens</c>.</summary>
    public static int NaturalLength(string model, string prompt) =>
        MinCompletionTokens + (int)((uint)Seed(model, prompt) % (MaxCompletionTokens - MinCompletionTokens + 1));

    /// <summary>Text of exactly <paramref name="tokens"/> tokens.</summary>
    public static string Generate(string model, string prompt, int tokens)
    {
        var random = new Random(Seed(model, prompt));
        var text = new StringBuilder();
        var used = 0;
        var sentenceStart = true;
        while (used < tokens)
        {
            var word = tokens - used >= 2 && random.NextDouble() < 0.2
                ? LongWords[random.Next(LongWords.Length)]
                : ShortWords[random.Next(ShortWords.Length)];
            if (text.Length > 0 && text[^1] != '\n')
                text.Append(' ');
            text.Append(sentenceStart ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            used += TokenCost(word);
            sentenceStart = false;
            if (used < tokens)
                used += AppendPunctuation(text, random, tokens - used, ref sentenceStart);
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> (from <see cref="Generate"/>) cut into its tokens by the same rule that counts them: a word of
    /// up to five letters with the space before it is one token, a longer word two (cut in the middle), a comma or full stop
    /// one, a paragraph break one. The pieces joined are the text; a streaming fake sends one per chunk.
    /// </summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is ',' or '.')
            {
                pieces.Add(text[i].ToString());
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, "\n\n", 0, 2) == 0)
            {
                pieces.Add("\n\n");
                i += 2;
                continue;
            }

            var start = i;
            if (text[i] == ' ')
                i++;
            var letters = i;
            while (i < text.Length && char.IsLetter(text[i]))
                i++;
            if (i == letters)
                throw new ArgumentException($"Not generated text: unexpected '{text[i]}' at {i}.", nameof(text));
            var length = i - letters;
            if (length <= 5)
            {
                pieces.Add(text[start..i]);
            }
            else
            {
                pieces.Add(text[start..(letters + (length / 2))]);
                pieces.Add(text[(letters + (length / 2))..i]);
            }
        }

        return pieces;
    }

    private static int AppendPunctuation(StringBuilder text, Random random, int remaining, ref bool sentenceStart)
    {
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            text.Append(',');
            return 1;
        }

        if (roll >= 0.13)
            return 0;
        text.Append('.');
        sentenceStart = true;
        if (remaining < 2 || random.NextDouble() >= 0.3)
            return 1;
        text.Append("\n\n");
        return 2;
    }

    private static int TokenCost(string word) => word.Length <= 5 ? 1 : 2;

    private static int Seed(string model, string prompt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + prompt));
        return BitConverter.ToInt32(hash, 0);
    }
}
