import { useState, type FormEvent } from 'react';
import { parseSettings, type Settings } from '../settings.js';

/** The server URL and API key, changed with a small form (also settable by URL parameters). */
export function SettingsForm(props: { settings: Settings; onChange(settings: Settings): void }) {
  const [serverUrl, setServerUrl] = useState(props.settings.serverUrl);
  const [apiKey, setApiKey] = useState(props.settings.apiKey);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseSettings({ serverUrl, apiKey });
    if (!parsed.ok) return setProblem(parsed.problem);
    setProblem(null);
    props.onChange(parsed.settings);
  }

  return (
    <details className="settings">
      <summary>Server: {props.settings.serverUrl}</summary>
      <form onSubmit={submit}>
        <label>
          Ballast URL
          <input type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label>
          API key
          <input
            type="password"
            autoComplete="off"
            placeholder="blst_… (empty when the server runs open)"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </label>
        <button type="submit">Connect</button>
        {problem && <p role="alert">{problem}</p>}
      </form>
    </details>
  );
}
