/**
 * The HTTP API's bodies as zod schemas: the routes validate requests with them, and
 * `GET /openapi.json` is generated from them (src/http/openapi.ts), so the description cannot drift
 * from what the service accepts and answers. Limits are the running service's, hence factories.
 */
import { z } from 'zod';
import {
  FORMATS,
  CATEGORIES,
  configSchema,
  SEVERITIES,
  type Diagnostic,
  type LintResult,
  type Summary,
} from '../core/index.js';
import type { PoolLoad } from './lint-service.js';

export interface SchemaLimits {
  /** MTLINT_MAX_CHARS */
  maxChars: number;
  /** MTLINT_MAX_DIAGNOSTICS */
  maxDiagnostics: number;
  /** MTLINT_BATCH_MAX_DOCUMENTS */
  batchMaxDocuments: number;
}

// ---------------------------------------------------------------------------------------------
// Requests

/** How a document's text is to be read: the engine's processors. */
export { FORMATS };
export const formatSchema = z
  .enum(FORMATS, {
    error: `\`format\` must be one of ${FORMATS.map((name) => `"${name}"`).join(', ')}`,
  })
  .describe(
    'How to read `text`: plain text (the default), Markdown, HTML or XLIFF (a bilingual file: its targets are linted, its sources are the source unless `source` is given)',
  );

/** `text`, with the error messages the API has always given. */
function textSchema(maxChars: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? '`text` is required'
          : `\`text\` must be a string, got ${typeName(issue.input)}`,
    })
    .max(maxChars, {
      // The route answers this issue with 413 `text_too_long` (see lintRequestIssue).
      error: (issue) =>
        `The text is ${(issue.input as string).length} characters long; the limit is ${maxChars} (MTLINT_MAX_CHARS)`,
    })
    .describe('The article; UTF-16 code units (JavaScript string length) up to MTLINT_MAX_CHARS');
}

/** The body of `POST /v1/lint` (as JSON; a text/plain body is the text alone). */
export function lintRequestSchema(maxChars: number) {
  return z.object({
    text: textSchema(maxChars),
    config: configSchema.optional(),
    format: formatSchema.optional(),
    source: z
      .string({ error: '`source` must be a string' })
      .max(maxChars, {
        error: (issue) =>
          `The source is ${(issue.input as string).length} characters long; the limit is ${maxChars} (MTLINT_MAX_CHARS)`,
      })
      .optional()
      .describe(
        'The Chinese source of the text: the source checks (number-mismatch, gender-mismatch, omission, kept-token, terminology) compare the text with it',
      ),
    sourceFormat: formatSchema.optional().describe('How to read `source` (default: plain text)'),
    alignment: z
      .boolean({ error: '`alignment` must be true or false' })
      .optional()
      .describe(
        'With `source`: answer the sentence alignment of the text with its source (`alignment` in the result)',
      ),
  });
}

/** One document of `POST /v1/lint/batch`; each is validated on its own and fails on its own. */
export function batchDocumentSchema(maxChars: number) {
  return z.object(
    {
      id: z.union([z.string(), z.number()], {
        error: '`id` must be a string or a number',
      }),
      ...lintRequestSchema(maxChars).shape,
    },
    { error: 'Each document must be an object' },
  );
}

/** The body of `POST /v1/lint/batch`. */
export function batchRequestSchema(limits: SchemaLimits) {
  return z.object({
    documents: z.array(batchDocumentSchema(limits.maxChars)).max(limits.batchMaxDocuments),
  });
}

/** What a request's first problem is, as the API answers it. */
export function lintRequestIssue(error: z.ZodError): {
  status: 400 | 413;
  code: 'invalid_request' | 'invalid_config' | 'text_too_long';
  message: string;
} {
  const issue = error.issues[0]!;
  if (issue.path[0] === 'text' && issue.code === 'too_big') {
    return { status: 413, code: 'text_too_long', message: issue.message };
  }
  if (issue.path[0] === 'config') {
    // As the linter words a bad config (src/core/config.ts), so both places read alike.
    const where = issue.path.slice(1).join('.');
    return {
      status: 400,
      code: 'invalid_config',
      message: `Invalid config: ${where ? `${where}: ` : ''}${issue.message}`,
    };
  }
  return { status: 400, code: 'invalid_request', message: issue.message };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------
// Responses

const count = z.int().min(0);

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }).strict() })
  .strict();

