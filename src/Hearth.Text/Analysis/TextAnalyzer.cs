using Hearth.Text.Emotion;
using Hearth.Text.Entities;
using Hearth.Text.Keywords;
using Hearth.Text.Language;
using Hearth.Text.Personality;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;
using Hearth.Text.Tone;

namespace Hearth.Text.Analysis;

/// <summary>The text pipeline: language, sentences and tokens with offsets, entities, keywords, sentiment, emotion…</summary>
/// <param name="english">
/// What reads English sentences once for names, sentiment and emotion (the shipped joint model); null, and for other
/// languages: the rules for names and the heads on sentence vectors.
/// </param>
public sealed class TextAnalyzer(LanguageDetector languages, Gazetteer gazetteer, TextModels models, ISentenceReader? english = null)
{
    private static readonly Lazy<NameFinder> Names = new(() => new NameFinder());

    /// <summary>Languages whose stop words, month and day names the analysers know.</summary>
    private static readonly string[] FullySupported = ["en", "fr"];

    /// <param name="language">The language the text is in (a code of <see cref="LanguageDetector.Codes"/>); null: detected.</param>
    /// <param name="cancellationToken">Stops the work between steps and between batches of sentences (a client that went away).</param>
    /// <param name="choice">Trained models to use instead of the shipped heads; null: the shipped ones.</param>
    public AnalysisResult Analyze(string text, IReadOnlyList<string> features, string? language = null, ModelChoice? choice = null,
        CancellationToken cancellationToken = default) =>
        AnalyzeMany([text], features, language, choice, cancellationToken)[0];

    /// <summary>
    /// Several documents at once: their sentences go through each encoder together (once, for every task), which
    /// is faster than one by one. Results in input order.
    /// </summary>
    /// <param name="language">The language every text is in; null: each one's is detected.</param>
    /// <exception cref="ArgumentException">Classifications asked for without a model to give them.</exception>
    public IReadOnlyList<AnalysisResult> AnalyzeMany(IReadOnlyList<string> texts, IReadOnlyList<string> features, string? language = null,
        ModelChoice? choice = null, CancellationToken cancellationToken = default)
    {
        choice ??= ModelChoice.None;
        if (features.Contains(Feature.Classifications) && choice.Classifications is null)
        {
            throw new ArgumentException("classifications come from a model you trained: name it (--model classifications=NAME; 'hearth models' "
                + "lists them)");
        }

        var given = language is null ? null : new LanguageGuess(LanguageDetector.Check(language), 1);
        var documents = texts.Select(text =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var guess = given ?? (features.Any(f => f != Feature.Sentences) ? languages.Detect(text) : LanguageGuess.Unknown);
            return (Text: text, Sentences: Segmenter.Sentences(text), Language: guess);
        }).ToList();
        var (wantSentiment, wantEmotion, wantTone) = (features.Contains(Feature.Sentiment), features.Contains(Feature.Emotion),
            features.Contains(Feature.Tone));
        var (wantCategories, wantPersonality) = (features.Contains(Feature.Categories), features.Contains(Feature.Personality));

        // English documents: one pass of the joint model for names, sentiment, emotion and the emotional tones.
        var reading = english is not null && ((features.Contains(Feature.Entities) && choice.Entities is null)
            || (wantSentiment && choice.Sentiment is null) || wantEmotion || wantTone);
        var read = documents.Select(d => reading && d.Language.Code == "en" && d.Sentences.Count > 0).ToList();
        var sentences = documents.Select(d => d.Sentences).ToList();
        var readings = Slices(sentences, read, all => english!.Read(all, cancellationToken));

        // The heads on the base encoder's sentence vectors: what the joint model does not give.
        var needsVectors = documents.Select((_, i) => wantTone || wantCategories || wantPersonality
            || (wantSentiment && choice.Sentiment is null && !read[i]) || (wantEmotion && !read[i])).ToList();
        var vectors = Slices(sentences, needsVectors, all => models.Encoder.Encode([.. all.Select(s => s.Text)], cancellationToken));
        var trained = !wantSentiment || choice.Sentiment is not { } model ? null
            : Slices(sentences, [.. documents.Select(_ => true)], all => Polarity.Scores(model, [.. all.Select(s => s.Text)], cancellationToken));
        var classes = choice.Classifications is { } classifier && features.Contains(Feature.Classifications)
            ? classifier.Classify(texts, cancellationToken) : null;
        var results = new List<AnalysisResult>();
        for (var i = 0; i < documents.Count; i++)
        {
            var (result, targets) = Prepare(documents[i].Text, documents[i].Sentences, documents[i].Language, features, choice, readings[i],
                cancellationToken);
            var (own, mine, readOnes) = (sentences[i], vectors[i] ?? [], readings[i]);
            var emotions = readOnes?.Select(r => Ekman.From(r.Emotions)).ToList();
            results.Add(result with
            {
                Sentiment = !wantSentiment ? null
                    : trained is not null ? SentimentScoring.Score(own, targets, trained[i]!)
                    : readOnes is not null ? SentimentScoring.Score(own, targets, [.. readOnes.Select(r => r.Sentiment)], english!.NeutralBand)
                    : SentimentScoring.Score(own, targets, [.. mine.Select(v => (2 * models.Sentiment.Positive(v)) - 1)]),
                Emotion = !wantEmotion ? null
                    : readOnes is not null ? EmotionScoring.Score(own, targets, emotions!, [.. readOnes.Select(r => r.Emotions)])
                    : EmotionScoring.Score(own, targets, [.. mine.Select(v => EmotionScoring.Scores(models.Emotion, v))]),
                Tone = wantTone ? ToneScoring.Score(own, mine, models.Emotion, models.Style, emotions) : null,
                Categories = wantCategories ? models.Categories.Classify(mine) : null,
                Personality = wantPersonality && result.Usage.Words >= PersonalityModel.MinimumWords
                    ? models.Personality.Profile(mine, result.Usage.Words) : null,
                Classifications = classes is null ? null
                    : [.. choice.Classifications!.Labels.Select((l, c) => new ClassConfidence(l, Math.Round(classes[i][c], 4)))
                        .OrderByDescending(c => c.Confidence)],
                Words = readOnes?.SelectMany(r => r.Words).ToList(),
            });
        }

