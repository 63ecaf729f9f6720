using Microsoft.ML;
using Microsoft.ML.Data;

namespace HyperCrm.Intelligence.Triage;

/// <summary>
/// The trained triage model: two multiclass text classifiers (intent, sentiment) over word and character n-grams. Thread
/// safe: a prediction engine is not, so each classification takes a lock (microseconds).
/// </summary>
public sealed class TriageModel
{
    private readonly PredictionEngine<TextInput, TextPrediction> _intent;
    private readonly PredictionEngine<TextInput, TextPrediction> _sentiment;
    private readonly Lock _gate = new();

    internal TriageModel(MLContext ml, ITransformer intent, ITransformer sentiment, TriageMetrics metrics)
    {
        _intent = ml.Model.CreatePredictionEngine<TextInput, TextPrediction>(intent);
        _sentiment = ml.Model.CreatePredictionEngine<TextInput, TextPrediction>(sentiment);
        Metrics = metrics;
    }

    public TriageMetrics Metrics { get; }

    public TriageResult Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = new TextInput { Text = text };
        lock (_gate)
        {
            var intent = _intent.Predict(input);
            var sentiment = _sentiment.Predict(input);
            return new TriageResult(intent.PredictedLabel, intent.Score.Max(), sentiment.PredictedLabel, sentiment.Score.Max(),
                TriageDataset.LanguageOf(text));
        }
    }

    internal sealed class TextInput
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    internal sealed class TextPrediction
    {
        public string PredictedLabel { get; set; } = string.Empty;

        [ColumnName("Score")]
        public float[] Score { get; set; } = [];
    }
}