export const diagnosticSchema = z
  .object({
    ruleId: z.string(),
    severity: z.enum(SEVERITIES),
    category: z.enum(CATEGORIES),
    message: z.string(),
    offset: count.describe('UTF-16 code units into the text as submitted'),
    length: count,
    line: z.int().min(1),
    column: z.int().min(1),
    endLine: z.int().min(1),
    endColumn: z.int().min(1),
    excerpt: z.string(),
    suggestions: z.array(z.string()),
    url: z.string().describe("The rule's documentation, relative to the service"),
    messageId: z
      .string()
      .describe("Which of the rule's messages this is: match on it, not on the wording"),
    fix: z
      .string()
      .optional()
      .describe('The replacement for the flagged text when it is safe to apply without review'),
    sourceOffset: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Source checks: where in the source the finding points (UTF-16 into `source`)'),
    sourceLength: z.number().int().min(0).optional(),
  })
  .strict();

export const alignmentPairSchema = z
  .object({
    offset: count.optional().describe('Start of the English sentence group (UTF-16 into `text`)'),
    length: count.optional(),
    sourceOffset: count
      .optional()
      .describe('Start of the Chinese sentence group (UTF-16 into `source`)'),
    sourceLength: count.optional(),
  })
  .strict()
  .describe(
    'A group of English sentences and the Chinese sentences it translates; a side is absent when the other has no counterpart (1-0, 0-1)',
  );

export function summarySchema(maxDiagnostics: number) {
  return z
    .object({
      errors: count,
      warnings: count,
      infos: count,
      words: count,
      sentences: count,
      categories: z.partialRecord(z.enum(CATEGORIES), z.int().min(1)),
      penalty: z.number().min(0).describe('MQM-style points per 100 words'),
      truncated: z
        .boolean()
        .describe(`True when diagnostics were cut at ${maxDiagnostics} (MTLINT_MAX_DIAGNOSTICS)`),
    })
    .strict();
}

/**
 * The lint answers, built together so that their shared parts are one schema each (one `$ref` each
 * in the generated document).
 */
export function lintResponseSchemas(maxDiagnostics: number) {
  const summary = summarySchema(maxDiagnostics);
  const lintResult = z
    .object({
      diagnostics: z.array(diagnosticSchema).max(maxDiagnostics),
      summary,
      ruleErrors: z
        .array(z.object({ ruleId: z.string(), message: z.string() }).strict())
        .optional()
        .describe(
          'Present when a rule crashed on this document: its findings are lost, the others are kept',
        ),
      alignment: z
        .array(alignmentPairSchema)
        .optional()
        .describe(
          'Present when the request asked for it (`alignment: true`) with a `source`: the sentence pairs in reading order; empty when the source could not be aligned (empty, not Chinese, or another text)',
        ),
    })
    .strict();
  const id = z.union([z.string(), z.number()]);
  const batchResponse = z
    .object({
      results: z
        .array(z.union([lintResult.extend({ id }), errorSchema.extend({ id })]))
        .describe('One entry per document, in order: its result or its own error'),
    })
    .strict();
  return { summary, lintResult, batchResponse };
}

export const ruleSchema = z
  .object({
    id: z.string(),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    recommended: z.boolean(),
    description: z.string(),
    options: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("JSON Schema of the rule's options, or null when it takes none"),
    url: z.string(),
  })
  .strict();
export type RuleDescription = z.infer<typeof ruleSchema>;

export const rulesResponseSchema = z.object({ rules: z.array(ruleSchema) }).strict();

export const healthSchema = z.object({ status: z.literal('ok') });

export const loadSchema = z.object({
  workers: count,
  running: count,
  queued: count,
  maxQueue: count,
  saturated: z.boolean(),
  workersFailing: z.boolean().describe('No lint worker is running (they failed to start)'),
});

