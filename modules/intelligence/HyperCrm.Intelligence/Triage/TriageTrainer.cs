using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace HyperCrm.Intelligence.Triage;

/// <summary>
/// Trains the triage model from labelled messages: for intent and for sentiment, text featurized into normalized word
/// unigrams and bigrams and character trigrams (so a typo or a Russian ending still matches), then a maximum-entropy
/// classifier (SDCA), which gives a probability per class: the top one is the confidence. A fifth of each language's
/// messages is held out (seeded shuffle) and the accuracy on it reported per language.
/// </summary>
public static class TriageTrainer
{
    public const int DefaultSeed = 20261130;

    public static TriageModel Train(IReadOnlyList<MessageExample> examples, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var shuffled = examples.OrderBy(_ => random.Next()).ToList();
        var test = shuffled.GroupBy(e => e.Language).SelectMany(g => g.Take(g.Count() / 5)).ToHashSet();
        var train = shuffled.Where(e => !test.Contains(e)).ToList();
        var ml = new MLContext(seed);
        var intent = Fit(ml, train.Select(e => (e.Text, e.Intent)));
        var sentiment = Fit(ml, train.Select(e => (e.Text, e.Sentiment)));
        clock.Stop();
        var unmeasured = new TriageModel(ml, intent, sentiment, new TriageMetrics(
            new Dictionary<string, double>(), new Dictionary<string, double>(), examples.Count, test.Count, 0));
        var results = test.Select(e => (e, Result: unmeasured.Classify(e.Text))).ToList();
        var metrics = new TriageMetrics(
            results.GroupBy(r => r.e.Language).ToDictionary(g => g.Key,
                g => Math.Round(g.Average(r => r.Result.Intent == r.e.Intent ? 1.0 : 0), 3)),
            results.GroupBy(r => r.e.Language).ToDictionary(g => g.Key,
                g => Math.Round(g.Average(r => r.Result.Sentiment == r.e.Sentiment ? 1.0 : 0), 3)),
            examples.Count, test.Count, Math.Round(clock.Elapsed.TotalSeconds, 2));
        return new TriageModel(ml, intent, sentiment, metrics);
    }

    private static TransformerChain<Microsoft.ML.Transforms.KeyToValueMappingTransformer> Fit(MLContext ml,
        IEnumerable<(string Text, string Label)> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TriageModel.TextInput { Text = r.Text, Label = r.Label }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            }, "Text"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                MaximumNumberOfIterations = 50, NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return pipeline.Fit(data);
    }
}
