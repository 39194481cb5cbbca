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

    /// <summary>The sampling temperature at which the fakes write <see cref="NaturalLength(string, string)"/> tokens: 0.7, the study's.</summary>
    public const double ReferenceTemperature = 0.7;

    /// <summary>How much longer a fake's answer gets per degree of temperature above <see cref="ReferenceTemperature"/>: 0.5 (x1.35 at 1.4, x0.65 at 0).</summary>
    public const double LengthPerDegree = 0.5;

    /// <summary>
    /// The stand-in's rule for temperature, so a temperature sweep against the fakes has an effect whose truth is known: the natural
    /// length x (1 + <see cref="LengthPerDegree"/> x (temperature - <see cref="ReferenceTemperature"/>)), rounded, at least 1 token. A
    /// SIMULATED effect (real models' answer lengths react to temperature in their own way); exactly <see cref="NaturalLength(string, string)"/>
    /// at 0.7 and when the request sends no temperature.
    /// </summary>
    public static int NaturalLength(string model, string prompt, double? temperature) =>
        temperature is not { } t ? NaturalLength(model, prompt)
        : Math.Max(1, (int)Math.Round(NaturalLength(model, prompt) * (1 + (LengthPerDegree * (t - ReferenceTemperature))), MidpointRounding.AwayFromZero));

    /// <summary>Text of exactly <paramref name="tokens"/> tokens: the concatenation of <see cref="Tokens"/>.</summary>
    public static string Generate(string model, string prompt, int tokens) => string.Concat(Tokens(model, prompt, tokens));

    /// <summary>
    /// The same text as <see cref="Generate"/>, one string per token, as a streaming server sends it: a word of up to five
    /// letters with the space before it, a longer word in two pieces (the space and its first half, then the rest), each
    /// punctuation mark and each paragraph break ("\n\n") alone. Exactly <paramref name="tokens"/> pieces.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string model, string prompt, int tokens)
    {
        var random = new Random(Seed(model, prompt));
        var pieces = new List<string>(Math.Max(0, tokens));
        var used = 0;
        var sentenceStart = true;
        while (used < tokens)
        {
            var word = tokens - used >= 2 && random.NextDouble() < 0.2
                ? LongWords[random.Next(LongWords.Length)]
                : ShortWords[random.Next(ShortWords.Length)];
            var space = pieces.Count > 0 && !pieces[^1].EndsWith('\n') ? " " : "";
            var written = sentenceStart ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            if (TokenCost(word) == 1)
                pieces.Add(space + written);
            else
            {
                pieces.Add(space + written[..(written.Length / 2)]);
                pieces.Add(written[(written.Length / 2)..]);
            }

            used += TokenCost(word);
            sentenceStart = false;
            if (used < tokens)
                used += AppendPunctuation(pieces, random, tokens - used, ref sentenceStart);
        }

        return pieces;
    }

    private static int AppendPunctuation(List<string> pieces, Random random, int remaining, ref bool sentenceStart)
    {
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            pieces.Add(",");
            return 1;
        }

        if (roll >= 0.13)
            return 0;
        pieces.Add(".");
        sentenceStart = true;
        if (remaining < 2 || random.NextDouble() >= 0.3)
            return 1;
        pieces.Add("\n\n");
        return 2;
    }

    private static int TokenCost(string word) => word.Length <= 5 ? 1 : 2;

    private static int Seed(string model, string prompt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + prompt));
        return BitConverter.ToInt32(hash, 0);
    }
}