export function readySchema(states: readonly [string, ...string[]]) {
  return z.object({ status: z.enum(states), load: loadSchema.optional() });
}

// ---------------------------------------------------------------------------------------------
// LanguageTool's API (/v2): its shapes, as its clients parse them

/**
 * `/v2/check`'s parameters (form or query), as the route reads them: each the first string given
 * for its name. Error messages are LanguageTool's.
 */
export const languageToolCheckSchema = z
  .object({
    text: z.string().optional(),
    data: z
      .string()
      .optional()
      .describe('Annotated text: {"annotation": [{"text"}|{"markup", "interpretAs"?}]}'),
    language: z
      .string({ error: "Missing 'language' parameter, e.g. 'language=en-US'" })
      .meta({ examples: ['en-US', 'en-GB', 'en', 'auto'] }),
    username: z.string().optional().describe('Any value: only `apiKey` is checked'),
    apiKey: z.string().optional().describe('The service token, when MTLINT_TOKEN is set'),
    preferredVariants: z
      .string()
      .optional()
      .describe('With `auto`: the English variant to answer with, e.g. `en-GB,de-AT`'),
    enabledRules: z.string().optional().describe('Comma-separated rule ids'),
    disabledRules: z.string().optional().describe('Comma-separated rule ids'),
    enabledCategories: z.string().optional().describe('Comma-separated category ids'),
    disabledCategories: z.string().optional().describe('Comma-separated category ids'),
    enabledOnly: z
      .string()
      .optional()
      .describe('`true`: only the rules and categories enabled here run (any other value: false)'),
    level: z
      .enum(['default', 'picky'], {
        error: "If 'level' is set, it must be set to 'default' or 'picky'",
      })
      .optional(),
  })
  .describe('Unknown parameters are ignored, as LanguageTool does');

const languageToolLanguage = z.object({ name: z.string(), code: z.string() });

export const languageToolMatchSchema = z.object({
  message: z.string(),
  shortMessage: z.string(),
  replacements: z.array(z.object({ value: z.string() })),
  offset: count,
  length: count,
  context: z.object({ text: z.string(), offset: count, length: count }),
  sentence: z.string(),
  type: z.object({ typeName: z.string() }),
  rule: z.object({
    id: z.string(),
    description: z.string(),
    issueType: z.string(),
    category: z.object({ id: z.string(), name: z.string() }),
    urls: z.array(z.object({ value: z.string() })).optional(),
  }),
  ignoreForIncompleteSentence: z.boolean(),
  contextForSureMatch: z.int(),
});
export type LanguageToolMatch = z.infer<typeof languageToolMatchSchema>;

export const languageToolResponseSchema = z.object({
  software: z.object({
    name: z.string(),
    version: z.string(),
    buildDate: z.string(),
    apiVersion: z.int(),
    premium: z.boolean(),
    status: z.string(),
  }),
  warnings: z.object({ incompleteResults: z.boolean() }),
  language: languageToolLanguage.extend({
    detectedLanguage: languageToolLanguage.extend({
      confidence: z.number().min(0).max(1),
      source: z.string(),
    }),
  }),
  matches: z.array(languageToolMatchSchema),
});
export type LanguageToolResponse = z.infer<typeof languageToolResponseSchema>;

export const languageToolLanguagesSchema = z.array(
  z.object({ name: z.string(), code: z.string(), longCode: z.string() }),
);

// ---------------------------------------------------------------------------------------------
// The schemas describe exactly the engine's types: a change to one that is not made to the
// other fails type-checking here.

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameDiagnostic: Same<z.infer<typeof diagnosticSchema>, Diagnostic> = true;
const sameSummary: Same<z.infer<ReturnType<typeof summarySchema>>, Summary> = true;
const sameResult: Same<
  z.infer<ReturnType<typeof lintResponseSchemas>['lintResult']>,
  LintResult
> = true;
const sameLoad: Same<z.infer<typeof loadSchema>, PoolLoad> = true;
void [sameDiagnostic, sameSummary, sameResult, sameLoad];
