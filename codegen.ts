import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for resolvers, generated from schema/**/*.graphql. The output is committed;
// CI regenerates it and fails when it differs (`npm run codegen` after a schema change).
const config: CodegenConfig = {
  schema: 'schema/**/*.graphql',
  hooks: {
    // The plugin re-exports a mapped enum with `export { X }`, which `verbatimModuleSyntax`
    // refuses for a type.
    beforeOneFileWrite: [
      (_path: string, content: string) =>
        content.replace(/^export \{ (\w+) \};$/gm, 'export type { $1 };'),
    ],
  },
  generates: {
    'src/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.js#GraphQLContext',
        mappers: {
          Collection: '../../collections/collection-row.js#CollectionRow',
          Document: '../../documents/document-row.js#DocumentRow',
          Chunk: '../../documents/document-row.js#ChunkRow',
          IngestJob: '../../ingest/ingest-job-row.js#IngestJobRow',
          File: '../../files/file-row.js#FileRow',
          SearchHit: '../../retrieval/hybrid-search.js#RetrievedChunk',
          ModelStatus: '../../models/types.js#ModelStatus as ModelStatusRecord',
          Run: '../../runs/run-row.js#RunRow',
          CheckpointEntry: '../../checkpoints/history.js#CheckpointEntry as CheckpointRecord',
          Thread: '../../runs/run-row.js#ThreadRow',
          Message: '../../runs/run-row.js#MessageRecord',
          Answer: '../../runs/run-row.js#AnswerRecord',
          Citation: '../../runs/run-row.js#CitationRecord',
          RunEvent: '../../runs/run-event.js#RunEvent as RunEventRecord',
          RunStarted: '../../runs/run-event.js#RunStartedEvent',
          RunResumed: '../../runs/run-event.js#RunResumedEvent',
          NodeStarted: '../../runs/run-event.js#NodeStartedEvent',
          NodeFinished: '../../runs/run-event.js#NodeFinishedEvent',
          RetrievalDone: '../../runs/run-event.js#RetrievalDoneEvent',
          TokenDelta: '../../runs/run-event.js#TokenDeltaEvent',
          ModelFallback: '../../runs/run-event.js#ModelFallbackEvent',
          RunCompleted: '../../runs/run-event.js#RunCompletedEvent',
          RunFailed: '../../runs/run-event.js#RunFailedEvent',
          RunCancelled: '../../runs/run-event.js#RunCancelledEvent',
        },
        // Each enum is the list defined once in TypeScript where its values are produced;
        // test/unit/graphql/enum-lists.test.ts keeps the SDL enums equal to them.
        enumValues: {
          ErrorCode: '../../errors.js#ErrorCode',
          FallbackReason: '../../../graphs/agentic-rag/fallback-reasons.js#FallbackReason',
          PiiType: '../../governance/pii/types.js#PiiType',
        },
        scalars: { DateTime: 'Date', JSON: 'unknown', ID: 'string' },
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
