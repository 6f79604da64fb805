import { z } from 'zod';
import { filesUrl } from './apollo.js';
import { credentialHeaders, type Settings } from './settings.js';

const FilesResponse = z.union([
  z.object({ files: z.array(z.object({ id: z.string(), name: z.string(), bytes: z.number() })) }),
  z.object({
    errors: z.array(
      z.object({ message: z.string(), extensions: z.object({ code: z.string() }).optional() }),
    ),
  }),
]);

/** An uploaded file's id and name, as `POST /files` answers. */
export interface UploadedFile {
  id: string;
  name: string;
  bytes: number;
}

/**
 * Uploads one file to Ballast's `POST /files` (multipart; the browser sets the boundary) and
 * resolves with its id, for `DocumentInput.fileId`. Rejects with the server's error code and
 * message when it refuses.
 */
export async function uploadFile(settings: Settings, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(filesUrl(settings), {
    method: 'POST',
    headers: credentialHeaders(settings),
    body: form,
  });
  const parsed = FilesResponse.safeParse(await response.json());
  if (!parsed.success) throw new Error(`POST /files answered HTTP ${response.status}`);
  if ('errors' in parsed.data) {
    const first = parsed.data.errors[0];
    throw new Error(`${first?.extensions?.code ?? 'ERROR'}: ${first?.message ?? 'upload failed'}`);
  }
  const uploaded = parsed.data.files[0];
  if (!uploaded) throw new Error('POST /files answered no file');
  return uploaded;
}
