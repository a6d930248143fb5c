namespace Hearth.Text.Keywords;

/// <summary>Words that carry no topic, in English and French.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "never", "new", "no",
        "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "per", "quite", "rather", "really", "said", "same", "say", "says", "see", "she", "should", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "two", "under", "until", "up", "upon", "us", "use", "used", "using", "very", "via", "was", "we", "well", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
        "you", "your", "yours", "yourself", "yourselves", "don't", "doesn't", "didn't", "isn't", "wasn't", "it's", "i'm", "we're", "they're",
        "can't", "won't", "i've", "that's", "there's", "let", "lot", "lots", "thing", "things", "way", "yes", "ok",
        // frequent verbs and number words: no part-of-speech tagger yet, and they are rarely what a text is about
        "met", "meet", "agreed", "agree", "spend", "spent", "go", "goes", "went", "gone", "come", "came", "take", "took", "taken", "give",
        "gave", "given", "know", "knew", "think", "thought", "want", "wanted", "need", "needed", "look", "looked", "find", "tell", "told",
        "write", "wrote", "written", "ask", "asked", "seem", "seemed", "feel", "felt", "try", "tried", "leave", "left", "call", "called", "keep",
            "kept", "put", "set",
        "became", "become", "began", "begin", "show", "showed", "shown", "hear", "heard", "run", "ran", "hold", "held", "bring", "brought",
        "million", "millions", "billion", "billions", "thousand", "thousands", "hundred", "hundreds",
        // French
        "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "et", "eux", "il", "ils", "je",
        "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "où",
        "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos",
        "votre", "vous", "est", "sont", "été", "être", "avoir", "a", "ont", "fait", "faire", "plus", "moins", "très", "bien", "tout", "tous",
        "toute", "toutes", "comme", "aussi", "donc", "alors", "si", "sans", "sous", "entre", "chez", "cela", "ça", "y", "l", "d", "c", "j",
        "n", "s", "qu'il", "c'est", "n'est", "d'un", "d'une", "l'on",
    };

    public static bool Contains(string word) => Words.Contains(word) || Words.Contains(word.Split('\'', '’')[^1]);
}
