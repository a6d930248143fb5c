// Calls every method of the official IBM Watson (ibm-watson 12 and 6) and Google Cloud Natural Language (7.x, REST
// transport) clients, unmodified, against a Hearth node, and prints one JSON line per call:
// {client, method, input, outcome: "ok" | "refused" | "FAILED", status, detail}.
// "refused" is a call Hearth answers as the real service documents an error for that request (status and error
// shape checked); "FAILED" is anything else.
// Usage: node clients.mjs http://127.0.0.1:PORT NODE_TOKEN [--require-token] (the node requires its token: anonymous calls are refused)
import NaturalLanguageUnderstandingV1 from 'ibm-watson/natural-language-understanding/v1.js';
import { BasicAuthenticator, IamAuthenticator, BearerTokenAuthenticator } from 'ibm-watson/auth/index.js';
import { createRequire } from 'node:module';
import language from '@google-cloud/language';
import { PassThroughClient } from 'google-auth-library';

const watson6 = createRequire(new URL('./watson6/', import.meta.url));
const ToneAnalyzerV3 = watson6('ibm-watson/tone-analyzer/v3');
const PersonalityInsightsV3 = watson6('ibm-watson/personality-insights/v3');
const { IamAuthenticator: IamAuthenticator6 } = watson6('ibm-watson/auth');

const [base, apikey, mode] = process.argv.slice(2);
const requireToken = mode === '--require-token';
const url = new URL(base);

const news = 'Hearth\'s team in Lyon spent $2.5 million on GPUs on 3 March 2026. Marie Curie moved to Paris in 1891. '
  + 'The GPU cluster is great; the old cluster was awful.';
const review = 'The screen is gorgeous and the battery lasts two days. Support never answered my emails, which is infuriating.';
const french = 'Le conseil municipal de Lyon a voté un budget de 3 millions d\'euros pour les écoles. Les parents sont ravis.';
const html = '<html><head><title>Headphones</title><script>var x = 1;</script></head><body><h1>Review</h1><p>These headphones are superb.</p></body></html>';
const long = (news + ' ').repeat(Math.ceil(60000 / (news.length + 1))).slice(0, 60000);
const words = (n) => Array.from({ length: n }, (_, i) => ['I', 'love', 'long', 'walks', 'with', 'friends', 'and', 'quiet', 'books', 'about', 'science'][i % 11]).join(' ') + '.';

function report(client, method, input, outcome, status, detail) {
  console.log(JSON.stringify({ client, method, input, outcome, status, detail }));
}

/** Runs a call; `check` inspects a success, `refusal` (status, error text) says what the real service answers instead. */
async function call(client, method, input, run, { check, refusal } = {}) {
  try {
    const response = await run();
    if (refusal) {
      report(client, method, input, 'FAILED', response.status, `succeeded, but the service refuses this request with ${refusal.status}`);
      return;
    }
    const problem = check ? check(response.result ?? response[0] ?? response) : null;
    report(client, method, input, problem ? 'FAILED' : 'ok', response.status ?? 200, problem ?? '');
  } catch (e) {
    const status = e.code ?? e.status ?? e.statusCode;
    const text = e.message ?? String(e);
    const expected = refusal && (refusal.status === status || refusal.status === e.code) && (!refusal.text || text.includes(refusal.text));
    report(client, method, input, expected ? 'refused' : 'FAILED', status ?? null, text.slice(0, 300));
  }
}