        return results;
    }

    /// <summary>
    /// The words of an analysed English text with their parts of speech and lemmas (Google's analyzeSyntax, Watson's
    /// syntax tokens): those the analysis read, else read now; null for another language or without the joint model.
    /// </summary>
    public IReadOnlyList<TaggedWord>? Words(string text, AnalysisResult result, CancellationToken cancellationToken = default) =>
        result.Language.Code != "en" || english is null ? null
            : result.Words ?? [.. english.Read(Segmenter.Sentences(text), cancellationToken).SelectMany(r => r.Words)];

    /// <summary>
    /// Runs <paramref name="run"/> once over the sentences of the chosen documents together and hands each chosen
    /// document its own slice of the answers (null for the others).
    /// </summary>
    private static List<IReadOnlyList<T>?> Slices<T>(IReadOnlyList<IReadOnlyList<Sentence>> documents, IReadOnlyList<bool> chosen,
        Func<IReadOnlyList<Sentence>, IReadOnlyList<T>> run)
    {
        var all = documents.Where((_, i) => chosen[i]).SelectMany(s => s).ToList();
        var answers = all.Count == 0 ? [] : run(all);
        var (slices, offset) = (new List<IReadOnlyList<T>?>(), 0);
        for (var i = 0; i < documents.Count; i++)
        {
            slices.Add(chosen[i] ? [.. Enumerable.Range(offset, documents[i].Count).Select(k => answers[k])] : null);
            offset += chosen[i] ? documents[i].Count : 0;
        }

        return slices;
    }

    private (AnalysisResult Result, IReadOnlyList<string> Targets) Prepare(string text, IReadOnlyList<Sentence> sentences,
        LanguageGuess language, IReadOnlyList<string> features, ModelChoice choice, IReadOnlyList<SentenceReading>? readings,
        CancellationToken cancellationToken)
    {
        var words = sentences.Sum(s => s.Tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number));
        var notes = new List<string>();
        var supported = FullySupported.Contains(language.Code);
        if (!supported && features.Contains(Feature.Keywords))
        {
            notes.Add($"keywords: stop words are known for English and French only, not for '{language.Code}': keywords not extracted");
        }

        if (!supported && features.Contains(Feature.Entities))
        {
            notes.Add($"entities: names, months and days are recognised in English and French only ('{language.Code}' found); numbers, money, "
                + "percentages, dates in numbers, e-mails and URLs are recognised in every language");
        }

        foreach (var feature in features.Intersect(Feature.Encoded))
        {
            if (language.Code == "fr")
            {
                notes.Add($"{feature}: the model was trained mostly on English; French scores are less reliable");
            }
            else if (language.Code is not ("en" or "unknown"))
            {
                notes.Add($"{feature}: the model was trained on English (and some French), not '{language.Code}': scores are unreliable");
            }
        }

        if (features.Contains(Feature.Personality) && PersonalityModel.TooFewWords(words) is { } tooFew)
        {
            notes.Add($"personality: {tooFew}");
        }

        var patterns = features.Contains(Feature.Entities) || features.Contains(Feature.Keywords) ? PatternEntities.Find(text) : [];
        IReadOnlyList<EntityMention> names = !features.Contains(Feature.Entities) ? []
            : choice.Entities?.Find(sentences, cancellationToken)
                ?? (readings is not null ? [.. readings.SelectMany(r => r.Names)] : supported ? Names.Value.Find(sentences) : []);
        var entities = features.Contains(Feature.Entities)
            ? Entity.Group(PatternEntities.Resolve(patterns.Concat(gazetteer.Find(text)).Concat(names)), text.Length)
            : null;
        // A word inside a date, an amount or an address ("march" in "3 March 2026") is not what the text is about.
        var mentioned = patterns.Select(m => m.Text.ToLowerInvariant()).ToList();
        IReadOnlyList<Keyword>? keywords = !features.Contains(Feature.Keywords) ? null
            : !supported ? []
            : [.. TextRank.Extract(sentences, 15).Where(k => !mentioned.Any(m => m.Contains(k.Text, StringComparison.Ordinal))).Take(10)];
        var targets = (entities?.Select(e => e.Text) ?? []).Concat(keywords?.Select(k => k.Text) ?? []).ToList();
        var result = new AnalysisResult(
            language,
            new TextUsage(text.Length, words, sentences.Count),
            notes,
            features.Contains(Feature.Sentences) ? [.. sentences.Select(s => new SentenceSpan(s.Text, [s.Start, s.End]))] : null,
            entities,
            keywords,
            null);
        return (result, targets);
    }
}
