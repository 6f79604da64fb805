import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CollectionsQuery, IngestMutation } from '../operations.js';
import type { Settings } from '../settings.js';
import { uploadFile } from '../upload-file.js';
import { ErrorNote } from './ErrorNote.js';
import { IngestProgress } from './IngestProgress.js';

type Format = 'markdown' | 'text';

/** Adds documents to the collection: pasted text or Markdown, or an uploaded file. */
export function IngestPanel(props: { settings: Settings; collectionId: string }) {
  const client = useApolloClient();
  const [ingest, ingested] = useMutation(IngestMutation);
  const [jobs, setJobs] = useState<{ id: string; title: string }[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [format, setFormat] = useState<Format>('markdown');
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  async function submitDocument(document: { title: string } & Record<string, string>) {
    const result = await ingest({
      variables: { input: { collectionId: props.collectionId, documents: [document] } },
    }).catch(() => null);
    const id = result?.data?.ingestDocuments.id;
    if (id) setJobs((current) => [{ id, title: document.title }, ...current]);
    return Boolean(id);
  }

  async function paste(event: FormEvent) {
    event.preventDefault();
    if (await submitDocument({ title, [format]: body })) {
      setTitle('');
      setBody('');
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setUploadError(null);
    setUploading(true);
    try {
      const uploaded = await uploadFile(props.settings, file);
      await submitDocument({ title: uploaded.name, fileId: uploaded.id });
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <section aria-labelledby="ingest-heading">
      <h2 id="ingest-heading">Documents</h2>
      <form onSubmit={paste} aria-label="Paste a document">
        <label>
          Title
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={500}
          />
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="markdown">Markdown</option>
            <option value="text">Plain text</option>
          </select>
        </label>
        <label>
          Document
          <textarea value={body} onChange={(e) => setBody(e.target.value)} required rows={6} />
        </label>
        <button type="submit" disabled={ingested.loading}>
          Ingest
        </button>
      </form>
      <form onSubmit={upload} aria-label="Upload a file" className="inline">
        <label>
          File (text, Markdown, HTML)
          <input
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/*"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || uploading}>
          Upload and ingest
        </button>
      </form>
      <ErrorNote error={ingested.error ?? uploadError} />
      {jobs.length > 0 && (
        <ul aria-label="Ingestion jobs" className="jobs">
          {jobs.map((job) => (
            <IngestProgress
              key={job.id}
              jobId={job.id}
              title={job.title}
              onEnd={() => void client.refetchQueries({ include: [CollectionsQuery] })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
