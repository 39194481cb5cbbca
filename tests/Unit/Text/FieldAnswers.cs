namespace SlmEnergyBench.Unit.Text;

/// <summary>
/// Answers in scripts written without spaces (field input 3, <c>../shared/field-inputs/README.md</c>), with their
/// counts established outside the product.
/// </summary>
internal static class FieldAnswers
{
    /// <summary>
    /// A 57-character Chinese answer: 52 Han characters and 5 punctuation marks (，。，，。), counted by hand and
    /// checked by a test with Unicode's categories. Dictionary segmentation cannot give more words than ideographs
    /// (52) and Chinese words are rarely longer than 4 characters (at least 52 / 4 = 13).
    /// </summary>
    public const string Chinese = "今天天气很好，我们一起去公园散步。公园里有很多漂亮的花，孩子们在草地上快乐地玩游戏，老人们坐在大树下面安静地聊天。";

    public const int ChineseHan = 52;

    public const int ChinesePunctuation = 5;

    /// <summary>
    /// Words in <see cref="Chinese"/> by ICU's dictionary segmentation, as ICU 78 counts them independently of this
    /// project (Node's <c>Intl.Segmenter("und", {granularity: "word"})</c>, segments with <c>isWordLike</c>):
    /// 今天|天气|很好|我们|一起去|公园|散步|公园|里|有|很多|漂亮|的|花|孩子|们|在|草地|上|快乐|地|玩|游戏|老|人们|坐在|大|树|下面|安静|地|聊天.
    /// A person splits it into 31 to 33 words (很|好, 一起|去, 孩子们, 老人们, 大树).
    /// </summary>
    public const int ChineseDictionaryWords = 32;
}
