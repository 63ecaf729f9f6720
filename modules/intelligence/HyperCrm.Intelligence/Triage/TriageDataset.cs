namespace HyperCrm.Intelligence.Triage;

/// <summary>
/// The labelled messages the triage model learns from: <c>Triage/Data/messages.tsv</c>, shipped in the assembly. Three
/// hundred per language (en, ru) and intent, written by <c>make_dataset.py</c> beside it from hand-written openings,
/// bodies and sign-offs (fixed seed), with their sentiment.
/// </summary>
public static class TriageDataset
{
    /// <summary>The intents a message can have, as rules compare them (<c>message.intent == 'complaint'</c>).</summary>
    public static readonly IReadOnlyList<string> Intents = ["order_status", "complaint", "return", "question", "other"];

    public static readonly IReadOnlyList<string> Sentiments = ["negative", "neutral", "positive"];

    public static IReadOnlyList<MessageExample> Load()
    {
        using var stream = typeof(TriageDataset).Assembly.GetManifestResourceStream("HyperCrm.Intelligence.Triage.messages.tsv")
            ?? throw new InvalidOperationException("The triage dataset is not in the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<MessageExample>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t', 4);
            if (cells.Length == 4) rows.Add(new MessageExample(cells[0], cells[1], cells[2], cells[3]));
        }
        return rows;
    }

    /// <summary>Russian when most letters are Cyrillic, English otherwise.</summary>
    public static string LanguageOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё') * 2 > letters.Count ? "ru" : "en";
    }
}