const has = (o, ...paths) => {
  for (const path of paths) {
    let v = o;
    for (const key of path.split('.')) v = v?.[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return `no ${path}`;
  }
  return null;
};

// ---- IBM Watson Natural Language Understanding (ibm-watson 12) ----
for (const [name, authenticator] of [
  ['basic', new BasicAuthenticator({ username: 'apikey', password: apikey })],
  ['iam', new IamAuthenticator({ apikey, url: base })],
  ['bearer', new BearerTokenAuthenticator({ bearerToken: apikey })],
]) {
  const nlu = new NaturalLanguageUnderstandingV1({ version: '2022-04-07', authenticator, serviceUrl: base });
  const client = `ibm-watson 12 NLU (${name})`;
  const all = {
    entities: { mentions: true, sentiment: true, emotion: true, limit: 10 }, keywords: { sentiment: true, emotion: true, limit: 5 },
    sentiment: { targets: ['GPU cluster'] }, emotion: { targets: ['GPU cluster'] }, categories: { limit: 3 }, syntax: { sentences: true, tokens: { lemma: true, part_of_speech: true } },
    concepts: {}, relations: {}, semantic_roles: {},
  };
  await call(client, 'analyze', 'news, every feature', () => nlu.analyze({ text: news, features: all, returnAnalyzedText: true }),
    { check: r => has(r, 'usage.text_units', 'usage.features', 'language', 'entities', 'keywords', 'sentiment.document', 'sentiment.targets', 'emotion.document.emotion', 'categories', 'syntax.sentences', 'syntax.tokens.0.part_of_speech', 'syntax.tokens.0.lemma', 'analyzed_text', 'warnings') });
  if (name !== 'basic') continue;
  await call(client, 'analyze', 'review', () => nlu.analyze({ text: review, features: { sentiment: {}, emotion: {}, keywords: {} } }),
    { check: r => has(r, 'sentiment.document.label', 'emotion.document.emotion.anger', 'keywords') });
  await call(client, 'analyze', 'French', () => nlu.analyze({ text: french, features: { entities: {}, keywords: {}, sentiment: {} } }),
    { check: r => r.language !== 'fr' ? `language ${r.language}` : has(r, 'entities', 'keywords', 'sentiment.document') });
  await call(client, 'analyze', 'HTML', () => nlu.analyze({ html, features: { keywords: {}, metadata: {} }, returnAnalyzedText: true }),
    { check: r => /var x|<title>|headphoneshome/i.test(r.analyzed_text ?? '') ? `analyzed_text ${r.analyzed_text}`
      : r.metadata?.title !== 'Headphones' ? `metadata.title ${r.metadata?.title}` : has(r, 'keywords') });
  await call(client, 'analyze', '60,000 characters', () => nlu.analyze({ text: long, features: { keywords: { limit: 2 } } }),
    { check: r => r.usage?.text_units !== 5 ? `text_units ${r.usage?.text_units}` : has(r, 'warnings') });
  await call(client, 'analyze', 'empty text', () => nlu.analyze({ text: ' ', features: { keywords: {} } }), { refusal: { status: 400 } });
  await call(client, 'analyze', 'no features', () => nlu.analyze({ text: news, features: {} }), { refusal: { status: 400 } });
  await call(client, 'listModels', '', () => nlu.listModels(), { check: r => Array.isArray(r.models) ? null : 'no models array' });
  await call(client, 'listCategoriesModels', '', () => nlu.listCategoriesModels(), { check: r => Array.isArray(r.models) ? null : 'no models array' });
  await call(client, 'listClassificationsModels', '', () => nlu.listClassificationsModels(),
    { check: r => r.models?.some(m => m.model_id === 'hearth-reviews' && m.status === 'available') ? null : 'the trained model is not listed' });
  await call(client, 'getClassificationsModel', 'trained model', () => nlu.getClassificationsModel({ modelId: 'hearth-reviews' }),
    { check: r => r.model_id === 'hearth-reviews' ? null : `model_id ${r.model_id}` });
  await call(client, 'analyze', 'trained model', () => nlu.analyze({ text: review,
    features: { classifications: { model: 'hearth-reviews' }, sentiment: { model: 'hearth-reviews' } } }),
    { check: r => has(r, 'classifications', 'sentiment.document.label')
      ?? (r.classifications.every(c => typeof c.class_name === 'string' && c.confidence >= 0 && c.confidence <= 1) ? null : 'bad classifications') });
  await call(client, 'analyze', 'unknown model', () => nlu.analyze({ text: review, features: { classifications: { model: 'no-such-model' } } }),
    { refusal: { status: 404 } });
  await call(client, 'deleteClassificationsModel', 'trained model', () => nlu.deleteClassificationsModel({ modelId: 'hearth-reviews' }),
    { refusal: { status: 400, text: 'hearth train' } });
  for (const method of ['deleteModel', 'getCategoriesModel', 'deleteCategoriesModel', 'getClassificationsModel', 'deleteClassificationsModel']) {
    await call(client, method, 'unknown model id', () => nlu[method]({ modelId: 'no-such-model' }), { refusal: { status: 404 } });
  }
  for (const method of ['createCategoriesModel', 'createClassificationsModel']) {
    await call(client, method, 'training data', () => nlu[method]({ language: 'en', trainingData: Buffer.from('[{"text":"a","labels":["x"]}]'), trainingDataContentType: 'application/json' }),
      { refusal: { status: 400, text: 'hearth train' } });
  }
  for (const method of ['updateCategoriesModel', 'updateClassificationsModel']) {
    await call(client, method, 'unknown model id', () => nlu[method]({ modelId: 'no-such-model', language: 'en', trainingData: Buffer.from('[]'), trainingDataContentType: 'application/json' }),
      { refusal: { status: 404 } });
  }
}

// ---- IBM Watson Tone Analyzer and Personality Insights (ibm-watson 6, the newest major that has them) ----
const auth6 = new IamAuthenticator6({ apikey, url: base });
const tone = new ToneAnalyzerV3({ version: '2017-09-21', authenticator: auth6, serviceUrl: base });
await call('ibm-watson 6 Tone', 'tone', 'review (JSON)', () => tone.tone({ toneInput: { text: review }, contentType: 'application/json' }),
  { check: r => has(r, 'document_tone.tones', 'sentences_tone') });
await call('ibm-watson 6 Tone', 'tone', 'HTML', () => tone.tone({ toneInput: html, contentType: 'text/html' }),
  { check: r => (r.sentences_tone ?? []).some(s => /<|var x/.test(s.text)) ? 'markup in sentences' : has(r, 'document_tone') });
await call('ibm-watson 6 Tone', 'tone', 'plain text, no sentences', () => tone.tone({ toneInput: review, contentType: 'text/plain', sentences: false }),
  { check: r => r.sentences_tone ? 'sentences_tone present' : has(r, 'document_tone') });
await call('ibm-watson 6 Tone', 'tone', 'empty text', () => tone.tone({ toneInput: { text: '' }, contentType: 'application/json' }), { refusal: { status: 400 } });
await call('ibm-watson 6 Tone', 'toneChat', 'two utterances', () => tone.toneChat({ utterances: [{ text: 'This is taking forever, I am so annoyed.', user: 'customer' }, { text: 'Thank you, that solved it!', user: 'customer' }] }),
  { check: r => r.utterances_tone?.length !== 2 ? 'not two utterances' : has(r, 'utterances_tone.0.utterance_text') });
await call('ibm-watson 6 Tone', 'toneChat', 'no utterances', () => tone.toneChat({ utterances: [] }), { refusal: { status: 400 } });
const pi = new PersonalityInsightsV3({ version: '2017-10-13', authenticator: auth6, serviceUrl: base });
await call('ibm-watson 6 Personality', 'profile', '700+ words, JSON', () => pi.profile({ content: { contentItems: [{ content: words(720), contenttype: 'text/plain' }] }, contentType: 'application/json', rawScores: true, consumptionPreferences: true }),
  // consumption preferences are not computed by Hearth: empty, with a NOT_COMPUTED warning (docs/api.md).
  { check: r => r.word_count < 700 ? `word_count ${r.word_count}` : r.needs?.length !== 12 || r.values?.length !== 5 ? 'needs or values missing'
    : r.warnings?.some(w => w.warning_id === 'NOT_COMPUTED') ? has(r, 'personality.0.children') : 'no NOT_COMPUTED warning' });
// The real service read ar, en, es, ja and ko only: French is refused, as there.
await call('ibm-watson 6 Personality', 'profile', '700+ words, text/plain, French', () => pi.profile({ content: (french + ' ').repeat(45), contentType: 'text/plain', contentLanguage: 'fr' }),
  { refusal: { status: 400 } });
await call('ibm-watson 6 Personality', 'profile', '50 words', () => pi.profile({ content: words(50), contentType: 'text/plain' }), { refusal: { status: 400 } });
await call('ibm-watson 6 Personality', 'profileAsCsv', '700+ words', () => pi.profileAsCsv({ content: words(720), contentType: 'text/plain', csvHeaders: true }),
  { check: r => { const text = Buffer.isBuffer(r) ? r.toString() : typeof r === 'string' ? r : (r?.read?.()?.toString() ?? ''); return /big5_openness/.test(text) ? null : `csv ${text.slice(0, 80)}`; } });

// ---- Google Cloud Natural Language 7.x, REST fallback, no credentials ----
// The node's token goes as a Google API key (X-Goog-Api-Key); without credentials (a pass-through auth client, as Google
// documents for custom endpoints) a node that requires its token refuses with 401.
const endpoint = { fallback: true, apiEndpoint: url.hostname, port: Number(url.port), protocol: 'http' };
for (const [version, Client] of [['v1', language.v1.LanguageServiceClient], ['v2', language.v2.LanguageServiceClient]]) {
  const anonymous = new Client({ ...endpoint, authClient: new PassThroughClient() });
  await call(`@google-cloud/language 7 ${version} (no credentials)`, 'analyzeSentiment', 'review',
    () => anonymous.analyzeSentiment({ document: { content: review, type: 'PLAIN_TEXT' } }), requireToken ? { refusal: { status: 401 } } : {});
  const google = new Client({ ...endpoint, apiKey: apikey });
  const client = `@google-cloud/language 7 ${version}`;
  const doc = (content, extra = {}) => ({ document: { content, type: 'PLAIN_TEXT', ...extra }, encodingType: 'UTF8' });
  await call(client, 'analyzeEntities', 'news', () => google.analyzeEntities(doc(news)),
    { check: r => r.entities?.some(e => e.type === 'DATE' || e.type === 11) ? has(r, 'entities.0.mentions.0.text.content') : 'no DATE entity' });
  await call(client, 'analyzeSentiment', 'review', () => google.analyzeSentiment(doc(review)), { check: r => has(r, 'documentSentiment', 'sentences.0.sentiment') });
  await call(client, 'annotateText', 'news, every feature', () => google.annotateText({ ...doc(news), features: version === 'v1'
    ? { extractSyntax: true, extractEntities: true, extractDocumentSentiment: true, extractEntitySentiment: true, classifyText: true, moderateText: true }
    : { extractEntities: true, extractDocumentSentiment: true, classifyText: true, moderateText: true } }),
    { check: r => has(r, 'entities', 'documentSentiment', 'categories', 'moderationCategories') });
  await call(client, 'classifyText', 'sports', () => google.classifyText(doc('The striker scored twice and the team won the cup final in extra time.')),
    { check: r => r.categories?.[0]?.name?.startsWith('/Sports') ? null : `categories ${JSON.stringify(r.categories)}` });
  await call(client, 'moderateText', 'finance', () => google.moderateText(doc('The bank raised interest rates and bond yields fell.')), { check: r => has(r, 'moderationCategories') });
  await call(client, 'analyzeEntities', 'HTML', () => google.analyzeEntities({ document: { content: html, type: 'HTML' } }), { check: r => has(r, 'language' in r ? 'language' : 'languageCode') });
  await call(client, 'analyzeSentiment', 'French', () => google.analyzeSentiment(doc(french)), { check: r => has(r, 'documentSentiment') });
  await call(client, 'analyzeEntities', 'empty content', () => google.analyzeEntities(doc('')),
    // google-gax 5 surfaces an HTTP error as gaxios does: the HTTP status, and the service's error body as the message.
    { refusal: { status: 400, text: 'INVALID_ARGUMENT' } });
  if (version === 'v1') {
    await call(client, 'analyzeEntitySentiment', 'review', () => google.analyzeEntitySentiment(doc('Anna loved Lyon but hated the rain in Paris.')),
      { check: r => has(r, 'entities.0.sentiment', 'entities.0.mentions.0.sentiment') });
    await call(client, 'analyzeSyntax', 'short', () => google.analyzeSyntax(doc('Meet Anna at 10:30 am.')), { check: r => has(r, 'tokens.0.partOfSpeech.tag', 'tokens.0.lemma', 'sentences') });
  }
}
