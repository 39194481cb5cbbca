using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions.Execution;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Unit.Reports;
using SlmEnergyBench.Unit.SeedStudy;
using SlmEnergyBench.Unit.Suite;
using SlmEnergyBench.Unit.Summaries;

namespace SlmEnergyBench.Unit.Results;

/// <summary>
/// Records written by hand for the tests, and the fixed run and the seed-study fixture in the repository, carry word
/// and character counts; each must be its text's own, counted here independently of the product's TextMetrics. The
/// texts are plain ASCII with no punctuation inside a word (no hyphen, apostrophe or decimal point), where every word
/// rule agrees (whitespace runs holding a letter or digit, Unicode UAX #29 word boundaries, runs of letters and
/// digits): a word is a run of ASCII letters and digits, a character one UTF-16 code unit. A text outside that
/// alphabet fails here, so no fixture depends on which word rule the product uses.
/// </summary>
public sealed partial class HandWrittenRecordCountsTests
{
    public static TheoryData<string> Sources => new() { "CaseRecordFormatTests", "CaseValidatorTests", "SummaryCases", "fixtures/runs", "seed_study_fixture.json" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Records_WordAndCharacterCounts_AreTheirTextsCountedIndependently(string source)
    {
        // Arrange
        var texts = Texts(source);
        texts.Should().NotBeEmpty();

        // Act and assert
        using var scope = new AssertionScope();
        foreach (var (name, text, words, characters) in texts)
        {
            text.Should().MatchRegex(@"^[\x20-\x7E\n]*$", $"{name}'s text must be plain ASCII");
            InnerPunctuation().IsMatch(text).Should().BeFalse($"{name}'s text must have no punctuation inside a word, where word rules differ");
            if (words is { } claimedWords)
                claimedWords.Should().Be(Word().Count(text), $"{name}'s text \"{text}\" has that many words");
            characters.Should().Be(text.Length, $"{name}'s text \"{text}\" has that many characters");
        }
    }

    [Theory]
    [InlineData("CaseRecordFormatTests")]
    [InlineData("SummaryCases")]
    [InlineData("fixtures/runs")]
    public void Records_WordsAndTokensPerSecond_AreTheirCountsOverTheirWallTime(string source)
    {
        // Arrange
        var rates = Rates(source);
        rates.Should().NotBeEmpty();

        // Act and assert
        using var scope = new AssertionScope();
        foreach (var (name, words, tokens, seconds, wordsPerSecond, tokensPerSecond) in rates)
        {
            wordsPerSecond.Should().BeApproximately(words / seconds, 1e-9, $"{name}: {words} words in {seconds} s");
            tokensPerSecond.Should().BeApproximately(tokens / seconds, 1e-9, $"{name}: {tokens} tokens in {seconds} s");
        }
    }

    private static List<(string Name, string Text, int? Words, int Characters)> Texts(string source)
    {
        if (source == "seed_study_fixture.json")
            return [.. SeedStudyFixtureTexts()];
        if (source == "CaseValidatorTests")
        {
            var completion = CaseValidatorTests.Completion();
            return [("CaseValidatorTests.Completion", completion.Text, completion.WordCount, completion.CharacterCount)];
        }

        return source == "fixtures/runs"
            ? [.. FixedRunCases().Select(c => (c.Name, c.Completion.GetProperty("text").GetString()!, (int?)c.Completion.GetProperty("wordCount").GetInt32(),
                c.Completion.GetProperty("characterCount").GetInt32()))]
            : [.. InCodeCases(source).Select(c => (c.Name, c.Record.Completion!.Text, (int?)c.Record.Completion.WordCount, c.Record.Completion.CharacterCount))];
    }

    private static List<(string Name, int Words, int Tokens, double Seconds, double WordsPerSecond, double TokensPerSecond)> Rates(string source) =>
        source == "fixtures/runs"
            ? [.. FixedRunCases().Select(c => (c.Name, c.Completion.GetProperty("wordCount").GetInt32(), c.Completion.GetProperty("completionTokens").GetInt32(),
                c.Completion.GetProperty("endS").GetDouble() - c.Completion.GetProperty("startS").GetDouble(),
                c.Root.GetProperty("wordsPerSecond").GetDouble(), c.Root.GetProperty("tokensPerSecond").GetDouble()))]
            : [.. InCodeCases(source).Select(c => (c.Name, c.Record.Completion!.WordCount, c.Record.Completion.CompletionTokens!.Value,
                c.Record.Completion.EndS - c.Record.Completion.StartS, c.Record.WordsPerSecond!.Value, c.Record.TokensPerSecond!.Value))];

    private static IEnumerable<(string Name, CaseRecord Record)> InCodeCases(string source) => source switch
    {
        "CaseRecordFormatTests" => [("CaseRecordFormatTests.Fixed", CaseRecordFormatTests.Fixed())],
        "SummaryCases" => new[] { 1, 2, 3, 10, 20, 60 }.Select(tokens => ($"SummaryCases.Case with {tokens} tokens", SummaryCases.Case(0, joules: 1, tokens: tokens, seconds: 0.5))),
        _ => throw new ArgumentException($"no in-code records named {source}", nameof(source)),
    };

    /// <summary>The fixed run's case records as JSON (read without the product's reader), each with its completion.</summary>
    private static IEnumerable<(string Name, JsonElement Root, JsonElement Completion)> FixedRunCases() =>
        File.ReadLines(Path.Combine(ReportFixtures.FakeRun, "cases.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))
            .Select(root => ($"fixtures/runs {root.GetProperty("model").GetString()} prompt {root.GetProperty("promptOrdinal").GetInt32()} repetition {root.GetProperty("repetition").GetInt32()}",
                root, root.GetProperty("completion")));

    private static IEnumerable<(string, string, int?, int)> SeedStudyFixtureTexts()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SeedStudyTestFiles.Fixture));
        var index = 0;
        foreach (var record in document.RootElement.EnumerateArray())
        {
            yield return ($"seed_study_fixture.json record {index} input", record.GetProperty("input").GetString()!, null, record.GetProperty("inputLength").GetInt32());
            yield return ($"seed_study_fixture.json record {index} output", record.GetProperty("output").GetString()!, null, record.GetProperty("outputLength").GetInt32());
            index++;
        }
    }

    /// <summary>A run of ASCII letters and digits: one word.</summary>
    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Word();

    /// <summary>Punctuation between two letters or digits ("kilowatt-hours", "don't", "3.5"), where word rules differ.</summary>
    [GeneratedRegex(@"[A-Za-z0-9][^A-Za-z0-9\s]+[A-Za-z0-9]")]
    private static partial Regex InnerPunctuation();
}
